package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;
import io.neuronlab.app.chart.ChartView;
import io.neuronlab.app.chart.Series;
import io.neuronlab.mllib.lab.LabProgress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Lesson 9: pick a batch size and a learning rate, press Train, and watch mllib's training loop — the loss of every
 * mini-batch, epoch after epoch, and the test accuracy after each epoch. Trains off the main thread; the run lives
 * in the lesson's {@link WidgetJobs}, so it survives a rotation and stops when the lesson closes.
 */
public final class TrainingLoopWidget implements WidgetFactory {
    static final String KEY = "training_loop";

    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_training_title);
        WidgetJobs jobs = WidgetJobs.of(context);
        int[] batch = new int[1];
        int[] rate = new int[1];
        String[] batchLabels = new String[TrainingLoopDemo.BATCH_SIZES.length];
        for (int i = 0; i < batchLabels.length; i++) {
            batchLabels[i] = Integer.toString(TrainingLoopDemo.BATCH_SIZES[i]);
        }
        String[] rateLabels = new String[TrainingLoopDemo.LEARNING_RATES.length];
        for (int i = 0; i < rateLabels.length; i++) {
            rateLabels[i] = TrainingPanel.plain(TrainingLoopDemo.LEARNING_RATES[i]);
        }
        RememberedChoices.add(card, jobs, KEY + "_batch", R.string.widget_training_batch, batchLabels,
                TrainingLoopDemo.DEFAULT_BATCH, i -> batch[0] = i);
        RememberedChoices.add(card, jobs, KEY + "_rate", R.string.widget_training_rate, rateLabels,
                TrainingLoopDemo.DEFAULT_RATE, i -> rate[0] = i);
        TrainingPanel panel = new TrainingPanel(card, KEY);
        panel.chart.setAxisTitles(context.getString(R.string.widget_training_epoch),
                context.getString(R.string.widget_training_loss));
        panel.status.setText(context.getString(R.string.widget_training_ready, TrainingLoopDemo.TRAIN_IMAGES,
                TrainingLoopDemo.EPOCHS));
        panel.button.setOnClickListener(v -> {
            if (jobs.isRunning(KEY)) {
                jobs.stop(KEY);
                return;
            }
            panel.showRunning(true);
            panel.showProgress(0);
            jobs.start(KEY, new LabRunsJob(context, TrainingLoopDemo.settings(TrainingLoopDemo.BATCH_SIZES[batch[0]],
                    TrainingLoopDemo.LEARNING_RATES[rate[0]])));
        });
        jobs.<List<LabProgress>>state(KEY).observe(WidgetJobs.lifecycle(context), runs -> {
            if (runs != null && !runs.isEmpty()) {
                show(context, panel, runs.get(0));
            }
        });
        return card;
    }

    private static void show(Context context, TrainingPanel panel, LabProgress p) {
        panel.showRunning(!p.isDone());
        panel.showProgress(p.fractionDone());
        int[] colors = ChartView.palette(context);
        if (p.batches > 0 && p.batchLoss.length > 0) {
            float[] x = TrainingLoopDemo.epochs(p.batchLoss.length, p.batches);
            Series raw = new Series(context.getString(R.string.widget_training_raw), x, p.batchLoss, colors[0]);
            List<Series> series = new ArrayList<>(Arrays.asList(raw.faint(),
                    raw.smoothed(context.getString(R.string.widget_training_smoothed), 0.9f)));
            panel.chart.setSeries(series);
        }
        StringBuilder text = new StringBuilder(context.getString(R.string.widget_training_where, p.epoch, p.epochs,
                p.batch, p.batches));
        if (p.testAccuracy.length > 0) {
            StringBuilder acc = new StringBuilder();
            for (float a : p.testAccuracy) {
                acc.append(acc.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.1f %%", 100 * a));
            }
            text.append('\n').append(context.getString(R.string.widget_training_accuracy, acc));
        }
        String end = ending(context, p);
        if (end != null) {
            text.append('\n').append(end);
        }
        WidgetViews.show(panel.status, text);
    }

    /** What the end of a run means, or null while it runs. */
    static String ending(Context context, LabProgress p) {
        switch (p.status) {
            case FINISHED:
                return context.getString(R.string.widget_training_finished);
            case STOPPED:
                return context.getString(R.string.widget_training_stopped);
            case DIVERGED:
                return context.getString(R.string.widget_training_diverged, p.epoch, p.batch);
            case FAILED:
                return context.getString(R.string.widget_training_failed, String.valueOf(p.failure));
            default:
                return null;
        }
    }
}
