package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;

/** A 3-point moving average by mllib's 1-D convolution; a slider picks which output to explain. */
public final class MovingAverageWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_conv1d_title);
        float[] out = ConvolutionDemo.movingAverage();
        WidgetViews.Slider position = new WidgetViews.Slider(card, "i", 0, out.length - 1, out.length - 1, 0);
        position.seekBar().setTag("conv1d_i");
        TextView text = WidgetViews.mono(context);
        text.setTag("conv1d_out");
        card.addView(text);
        position.onChange(x -> {
            int i = (int) Math.round(x);
            float[] s = ConvolutionDemo.SIGNAL;
            StringBuilder sb = new StringBuilder("x = ");
            for (int j = 0; j < s.length; j++) {
                boolean in = j >= i && j < i + 3;
                sb.append(in ? "[" : " ").append(TensorText.compact(s[j])).append(in ? "]" : " ");
            }
            sb.append("\ny = ");
            for (float v : out) {
                sb.append(TensorText.compact(Math.round(v * 100) / 100.0)).append(' ');
            }
            sb.append("\ny").append(i).append(" = (").append(TensorText.compact(s[i])).append(" + ")
                    .append(TensorText.compact(s[i + 1])).append(" + ").append(TensorText.compact(s[i + 2]))
                    .append(") / 3 = ").append(WidgetViews.number(out[i]));
            WidgetViews.show(text, sb);
        });
        return card;
    }
}
