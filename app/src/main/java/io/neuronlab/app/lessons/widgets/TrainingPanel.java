package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.Button;
import android.widget.LinearLayout;
import android.widget.ProgressBar;
import android.widget.TextView;
import io.neuronlab.app.R;
import io.neuronlab.app.chart.ChartView;

/**
 * The parts every training widget of the lessons shares: a Train/Stop button, a progress bar, a chart and a status
 * line. The widget says what a click starts and draws what its job publishes.
 */
final class TrainingPanel {
    final Button button;
    final ProgressBar progress;
    final ChartView chart;
    final TextView status;

    /** Adds the button, progress bar, chart and status line to {@code card}; views are tagged {@code tag + "_run"} etc. */
    TrainingPanel(LinearLayout card, String tag) {
        Context context = card.getContext();
        button = new Button(context);
        button.setTag(tag + "_run");
        progress = new ProgressBar(context, null, android.R.attr.progressBarStyleHorizontal);
        progress.setTag(tag + "_progress");
        progress.setMax(1000);
        progress.setVisibility(View.GONE);
        chart = new ChartView(context);
        chart.setTag(tag + "_chart");
        status = WidgetViews.text(context, 14);
        status.setTag(tag + "_status");
        card.addView(button);
        card.addView(progress);
        card.addView(chart);
        card.addView(status);
        showRunning(false);
    }

    /** The button says Train or Stop; the progress bar shows while running. */
    void showRunning(boolean running) {
        button.setText(running ? R.string.widget_training_stop : R.string.widget_training_start);
        button.setContentDescription(button.getText());
        progress.setVisibility(running ? View.VISIBLE : View.GONE);
    }

    void showProgress(float fraction) {
        progress.setProgress(Math.round(1000 * fraction));
    }

    /** A number without trailing zeros: 0.01, 0.1, 1, 10. */
    static String plain(float value) {
        return new java.math.BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }
}
