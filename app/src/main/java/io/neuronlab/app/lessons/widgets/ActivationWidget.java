package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;

/** Pick an activation and move x: its value (mllib) and slope (mllib autograd), with a row of values for context. */
public final class ActivationWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_activation_title);
        int[] chosen = {1};
        TextView out = WidgetViews.mono(context);
        out.setTag("activation_out");
        WidgetViews.Slider[] x = new WidgetViews.Slider[1];
        Runnable refresh = () -> {
            if (x[0] == null) {
                return;
            }
            ActivationDemo.Point p = ActivationDemo.at(chosen[0], x[0].value());
            StringBuilder sb = new StringBuilder();
            sb.append(ActivationDemo.NAMES[chosen[0]]).append("(x) = ").append(WidgetViews.number(p.value()))
                    .append("\n").append(context.getString(R.string.widget_activation_slope)).append(' ')
                    .append(WidgetViews.number(p.slope())).append("\n\n   x    h(x)   h'(x)\n");
            for (int v = -4; v <= 4; v += 2) {
                ActivationDemo.Point q = ActivationDemo.at(chosen[0], v);
                sb.append(String.format(java.util.Locale.ROOT, "%4d  %6.3f  %6.3f\n", v, q.value(), q.slope()));
            }
            WidgetViews.show(out, sb.toString().trim());
        };
        WidgetViews.choices(card, ActivationDemo.NAMES, "activation_", i -> {
            chosen[0] = i;
            refresh.run();
        });
        x[0] = new WidgetViews.Slider(card, "x", -5, 5, 100, 1);
        x[0].seekBar().setTag("activation_x");
        card.addView(out);
        x[0].onChange(v -> refresh.run());
        return card;
    }
}
