package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;
import java.util.Locale;

/** Step through the output positions: the patch in the input, its row in mllib's im2col matrix, the product. */
public final class Im2colWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_im2col_title);
        WidgetViews.Slider step = new WidgetViews.Slider(card, context.getString(R.string.widget_im2col_position), 0, 3, 3, 0);
        step.seekBar().setTag("im2col_step");
        TextView out = WidgetViews.mono(context);
        out.setTag("im2col_out");
        card.addView(out);
        float[] col = Im2colDemo.columns().data();
        float[] product = Im2colDemo.product();
        float[] conv = Im2colDemo.conv2d();
        step.onChange(v -> {
            int k = (int) Math.round(v);
            int oy = k / 2;
            int ox = k % 2;
            StringBuilder sb = new StringBuilder(context.getString(R.string.widget_im2col_input)).append('\n');
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 3; x++) {
                    boolean in = y >= oy && y < oy + 2 && x >= ox && x < ox + 2;
                    String value = TensorText.compact(Im2colDemo.INPUT[y * 3 + x]);
                    sb.append(in ? "[" + value + "]" : " " + value + " ");
                }
                sb.append('\n');
            }
            sb.append(context.getString(R.string.widget_im2col_matrix)).append('\n');
            for (int r = 0; r < 4; r++) {
                sb.append(r == k ? "→" : " ");
                for (int c = 0; c < 4; c++) {
                    sb.append(String.format(Locale.ROOT, "%3s", TensorText.compact(col[r * 4 + c])));
                }
                sb.append(String.format(Locale.ROOT, "  · (2, 0, 0, −1) = %s\n", TensorText.compact(product[r])));
            }
            sb.append(context.getString(R.string.widget_im2col_conv2d, TensorText.compact(conv[0]),
                    TensorText.compact(conv[1]), TensorText.compact(conv[2]), TensorText.compact(conv[3])));
            WidgetViews.show(out, sb);
        });
        return card;
    }
}
