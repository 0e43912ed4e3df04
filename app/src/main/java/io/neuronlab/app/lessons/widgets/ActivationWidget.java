package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;

/**
 * Pick an activation and move x: the function and its slope plotted over −5..5 (values from mllib, slopes from
 * mllib's autograd), the point at x marked on both curves, and its value and slope read out.
 */
public final class ActivationWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_activation_title);
        int[] chosen = {1};
        TextView out = WidgetViews.mono(context);
        out.setTag("activation_out");
        io.neuronlab.app.chart.ChartView chart = new io.neuronlab.app.chart.ChartView(context);
        chart.setTag("activation_chart");
        chart.setAxisTitles("x", "");
        chart.setXRange(-5f, 5f);
        int[] colors = io.neuronlab.app.chart.ChartView.palette(context);
        // the curves change only with the function: made once per choice
        int[] curveOf = {-1};
        java.util.List<io.neuronlab.app.chart.Series> curves = new java.util.ArrayList<>();
        WidgetViews.Slider[] x = new WidgetViews.Slider[1];
        Runnable refresh = () -> {
            if (x[0] == null) {
                return;
            }
            ActivationDemo.Point p = ActivationDemo.at(chosen[0], x[0].value());
            String name = ActivationDemo.NAMES[chosen[0]];
            if (curveOf[0] != chosen[0]) {
                float[][] c = ActivationDemo.curve(chosen[0], -5, 5, 201);
                curves.clear();
                curves.add(new io.neuronlab.app.chart.Series(name + "(x)", c[0], c[1], colors[0]));
                curves.add(new io.neuronlab.app.chart.Series(name + "'(x)", c[0], c[2], colors[1]));
                curveOf[0] = chosen[0];
            }
            java.util.List<io.neuronlab.app.chart.Series> shown = new java.util.ArrayList<>(curves);
            float at = (float) x[0].value();
            shown.add(new io.neuronlab.app.chart.Series("h = " + WidgetViews.number(p.value()), new float[] {at},
                    new float[] {p.value()}, colors[0]));
            shown.add(new io.neuronlab.app.chart.Series("h' = " + WidgetViews.number(p.slope()), new float[] {at},
                    new float[] {p.slope()}, colors[1]));
            chart.setSeries(shown);
            StringBuilder sb = new StringBuilder();
            sb.append(ActivationDemo.NAMES[chosen[0]]).append("(x) = ").append(WidgetViews.number(p.value()))
                    .append("\n").append(context.getString(R.string.widget_activation_slope)).append(' ')
                    .append(WidgetViews.number(p.slope())).append("\n\n   x    h(x)   h'(x)\n");
            for (int v = -4; v <= 4; v += 2) {
                ActivationDemo.Point q = ActivationDemo.at(chosen[0], v);
                sb.append(String.format(java.util.Locale.ROOT, "%4d  %6.3f  %6.3f\n", v, q.value(), q.slope()));
            }
            WidgetViews.show(out, sb.toString().trim());
        };
        WidgetViews.choices(card, ActivationDemo.NAMES, "activation_", i -> {
            chosen[0] = i;
            refresh.run();
        });
        x[0] = new WidgetViews.Slider(card, "x", -5, 5, 100, 1);
        x[0].seekBar().setTag("activation_x");
        card.addView(chart);
        card.addView(out);
        x[0].onChange(v -> refresh.run());
        return card;
    }
}
