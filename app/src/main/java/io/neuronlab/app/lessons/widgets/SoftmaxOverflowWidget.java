package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;

/** Scores (s, s−10, s−20) with s up to 1010: the textbook formula overflows to NaN, mllib's guarded one does not. */
public final class SoftmaxOverflowWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_softmax_overflow_title);
        WidgetViews.Slider top = new WidgetViews.Slider(card, "s", 0, 1010, 101, 10);
        top.seekBar().setTag("overflow_s");
        TextView out = WidgetViews.mono(context);
        out.setTag("overflow_out");
        card.addView(out);
        top.onChange(s -> {
            float[] a = SoftmaxDemo.overflowScores(s);
            String text = context.getString(R.string.widget_softmax_overflow_scores, row(a))
                    + "\n" + context.getString(R.string.widget_softmax_overflow_exp, row(SoftmaxDemo.exponentials(a)))
                    + "\n" + context.getString(R.string.widget_softmax_overflow_naive, row(SoftmaxDemo.naive(a)))
                    + "\n" + context.getString(R.string.widget_softmax_overflow_guarded, row(SoftmaxDemo.guarded(a)));
            out.setText(text);
            out.setContentDescription(text);
        });
        return card;
    }

    static String row(float[] values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(WidgetViews.number(values[i]));
        }
        return sb.append(')').toString();
    }
}
