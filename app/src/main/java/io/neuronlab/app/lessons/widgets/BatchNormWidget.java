package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import io.neuronlab.app.R;
import io.neuronlab.app.chart.ChartView;
import io.neuronlab.app.chart.Series;
import io.neuronlab.mllib.lab.LabProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lesson 12: pick an initialiser and train the network with and without batch normalisation side by side (mllib,
 * same starting weights, same mini-batches): the two loss curves and the two test-accuracy curves.
 */
public final class BatchNormWidget implements WidgetFactory {
    static final String KEY = "batchnorm";

    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_batchnorm_title);
        WidgetJobs jobs = WidgetJobs.of(context);
        int[] init = new int[1];
        RememberedChoices.add(card, jobs, KEY + "_init", R.string.widget_init_initialiser, BatchNormDemo.INIT_LABELS, 0,
                i -> init[0] = i);
        TrainingPanel panel = new TrainingPanel(card, KEY);
        panel.chart.setAxisTitles(context.getString(R.string.widget_training_epoch),
                context.getString(R.string.widget_training_loss));
        ChartView accuracy = new ChartView(context);
        accuracy.setTag(KEY + "_accuracy");
        accuracy.setAxisTitles(context.getString(R.string.widget_training_epoch),
                context.getString(R.string.widget_batchnorm_test_accuracy));
        accuracy.setYRange(0f, 1f);
        accuracy.setWholeNumberX(true);
        card.addView(accuracy, card.indexOfChild(panel.status));
        panel.status.setText(context.getString(R.string.widget_batchnorm_ready, BatchNormDemo.TRAIN_IMAGES,
                BatchNormDemo.EPOCHS, TrainingPanel.plain(BatchNormDemo.LEARNING_RATE)));
        panel.button.setOnClickListener(v -> {
            if (jobs.isRunning(KEY)) {
                jobs.stop(KEY);
                return;
            }
            panel.showRunning(true);
            panel.showProgress(0);
            jobs.start(KEY, new LabRunsJob(context, BatchNormDemo.settings(init[0])));
        });
        jobs.<List<LabProgress>>state(KEY).observe(WidgetJobs.lifecycle(context), runs -> {
            if (runs != null && runs.size() == 2) {
                show(context, panel, accuracy, runs);
            }
        });
        return card;
    }

    private static void show(Context context, TrainingPanel panel, ChartView accuracy, List<LabProgress> runs) {
        String[] names = {context.getString(R.string.widget_batchnorm_without),
                context.getString(R.string.widget_batchnorm_with)};
        int[] colors = ChartView.palette(context);
        List<Series> losses = new ArrayList<>();
        List<Series> accuracies = new ArrayList<>();
        boolean running = false;
        float done = 0;
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 2; r++) {
            LabProgress p = runs.get(r);
            running |= !p.isDone();
            done += p.fractionDone() / 2;
            if (p.batches > 0 && p.batchLoss.length > 0) {
                Series raw = new Series(names[r], TrainingLoopDemo.epochs(p.batchLoss.length, p.batches), p.batchLoss,
                        colors[r]);
                losses.add(raw.smoothed(names[r], 0.6f));
            }
            if (p.testAccuracy.length > 0) {
                accuracies.add(Series.of(names[r], p.testAccuracy, colors[r]));
            }
            text.append(text.length() > 0 ? "\n" : "").append(names[r]).append(": ");
            text.append(p.testAccuracy.length == 0 ? "…" : String.format(Locale.ROOT, "%.1f %%",
                    100 * p.testAccuracy[p.testAccuracy.length - 1]));
            String end = TrainingLoopWidget.ending(context, p);
            if (end != null && p.status != LabProgress.Status.FINISHED) {
                text.append(" · ").append(end);
            }
        }
        panel.showRunning(running);
        panel.showProgress(done);
        if (!losses.isEmpty()) {
            panel.chart.setSeries(losses);
        }
        accuracy.setSeries(accuracies);
        WidgetViews.show(panel.status, context.getString(R.string.widget_batchnorm_accuracy) + "\n" + text);
    }
}
