package io.neuronlab.app.train;

import android.os.Bundle;
import android.view.View;
import android.widget.ArrayAdapter;
import android.widget.Button;
import android.widget.EditText;
import android.widget.ProgressBar;
import android.widget.Spinner;
import android.widget.TextView;
import com.google.android.material.materialswitch.MaterialSwitch;
import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.ViewModels;
import io.neuronlab.app.chart.ChartView;
import io.neuronlab.app.chart.Heatmap;
import io.neuronlab.app.chart.HeatmapView;
import io.neuronlab.app.chart.Series;
import io.neuronlab.app.data.TrainingRun;
import io.neuronlab.mllib.data.MnistSlice;
import io.neuronlab.mllib.lab.LabProgress;
import io.neuronlab.mllib.lab.LabResult;
import io.neuronlab.mllib.lab.LabSettings;
import io.neuronlab.mllib.lab.NotLearning;
import io.neuronlab.mllib.lab.SampleSplit;
import io.neuronlab.mllib.models.Recipes;
import io.neuronlab.mllib.optim.Optimizers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training lab: choose a network, its training settings and the digits (the bundled MNIST slice or the user's
 * own samples), train it and watch the loss, the accuracies and the first layer's filters change — and, when the
 * settings cannot work, why; afterwards the confusion matrix and the misclassified test digits. The run itself
 * lives in {@link LabRunner}; this screen only shows it.
 */
public class TrainActivity extends FeatureActivity {
    private static final int MAX_MISTAKES_SHOWN = 24;

    private TrainViewModel model;
    private Spinner network;
    private Spinner optimizer;
    private Spinner init;
    private Spinner data;
    private TextView dataInfo;
    private EditText learningRate;
    private EditText batch;
    private EditText epochs;
    private EditText images;
    private EditText dropout;
    private EditText weightDecay;
    private MaterialSwitch batchNorm;
    private Button start;
    private Button pause;
    private Button stop;
    private TextView status;
    private TextView explanation;
    private ProgressBar progressBar;
    private ChartView lossChart;
    private ChartView accuracyChart;
    private HeatmapView filters;
    private int formNetwork = -1; // the network the form shows; picking another one loads that network's defaults
    private LabSettings pending;
    private int[] palette;

    public TrainActivity() {
        super(R.layout.activity_train, R.string.train_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        NeuronLabApp app = NeuronLabApp.of(this);
        model = ViewModels.get(this, TrainViewModel.class,
                () -> new TrainViewModel(app.database().trainingRuns(), app.samples().samples(), app.background(),
                        LabRunner.get(this)));
        palette = ChartView.palette(this);
        network = findViewById(R.id.lab_network);
        optimizer = findViewById(R.id.lab_optimizer);
        init = findViewById(R.id.lab_init);
        data = findViewById(R.id.lab_data);
        dataInfo = findViewById(R.id.lab_data_info);
        learningRate = findViewById(R.id.lab_lr);
        batch = findViewById(R.id.lab_batch);
        epochs = findViewById(R.id.lab_epochs);
        images = findViewById(R.id.lab_images);
        dropout = findViewById(R.id.lab_dropout);
        weightDecay = findViewById(R.id.lab_weight_decay);
        batchNorm = findViewById(R.id.lab_batch_norm);
        start = findViewById(R.id.lab_start);
        pause = findViewById(R.id.lab_pause);
        stop = findViewById(R.id.lab_stop);
        status = findViewById(R.id.lab_status);
        explanation = findViewById(R.id.lab_explanation);
        progressBar = findViewById(R.id.lab_progress);
        lossChart = findViewById(R.id.lab_loss_chart);
        accuracyChart = findViewById(R.id.lab_accuracy_chart);
        filters = findViewById(R.id.lab_filters);
        lossChart.setAxisTitles(getString(R.string.lab_batch_axis), getString(R.string.lab_loss));
        accuracyChart.setAxisTitles(getString(R.string.lab_epoch_axis), getString(R.string.lab_accuracy));
        accuracyChart.setYRange(Float.NaN, 1f);
        accuracyChart.setWholeNumberX(true);

        network.setAdapter(adapter(Recipes.names()));
        optimizer.setAdapter(adapter(Optimizers.names()));
        init.setAdapter(adapter(Arrays.asList(getString(R.string.lab_init_std), getString(R.string.lab_init_xavier),
                getString(R.string.lab_init_he))));
        data.setAdapter(adapter(Arrays.asList(getString(R.string.lab_data_mnist), getString(R.string.lab_data_samples))));
        if (savedInstanceState == null) {
            show(LabSettings.defaults("lenet", MnistSlice.DEFAULT_TRAIN));
        }
        network.setOnItemSelectedListener(new android.widget.AdapterView.OnItemSelectedListener() {
            private boolean first = true;

            @Override
            public void onItemSelected(android.widget.AdapterView<?> parent, View view, int position, long id) {
                // the initial selection, the one restored after rotation, or the form's own (show()) keep the form
                if (first || position == formNetwork) {
                    first = false;
                    formNetwork = position;
                    return;
                }
                show(LabSettings.defaults(Recipes.names().get(position), MnistSlice.DEFAULT_TRAIN).withData(chosenData()));
            }

            @Override
            public void onNothingSelected(android.widget.AdapterView<?> parent) {
            }
        });

        data.setOnItemSelectedListener(new android.widget.AdapterView.OnItemSelectedListener() {
            @Override
            public void onItemSelected(android.widget.AdapterView<?> parent, View view, int position, long id) {
                showDataInfo();
            }

            @Override
            public void onNothingSelected(android.widget.AdapterView<?> parent) {
            }
        });
        start.setOnClickListener(v -> onStart(v));
        pause.setOnClickListener(v -> model.togglePause());
        stop.setOnClickListener(v -> model.stop());
        findViewById(R.id.lab_open_fine_tune).setOnClickListener(
                v -> startActivity(new android.content.Intent(this, FineTuneActivity.class)));
        findViewById(R.id.lab_open_experiments).setOnClickListener(
                v -> startActivity(new android.content.Intent(this, ExperimentsActivity.class)));
        findViewById(R.id.lab_open_models).setOnClickListener(
                v -> startActivity(new android.content.Intent(this, io.neuronlab.app.models.ModelsActivity.class)));
        model.progress().observe(this, this::render);
        model.result().observe(this, this::renderResult);
        model.history().observe(this, history -> ((TextView) findViewById(R.id.train_runs)).setText(describe(history)));
        model.sampleLabels().observe(this, labels -> showDataInfo());
        app.background().execute(() -> {
            LabSettings waiting = model.pendingSettings();
            runOnUiThread(() -> offerToContinue(waiting));
        });
    }

    @Override
    protected void onResume() {
        super.onResume();
        model.refresh(); // digits may have been labelled on the Draw screen meanwhile
    }

    private LabSettings.Data chosenData() {
        return LabSettings.Data.values()[Math.max(0, data.getSelectedItemPosition())];
    }

    /**
     * Under the data choice (whose labels stay short enough for one line on a small phone): the slice's size, or how
     * the user's samples split, or what is missing.
     */
    private void showDataInfo() {
        dataInfo.setVisibility(View.VISIBLE);
        if (chosenData() == LabSettings.Data.MNIST_SLICE) {
            dataInfo.setText(R.string.lab_data_mnist_info);
            return;
        }
        int[] labels = model.sampleLabels().getValue();
        String problem = SamplesText.labProblem(this, labels);
        dataInfo.setText(problem != null ? problem : SamplesText.labSplit(this, labels));
    }

    private ArrayAdapter<String> adapter(List<String> items) {
        ArrayAdapter<String> a = new ArrayAdapter<>(this, android.R.layout.simple_spinner_item, items);
        a.setDropDownViewResource(android.R.layout.simple_spinner_dropdown_item);
        return a;
    }

    /** Puts {@code s} into the form. */
    private void show(LabSettings s) {
        formNetwork = Recipes.names().indexOf(s.network); // before the selection: its callback must not reset the form
        network.setSelection(formNetwork);
        optimizer.setSelection(Optimizers.names().indexOf(s.optimizer));
        init.setSelection(s.init.ordinal());
        data.setSelection(s.data.ordinal());
        learningRate.setText(String.valueOf(s.learningRate));
        batch.setText(String.valueOf(s.batchSize));
        epochs.setText(String.valueOf(s.epochs));
        images.setText(String.valueOf(s.trainImages));
        dropout.setText(String.valueOf(s.dropout));
        weightDecay.setText(String.valueOf(s.weightDecay));
        batchNorm.setChecked(s.batchNorm);
    }

    /**
     * The form as settings, the training images capped to what the chosen data has; a malformed or impossible value,
     * or samples that are too few, are shown, not thrown (null).
     */
    private LabSettings readForm() {
        LabSettings.Data chosen = chosenData();
        int available = MnistSlice.DEFAULT_TRAIN;
        if (chosen == LabSettings.Data.MY_SAMPLES) {
            int[] labels = model.sampleLabels().getValue();
            String problem = SamplesText.labProblem(this, labels);
            if (problem != null) {
                explanation.setVisibility(View.VISIBLE);
                explanation.setText(problem);
                return null;
            }
            available = SampleSplit.trainingDigits(labels);
        }
        try {
            return new LabSettings(Recipes.names().get(network.getSelectedItemPosition()),
                    Optimizers.names().get(optimizer.getSelectedItemPosition()), number(learningRate),
                    (int) number(batch), (int) number(epochs), LabSettings.Init.values()[init.getSelectedItemPosition()],
                    batchNorm.isChecked(), number(dropout), number(weightDecay),
                    Math.min(available, (int) number(images)), 1, chosen);
        } catch (IllegalArgumentException e) {
            explanation.setVisibility(View.VISIBLE);
            explanation.setText(getString(R.string.lab_invalid, e.getMessage()));
            return null;
        }
    }

    private static float number(EditText field) {
        String text = field.getText().toString().trim();
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field.getHint() + ": '" + text + "'");
        }
    }

    private void onStart(View v) {
        LabSettings s = pending != null ? pending : readForm();
        if (s == null) {
            return;
        }
        explanation.setVisibility(View.GONE);
        findViewById(R.id.lab_results_title).setVisibility(View.GONE);
        findViewById(R.id.lab_confusion).setVisibility(View.GONE);
        findViewById(R.id.lab_mistakes).setVisibility(View.GONE);
        pending = null;
        start.setText(R.string.lab_start);
        if (model.start(s)) {
            status.setText(R.string.lab_status_starting);
            start.setEnabled(false);
        }
    }

    private void offerToContinue(LabSettings waiting) {
        LabProgress p = model.progress().getValue();
        if (waiting == null || (p != null && !p.isDone())) {
            return;
        }
        pending = waiting;
        show(waiting);
        start.setText(R.string.lab_continue);
        status.setText(getString(R.string.lab_status_interrupted, waiting.epochs));
    }

    private void render(LabProgress p) {
        if (p == null) {
            return;
        }
        boolean active = p.status == LabProgress.Status.RUNNING || p.status == LabProgress.Status.PAUSED;
        start.setEnabled(!active);
        pause.setEnabled(active);
        stop.setEnabled(active);
        pause.setText(p.status == LabProgress.Status.PAUSED ? R.string.lab_resume : R.string.lab_pause);
        progressBar.setProgress(Math.round(1000 * p.fractionDone()));
        status.setText(describe(p));
        if (p.status == LabProgress.Status.DIVERGED) {
            explanation.setVisibility(View.VISIBLE);
            explanation.setText(getString(R.string.lab_explain_diverged,
                    Float.isNaN(p.divergedLoss) ? "NaN" : String.valueOf(p.divergedLoss), String.valueOf(p.learningRate)));
        } else if (p.notLearning != null) {
            explanation.setVisibility(View.VISIBLE);
            explanation.setText(explainNotLearning(p.notLearning, p));
        }
        if (p.isDone()) {
            model.refresh();
        }
        Series loss = Series.of(getString(R.string.lab_loss), p.batchLoss, palette[0]);
        lossChart.setSeries(Arrays.asList(loss.faint(), loss.smoothed(getString(R.string.lab_loss_smoothed), 0.9f)));
        float[] x = new float[p.trainAccuracy.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        accuracyChart.setSeries(Arrays.asList(
                new Series(getString(R.string.lab_train_accuracy), x, p.trainAccuracy, palette[1]),
                new Series(getString(R.string.lab_test_accuracy), x, p.testAccuracy, palette[2])));
        List<Heatmap> tiles = new ArrayList<>();
        for (int i = 0; i < p.filters.size(); i++) {
            float[] f = p.filters.get(i);
            int side = (int) Math.round(Math.sqrt(f.length));
            tiles.add(new Heatmap(String.valueOf(i + 1), side, side, f, Heatmap.Scale.DIVERGING, false));
        }
        filters.setHeatmaps(tiles, 36);
    }

    /** The loss exploded and/or the accuracy sits at chance: what happened, in numbers, and what to try. */
    private String explainNotLearning(NotLearning n, LabProgress p) {
        StringBuilder text = new StringBuilder();
        if (n.lossExploded()) {
            text.append(getString(R.string.lab_explain_exploded, n.startLoss(), n.explodedLoss(), n.explodedAtBatch(),
                    String.valueOf(p.learningRate)));
        }
        if (n.atChance()) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(getString(R.string.lab_explain_chance, p.batchLoss.length, 100f * n.testAccuracy(),
                    100f * n.chance()));
        }
        return text.toString();
    }

    private String describe(LabProgress p) {
        int tested = p.testImages > 0 ? p.testImages : MnistSlice.DEFAULT_TEST;
        float accuracy = p.testAccuracy.length == 0 ? 0f : 100f * p.testAccuracy[p.testAccuracy.length - 1];
        switch (p.status) {
            case RUNNING:
                return getString(R.string.lab_status_running, p.epoch, p.epochs, p.batch, p.batches,
                        p.imagesPerSecond, Math.round(p.secondsLeft), String.valueOf(p.learningRate));
            case PAUSED:
                return getString(R.string.lab_status_paused, p.epoch, p.epochs);
            case FINISHED:
                return getString(R.string.lab_status_finished, accuracy, tested);
            case STOPPED:
                return getString(R.string.lab_status_stopped, p.epoch, accuracy, tested);
            case DIVERGED:
                return getString(R.string.lab_status_diverged, p.epoch, p.batch);
            case FAILED:
                return getString(R.string.lab_status_failed, p.failure);
            default:
                return getString(R.string.lab_status_starting);
        }
    }

    private void renderResult(LabRunner.Outcome outcome) {
        if (outcome == null) {
            return;
        }
        LabResult r = outcome.result();
        findViewById(R.id.lab_results_title).setVisibility(View.VISIBLE);
        HeatmapView confusion = findViewById(R.id.lab_confusion);
        confusion.setVisibility(View.VISIBLE);
        confusion.setHeatmap(Heatmap.confusion(getString(R.string.lab_confusion), r.confusion()));
        HeatmapView mistakes = findViewById(R.id.lab_mistakes);
        mistakes.setVisibility(View.VISIBLE);
        // the test digits the run was measured on: the slice's, or the held-out part of the user's samples
        List<Heatmap> tiles = new ArrayList<>();
        for (LabResult.Mistake m : r.mistakes().subList(0, Math.min(MAX_MISTAKES_SHOWN, r.mistakes().size()))) {
            tiles.add(new Heatmap(getString(R.string.lab_mistake, m.actual(), m.predicted()), 28, 28,
                    outcome.test().example(m.index()).data(), Heatmap.Scale.SEQUENTIAL, false));
        }
        mistakes.setHeatmaps(tiles, 40);
    }

    private String describe(List<TrainingRun> history) {
        return RunHistoryText.describe(this, history);
    }
}
