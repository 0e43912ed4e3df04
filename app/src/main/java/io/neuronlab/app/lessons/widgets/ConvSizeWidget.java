package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;

/** Output-size calculator: sliders for input size, filter, padding and stride; mllib's formula gives the size. */
public final class ConvSizeWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_convsize_title);
        int[] v = {28, 5, 0, 1};
        TextView out = WidgetViews.mono(context);
        out.setTag("convsize_out");
        Runnable refresh = () -> WidgetViews.show(out, "(" + v[0] + " + 2·" + v[2] + " − " + v[1] + ") / " + v[3]
                + " + 1 → " + ConvolutionDemo.outputSize(v[0], v[1], v[2], v[3]));
        String[] names = {"H", "K", "P", "S"};
        double[][] ranges = {{1, 32}, {1, 7}, {0, 3}, {1, 4}};
        for (int i = 0; i < 4; i++) {
            int k = i;
            WidgetViews.Slider s = new WidgetViews.Slider(card, names[i], ranges[i][0], ranges[i][1],
                    (int) (ranges[i][1] - ranges[i][0]), v[i]);
            s.seekBar().setTag("convsize_" + names[i]);
            s.onChange(x -> {
                v[k] = (int) Math.round(x);
                refresh.run();
            });
        }
        card.addView(out);
        refresh.run();
        return card;
    }
}
