package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;

/** Three score sliders and the probabilities mllib's softmax gives them. */
public final class SoftmaxWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_softmax_title);
        float[] scores = {0.3f, 2.9f, 4.0f};
        TextView out = WidgetViews.mono(context);
        WidgetViews.Slider[] sliders = new WidgetViews.Slider[3];
        Runnable refresh = () -> {
            float[] y = SoftmaxDemo.guarded(scores);
            StringBuilder sb = new StringBuilder();
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sb.append("y").append(i + 1).append(" = ").append(WidgetViews.number(y[i])).append('\n');
                sum += y[i];
            }
            sb.append("Σ y = ").append(WidgetViews.number(sum));
            out.setText(sb);
            out.setContentDescription(sb);
        };
        for (int i = 0; i < 3; i++) {
            sliders[i] = new WidgetViews.Slider(card, "a" + (i + 1), -5, 5, 100, scores[i]);
            sliders[i].seekBar().setTag("softmax_a" + (i + 1));
        }
        out.setTag("softmax_out");
        card.addView(out);
        for (int i = 0; i < 3; i++) {
            int k = i;
            sliders[i].onChange(v -> {
                scores[k] = (float) v;
                refresh.run();
            });
        }
        return card;
    }
}
