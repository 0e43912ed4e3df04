package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;
import java.util.List;
import java.util.Locale;

/**
 * Pick an optimizer and its learning rate; mllib runs 30 updates on x²/20 + y² from (−7, 2): the path over the
 * function's contours (the book's figure) and a table of the points.
 */
public final class OptimizersWidget implements WidgetFactory {
    private static final String[] LABELS = {"SGD", "Momentum", "AdaGrad", "RMSprop", "Adam"};

    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_optimizers_title);
        TextView out = WidgetViews.mono(context);
        out.setTag("optimizers_out");
        io.neuronlab.app.chart.ChartView chart = new io.neuronlab.app.chart.ChartView(context);
        chart.setTag("optimizers_chart");
        chart.setAxisTitles("x", "y");
        chart.setXRange(-10f, 10f);
        chart.setYRange(-5f, 5f);
        int[] colors = io.neuronlab.app.chart.ChartView.palette(context);
        List<io.neuronlab.app.chart.Series> contours = new java.util.ArrayList<>();
        for (float level : new float[] {0.5f, 2f, 4.5f}) {
            contours.add(OptimizerPaths.contour(level, "f = " + WidgetViews.number(level), colors[5]).faint());
        }
        int[] chosen = {0};
        WidgetViews.Slider[] rate = new WidgetViews.Slider[1];
        Runnable refresh = () -> {
            if (rate[0] == null) {
                return;
            }
            // the slider scales the book's rate by a power of two: at 0 it is exactly the book's rate
            float lr = (float) (OptimizerPaths.BOOK_RATES[chosen[0]] * Math.pow(2, rate[0].value()));
            List<float[]> path = OptimizerPaths.path(OptimizerPaths.NAMES[chosen[0]], lr);
            float[] px = new float[path.size()];
            float[] py = new float[path.size()];
            for (int i = 0; i < path.size(); i++) {
                px[i] = path.get(i)[0];
                py[i] = path.get(i)[1];
            }
            List<io.neuronlab.app.chart.Series> shown = new java.util.ArrayList<>(contours);
            shown.add(new io.neuronlab.app.chart.Series(LABELS[chosen[0]], px, py, colors[chosen[0]]));
            chart.setSeries(shown);
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s, lr = %s\n", LABELS[chosen[0]],
                    WidgetViews.number(lr)));
            for (int step : new int[] {0, 1, 2, 5, 10, 20, 30}) {
                float[] p = path.get(step);
                sb.append(String.format(Locale.ROOT, "%2d: (%s, %s)  f = %s\n", step, WidgetViews.number(p[0]),
                        WidgetViews.number(p[1]), WidgetViews.number(OptimizerPaths.f(p[0], p[1]))));
            }
            WidgetViews.show(out, sb.toString().trim());
        };
        WidgetViews.choices(card, LABELS, "optimizer_", i -> {
            chosen[0] = i;
            if (rate[0] != null) {
                // each optimizer starts at the book's rate
                rate[0].seekBar().setProgress(16);
            }
            refresh.run();
        });
        rate[0] = new WidgetViews.Slider(card, context.getString(R.string.widget_optimizers_scale), -4, 2, 24, 0);
        rate[0].seekBar().setTag("optimizers_rate");
        card.addView(chart);
        card.addView(out);
        rate[0].onChange(v -> refresh.run());
        return card;
    }
}
