package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;
import java.util.List;

/** Sliders for w1, w2, b; mllib's perceptron fills the truth table and the gates it matches are named. */
public final class PerceptronWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_perceptron_title);
        double[] p = {0.5, 0.5, -0.7};
        WidgetViews.Slider w1 = new WidgetViews.Slider(card, "w1", -1, 1, 40, p[0]);
        WidgetViews.Slider w2 = new WidgetViews.Slider(card, "w2", -1, 1, 40, p[1]);
        WidgetViews.Slider b = new WidgetViews.Slider(card, "b", -1, 1, 40, p[2]);
        w1.seekBar().setTag("perceptron_w1");
        w2.seekBar().setTag("perceptron_w2");
        b.seekBar().setTag("perceptron_b");
        TextView out = WidgetViews.mono(context);
        out.setTag("perceptron_out");
        card.addView(out);
        Runnable refresh = () -> {
            int[] table = PerceptronDemo.truthTable(p[0], p[1], p[2]);
            StringBuilder sb = new StringBuilder("x1 x2 | y\n");
            for (int i = 0; i < table.length; i++) {
                sb.append(' ').append(PerceptronDemo.INPUTS[i][0]).append("  ").append(PerceptronDemo.INPUTS[i][1])
                        .append(" | ").append(table[i]).append('\n');
            }
            List<String> gates = PerceptronDemo.matchingGates(table);
            sb.append(gates.isEmpty() ? context.getString(R.string.widget_perceptron_none)
                    : context.getString(R.string.widget_perceptron_is, android.text.TextUtils.join(", ", gates)));
            WidgetViews.show(out, sb);
        };
        w1.onChange(v -> {
            p[0] = v;
            refresh.run();
        });
        w2.onChange(v -> {
            p[1] = v;
            refresh.run();
        });
        b.onChange(v -> {
            p[2] = v;
            refresh.run();
        });
        return card;
    }
}
