package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.graphics.Typeface;
import android.view.Gravity;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;

/** A 4×4 grid (tap a cell to raise it, 9 wraps to 0) pooled 2×2 by mllib: max, average or sum. */
public final class PoolingWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_pooling_title);
        float[] grid = PoolingDemo.BOOK.clone();
        int[] mode = {0};
        String[] labels = {context.getString(R.string.widget_pooling_max),
                context.getString(R.string.widget_pooling_average), context.getString(R.string.widget_pooling_sum)};
        TextView out = WidgetViews.mono(context);
        out.setTag("pooling_out");
        TextView[] cells = new TextView[16];
        Runnable refresh = () -> {
            for (int i = 0; i < 16; i++) {
                cells[i].setText(TensorText.compact(grid[i]));
                cells[i].setContentDescription(context.getString(R.string.widget_pooling_cell, i / 4 + 1, i % 4 + 1,
                        TensorText.compact(grid[i])));
            }
            float[] y = PoolingDemo.pool(grid, mode[0]);
            WidgetViews.show(out, context.getString(R.string.widget_pooling_output, labels[mode[0]]) + "\n"
                    + String.format(java.util.Locale.ROOT, "%6s %6s\n%6s %6s", TensorText.compact(y[0]), TensorText.compact(y[1]),
                    TensorText.compact(y[2]), TensorText.compact(y[3])));
        };
        int size = WidgetViews.dp(context, 44);
        for (int r = 0; r < 4; r++) {
            LinearLayout row = new LinearLayout(context);
            for (int c = 0; c < 4; c++) {
                int i = r * 4 + c;
                TextView cell = WidgetViews.text(context, 18);
                cell.setTypeface(Typeface.MONOSPACE);
                cell.setGravity(Gravity.CENTER);
                // the four 2×2 windows in alternating shades
                boolean shaded = ((r / 2) + (c / 2)) % 2 == 0;
                cell.setBackgroundColor(context.getColor(shaded ? R.color.primary_container : R.color.surface));
                cell.setTag("pooling_cell_" + i);
                cell.setOnClickListener(v -> {
                    grid[i] = (grid[i] + 1) % 10;
                    refresh.run();
                });
                row.addView(cell, new LinearLayout.LayoutParams(size, size));
                cells[i] = cell;
            }
            card.addView(row);
        }
        WidgetViews.choices(card, labels, "pooling_mode_", i -> {
                    mode[0] = i;
                    if (cells[15] != null) {
                        refresh.run();
                    }
                });
        card.addView(out);
        refresh.run();
        return card;
    }
}
