package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;

/** The apple graph: sliders for price, count and tax; values forward and gradients backward from mllib's autograd. */
public final class BackpropWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_backprop_title);
        double[] v = {100, 2, 1.1};
        WidgetViews.Slider price = new WidgetViews.Slider(card, context.getString(R.string.widget_backprop_price), 50, 200, 30, v[0]);
        WidgetViews.Slider count = new WidgetViews.Slider(card, context.getString(R.string.widget_backprop_count), 0, 5, 5, v[1]);
        WidgetViews.Slider tax = new WidgetViews.Slider(card, context.getString(R.string.widget_backprop_tax), 1, 1.2, 20, v[2]);
        price.seekBar().setTag("backprop_price");
        count.seekBar().setTag("backprop_count");
        tax.seekBar().setTag("backprop_tax");
        TextView out = WidgetViews.mono(context);
        out.setTag("backprop_out");
        card.addView(out);
        Runnable refresh = () -> {
            BackpropDemo.Graph g = BackpropDemo.apples(v[0], v[1], v[2]);
            String text = context.getString(R.string.widget_backprop_forward) + "\n"
                    + "  " + TensorText.compact(v[0]) + " × " + TensorText.compact(v[1]) + " = " + TensorText.compact(g.subtotal())
                    + "\n  " + TensorText.compact(g.subtotal()) + " × " + TensorText.compact(v[2]) + " = " + TensorText.compact(g.total())
                    + "\n" + context.getString(R.string.widget_backprop_backward) + "\n"
                    + "  ∂total/∂price = " + TensorText.compact(g.dPrice())
                    + "\n  ∂total/∂count = " + TensorText.compact(g.dCount())
                    + "\n  ∂total/∂tax   = " + TensorText.compact(g.dTax());
            WidgetViews.show(out, text);
        };
        price.onChange(x -> {
            v[0] = x;
            refresh.run();
        });
        count.onChange(x -> {
            v[1] = x;
            refresh.run();
        });
        tax.onChange(x -> {
            v[2] = x;
            refresh.run();
        });
        return card;
    }
}
