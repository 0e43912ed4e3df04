package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import io.neuronlab.app.R;
import io.neuronlab.app.chart.ChartView;
import io.neuronlab.app.chart.Series;
import io.neuronlab.mllib.lab.ExperimentProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lesson 13: mllib trains the book's overfitting experiment live — plain, weight decay, dropout — and the chart
 * shows each one's accuracy on its 300 training images (bold) and on held-out test images (faint); the status
 * line gives the gaps.
 */
public final class OverfittingWidget implements WidgetFactory {
    static final String KEY = "overfitting";

    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_overfitting_title);
        WidgetJobs jobs = WidgetJobs.of(context);
        TrainingPanel panel = new TrainingPanel(card, KEY);
        panel.chart.setAxisTitles(context.getString(R.string.widget_training_epoch),
                context.getString(R.string.widget_overfitting_accuracy));
        panel.chart.setYRange(0f, 1f);
        panel.status.setText(context.getString(R.string.widget_overfitting_ready, OverfittingDemo.EPOCHS,
                OverfittingDemo.TEST_IMAGES));
        panel.button.setOnClickListener(v -> {
            if (jobs.isRunning(KEY)) {
                jobs.stop(KEY);
                return;
            }
            panel.showRunning(true);
            panel.showProgress(0);
            jobs.start(KEY, new OverfittingJob(context));
        });
        jobs.state(KEY).observe(WidgetJobs.lifecycle(context), state -> {
            if (state instanceof ExperimentProgress p) {
                show(context, panel, p);
            } else if (state != null) {
                panel.showRunning(false);
                WidgetViews.show(panel.status, context.getString(R.string.widget_training_failed, state));
            }
        });
        return card;
    }

    /** The variants' names as the screen shows them, in the experiment's order. */
    static String[] names(Context context) {
        return new String[] {context.getString(R.string.widget_overfitting_plain),
                context.getString(R.string.widget_overfitting_decay),
                context.getString(R.string.widget_overfitting_dropout)};
    }

    private static void show(Context context, TrainingPanel panel, ExperimentProgress p) {
        panel.showRunning(!p.isDone());
        panel.showProgress(p.fractionDone());
        String[] names = names(context);
        int[] colors = ChartView.palette(context);
        List<Series> series = new ArrayList<>();
        StringBuilder text = new StringBuilder(context.getString(R.string.widget_overfitting_where, p.epoch, p.epochs));
        for (int c = 0; c < p.contestants(); c++) {
            float[] train = p.trainAccuracy(c);
            float[] test = p.testAccuracy(c);
            if (train.length > 0) {
                series.add(Series.of(names[c] + " · " + context.getString(R.string.widget_overfitting_train), train,
                        colors[c]));
                series.add(Series.of(names[c] + " · " + context.getString(R.string.widget_overfitting_test), test,
                        colors[c]).faint());
                text.append('\n').append(context.getString(R.string.widget_overfitting_gap, names[c],
                        percent(train[train.length - 1]), percent(test[test.length - 1]), percent(p.gap(c))));
            }
            if (p.divergence(c) != null) {
                text.append('\n').append(names[c]).append(": ").append(p.divergence(c));
            }
        }
        if (!series.isEmpty()) {
            panel.chart.setSeries(series);
        }
        if (p.status == ExperimentProgress.Status.STOPPED) {
            text.append('\n').append(context.getString(R.string.widget_training_stopped));
        }
        WidgetViews.show(panel.status, text);
    }

    static String percent(float fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }
}
