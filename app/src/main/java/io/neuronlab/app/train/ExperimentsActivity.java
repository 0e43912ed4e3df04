package io.neuronlab.app.train;

import android.os.Bundle;
import android.view.View;
import android.widget.Button;
import android.widget.ProgressBar;
import android.widget.TextView;
import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.R;
import io.neuronlab.app.ViewModels;
import io.neuronlab.app.chart.ChartView;
import io.neuronlab.app.chart.Series;
import io.neuronlab.mllib.lab.ExperimentProgress;
import io.neuronlab.mllib.lab.OverfittingExperiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The book's two comparison figures, run live: the optimizer race (four loss curves on one chart) and overfitting
 * (training and test accuracy of plain, weight-decay and dropout training, and the gap between them). The runs live
 * in {@link ExperimentsViewModel}; this screen only shows them.
 */
public class ExperimentsActivity extends FeatureActivity {
    private static final int RECENT_BATCHES = 50;

    private ExperimentsViewModel model;
    private int[] palette;
    private Button raceStart;
    private Button raceStop;
    private Button overfitStart;
    private Button overfitStop;

    public ExperimentsActivity() {
        super(R.layout.activity_experiments, R.string.exp_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        android.content.Context app = getApplicationContext();
        model = ViewModels.get(this, ExperimentsViewModel.class, () -> new ExperimentsViewModel(
                () -> LabData.slice(app), task -> {
                    Thread t = new Thread(task, "neuronlab-experiment");
                    t.setDaemon(true);
                    t.start();
                }));
        palette = ChartView.palette(this);
        raceStart = findViewById(R.id.exp_race_start);
        raceStop = findViewById(R.id.exp_race_stop);
        overfitStart = findViewById(R.id.exp_overfit_start);
        overfitStop = findViewById(R.id.exp_overfit_stop);
        ChartView raceChart = findViewById(R.id.exp_race_chart);
        raceChart.setAxisTitles(getString(R.string.exp_iteration_axis), getString(R.string.lab_loss));
        raceChart.setYRange(0f, Float.NaN);
        ChartView overfitChart = findViewById(R.id.exp_overfit_chart);
        overfitChart.setAxisTitles(getString(R.string.lab_epoch_axis), getString(R.string.lab_accuracy));
        overfitChart.setYRange(Float.NaN, 1f);
        overfitChart.setWholeNumberX(true);

        raceStart.setOnClickListener(v -> model.start(ExperimentsViewModel.Kind.RACE));
        overfitStart.setOnClickListener(v -> model.start(ExperimentsViewModel.Kind.OVERFITTING));
        raceStop.setOnClickListener(v -> model.stop());
        overfitStop.setOnClickListener(v -> model.stop());
        model.running().observe(this, this::renderRunning);
        model.progress(ExperimentsViewModel.Kind.RACE).observe(this, this::renderRace);
        model.progress(ExperimentsViewModel.Kind.OVERFITTING).observe(this, this::renderOverfitting);
        model.failure().observe(this, message -> {
            TextView failure = findViewById(R.id.exp_failure);
            failure.setVisibility(message == null ? View.GONE : View.VISIBLE);
            failure.setText(message == null ? "" : getString(R.string.exp_failure, message));
        });
    }

    private void renderRunning(ExperimentsViewModel.Kind kind) {
        raceStart.setEnabled(kind == null);
        overfitStart.setEnabled(kind == null);
        raceStop.setEnabled(kind == ExperimentsViewModel.Kind.RACE);
        overfitStop.setEnabled(kind == ExperimentsViewModel.Kind.OVERFITTING);
        if (kind != null) {
            TextView status = findViewById(kind == ExperimentsViewModel.Kind.RACE ? R.id.exp_race_status
                    : R.id.exp_overfit_status);
            if (model.progress(kind).getValue() == null) {
                status.setText(R.string.lab_status_starting);
            }
        }
    }

    private void renderRace(ExperimentProgress p) {
        if (p == null) {
            return;
        }
        List<Series> lines = new ArrayList<>();
        StringBuilder recent = new StringBuilder();
        for (int c = 0; c < p.contestants(); c++) {
            String name = optimizerName(p.names.get(c));
            lines.add(Series.of(name, p.batchLoss(c), palette[c % palette.length]).smoothed(name, 0.9f));
            if (recent.length() > 0) {
                recent.append(" · ");
            }
            recent.append(p.divergence(c) != null ? getString(R.string.exp_diverged, name)
                    : String.format(Locale.ROOT, "%s %.2f", name, p.recentLoss(c, RECENT_BATCHES)));
        }
        ((ChartView) findViewById(R.id.exp_race_chart)).setSeries(lines);
        ((ProgressBar) findViewById(R.id.exp_race_progress)).setProgress(Math.round(1000 * p.fractionDone()));
        ((TextView) findViewById(R.id.exp_race_status)).setText(
                p.status == ExperimentProgress.Status.RUNNING ? getString(R.string.exp_race_running, p.batch, p.batches)
                : p.status == ExperimentProgress.Status.STOPPED ? getString(R.string.exp_stopped, p.batch, p.batches)
                : getString(R.string.exp_race_done, p.batch, recent));
    }

    private void renderOverfitting(ExperimentProgress p) {
        if (p == null) {
            return;
        }
        List<Series> lines = new ArrayList<>();
        StringBuilder gaps = new StringBuilder();
        int epochs = 0;
        for (int c = 0; c < p.contestants(); c++) {
            String name = variantName(c);
            float[] train = p.trainAccuracy(c);
            float[] test = p.testAccuracy(c);
            epochs = Math.max(epochs, train.length);
            float[] x = new float[train.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
            }
            int color = palette[c % palette.length];
            lines.add(new Series(getString(R.string.exp_series_train, name), x, train, color).faint());
            lines.add(new Series(getString(R.string.exp_series_test, name), x, test, color));
            if (gaps.length() > 0) {
                gaps.append(" · ");
            }
            gaps.append(p.divergence(c) != null ? getString(R.string.exp_diverged, name)
                    : String.format(Locale.ROOT, "%s %.0f%%", name, 100 * p.gap(c)));
        }
        ((ChartView) findViewById(R.id.exp_overfit_chart)).setSeries(lines);
        ((ProgressBar) findViewById(R.id.exp_overfit_progress)).setProgress(Math.round(1000 * p.fractionDone()));
        ((TextView) findViewById(R.id.exp_overfit_gap)).setText(
                epochs == 0 ? "" : getString(R.string.exp_gap, epochs, gaps));
        ((TextView) findViewById(R.id.exp_overfit_status)).setText(
                p.status == ExperimentProgress.Status.RUNNING ? getString(R.string.exp_overfit_running,
                        Math.max(1, p.epoch), p.epochs)
                : p.status == ExperimentProgress.Status.STOPPED ? getString(R.string.exp_stopped, p.batch, p.batches)
                : getString(R.string.exp_overfit_done, epochs));
    }

    /** The optimizers' names as the book writes them. */
    private static String optimizerName(String name) {
        switch (name) {
            case "sgd":
                return "SGD";
            case "adagrad":
                return "AdaGrad";
            default:
                return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        }
    }

    private String variantName(int contestant) {
        switch (contestant) {
            case OverfittingExperiment.PLAIN:
                return getString(R.string.exp_variant_plain);
            case OverfittingExperiment.WEIGHT_DECAY:
                return getString(R.string.exp_variant_weight_decay);
            default:
                return getString(R.string.exp_variant_dropout);
        }
    }
}
