package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;

/** A slider for the right class's probability; mllib's two losses of that prediction. */
public final class LossWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_loss_title);
        WidgetViews.Slider p = new WidgetViews.Slider(card, "y2", 0.01, 0.99, 98, 0.6);
        p.seekBar().setTag("loss_p");
        TextView out = WidgetViews.mono(context);
        out.setTag("loss_out");
        card.addView(out);
        p.onChange(v -> {
            float[] y = LossDemo.prediction(v);
            LossDemo.Losses l = LossDemo.losses(y);
            StringBuilder sb = new StringBuilder("y = (");
            for (int i = 0; i < y.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(TensorText.compact(Math.round(y[i] * 1000) / 1000.0));
            }
            sb.append(")\nt = (0, 0, 1, 0, 0, 0, 0, 0, 0, 0)\n")
                    .append("SSE = ").append(WidgetViews.number(l.sumSquared())).append('\n')
                    .append("CE  = ").append(WidgetViews.number(l.crossEntropy()));
            WidgetViews.show(out, sb);
        });
        return card;
    }
}
