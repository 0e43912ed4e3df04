package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;
import io.neuronlab.mllib.gradient.GradientDescent;
import io.neuronlab.app.chart.ChartView;
import io.neuronlab.app.chart.Series;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A learning-rate slider (log scale); mllib's descent on x0² + x1²: the path over the contours, f after every step
 * (log scale, so convergence, crawling and divergence all fit), where it ends, and whether that is good.
 */
public final class GradientDescentWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_descent_title);
        WidgetViews.Slider rate = new WidgetViews.Slider(card, "log10(lr)", -4, 1, 50, -1);
        rate.seekBar().setTag("descent_rate");
        TextView out = WidgetViews.mono(context);
        out.setTag("descent_out");
        ChartView path = new ChartView(context);
        path.setTag("descent_path");
        path.setAxisTitles("x0", "x1");
        path.setXRange(-5f, 5f);
        path.setYRange(-5f, 5f);
        ChartView loss = new ChartView(context);
        loss.setTag("descent_loss");
        loss.setAxisTitles(context.getString(R.string.widget_descent_step), "log10 f");
        card.addView(path);
        card.addView(loss);
        card.addView(out);
        int[] colors = ChartView.palette(context);
        List<Series> contours = new ArrayList<>();
        for (float radius : new float[] {1f, 3f, 5f}) {
            contours.add(GradientDescentDemo.contour(radius, "f = " + (int) (radius * radius), colors[2]).faint());
        }
        rate.onChange(v -> {
            GradientDescent.Result r = GradientDescentDemo.descend(v);
            float[][] xy = GradientDescentDemo.pathXY(r);
            List<Series> shown = new ArrayList<>(contours);
            shown.add(new Series(context.getString(R.string.widget_descent_path), xy[0], xy[1], colors[0]));
            path.setSeries(shown);
            loss.setSeries(Collections.singletonList(new Series("log10 f", GradientDescentDemo.steps(r),
                    GradientDescentDemo.logLoss(r), colors[1])));
            double f = GradientDescentDemo.F.applyAsDouble(r.x());
            double[] mid = r.path().get(10);
            double start = GradientDescentDemo.F.applyAsDouble(GradientDescentDemo.START);
            int verdict = !Double.isFinite(f) || f >= start ? R.string.widget_descent_diverged
                    : f < 1e-6 ? R.string.widget_descent_converged : R.string.widget_descent_slow;
            String text = String.format(Locale.ROOT, "lr = %s\n", WidgetViews.number(Math.pow(10, v)))
                    + context.getString(R.string.widget_descent_after, 10) + " (" + WidgetViews.number(mid[0]) + ", "
                    + WidgetViews.number(mid[1]) + ")\n"
                    + context.getString(R.string.widget_descent_after, GradientDescentDemo.STEPS) + " ("
                    + WidgetViews.number(r.x()[0]) + ", " + WidgetViews.number(r.x()[1]) + ")\n"
                    + "f = " + WidgetViews.number(f) + "\n" + context.getString(verdict);
            WidgetViews.show(out, text);
        });
        return card;
    }
}
