package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;

/** The two-layer XOR, layer by layer, from mllib's gates: s1 = NAND, s2 = OR, y = AND(s1, s2). */
public final class XorWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_xor_title);
        TextView out = WidgetViews.mono(context);
        StringBuilder sb = new StringBuilder("x1 x2 | s1 s2 | y\n");
        for (int[] x : PerceptronDemo.INPUTS) {
            int s1 = PerceptronDemo.gate("NAND", x[0], x[1]);
            int s2 = PerceptronDemo.gate("OR", x[0], x[1]);
            int y = PerceptronDemo.gate("AND", s1, s2);
            sb.append(' ').append(x[0]).append("  ").append(x[1]).append(" |  ").append(s1).append("  ").append(s2)
                    .append(" | ").append(y).append('\n');
        }
        WidgetViews.show(out, sb.toString().trim());
        card.addView(out);
        return card;
    }
}
