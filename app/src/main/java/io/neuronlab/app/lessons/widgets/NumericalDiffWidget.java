package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;

/** A slider for h = 10^−k; mllib's forward and central differences of the book's function and their errors. */
public final class NumericalDiffWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_numdiff_title);
        WidgetViews.Slider k = new WidgetViews.Slider(card, "k (h = 10^-k)", 1, 17, 16, 4);
        k.seekBar().setTag("numdiff_k");
        TextView out = WidgetViews.mono(context);
        out.setTag("numdiff_out");
        card.addView(out);
        k.onChange(v -> {
            NumericalDiffDemo.Slopes s = NumericalDiffDemo.at((int) Math.round(v));
            String text = "h = " + WidgetViews.number(s.h()) + "\n"
                    + context.getString(R.string.widget_numdiff_forward) + " " + s.forward()
                    + "\n   " + context.getString(R.string.widget_numdiff_error) + " " + WidgetViews.number(s.forwardError())
                    + "\n" + context.getString(R.string.widget_numdiff_central) + " " + s.central()
                    + "\n   " + context.getString(R.string.widget_numdiff_error) + " " + WidgetViews.number(s.centralError());
            WidgetViews.show(out, text);
        });
        return card;
    }
}
