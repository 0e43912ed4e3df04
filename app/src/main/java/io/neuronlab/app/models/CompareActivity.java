package io.neuronlab.app.models;

import android.os.Bundle;
import android.view.View;
import android.widget.ArrayAdapter;
import android.widget.Button;
import android.widget.ProgressBar;
import android.widget.Spinner;
import android.widget.TextView;
import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.ViewModels;
import io.neuronlab.app.chart.Heatmap;
import io.neuronlab.app.chart.HeatmapView;
import io.neuronlab.app.train.LabData;
import io.neuronlab.mllib.data.Dataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Two models on the same test digits (the bundled MNIST slice's 2,000): each one's accuracy, on how many digits
 * they disagree, and some of those digits with both answers. The work runs in {@link CompareViewModel}.
 */
public class CompareActivity extends FeatureActivity {
    private CompareViewModel model;
    private Spinner first;
    private Spinner second;
    private Button compare;
    private ProgressBar progress;
    private TextView status;
    private TextView summary;
    private HeatmapView disagreements;
    private List<ModelEntry> entries = Collections.emptyList();

    public CompareActivity() {
        super(R.layout.activity_compare, R.string.compare_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        NeuronLabApp app = NeuronLabApp.of(this);
        model = ViewModels.get(this, CompareViewModel.class, () -> new CompareViewModel(ModelsActivity.catalog(this),
                () -> LabData.slice(app).test(), app.background()));
        first = findViewById(R.id.compare_first);
        second = findViewById(R.id.compare_second);
        compare = findViewById(R.id.compare_start);
        progress = findViewById(R.id.compare_progress);
        status = findViewById(R.id.compare_status);
        summary = findViewById(R.id.compare_summary);
        disagreements = findViewById(R.id.compare_disagreements);
        compare.setOnClickListener(v -> start());
        model.entries().observe(this, this::showChoices);
        model.progress().observe(this, this::showProgress);
        model.outcome().observe(this, this::showOutcome);
    }

    private void showChoices(List<ModelEntry> list) {
        entries = list;
        List<String> names = new ArrayList<>();
        for (ModelEntry e : list) {
            names.add(ModelText.choice(this, e));
        }
        first.setAdapter(adapter(names));
        second.setAdapter(adapter(names));
        int[] chosen = model.selection();
        first.setSelection(Math.min(chosen[0], list.size() - 1));
        second.setSelection(Math.min(chosen[1], list.size() - 1));
        first.setOnItemSelectedListener(remember(0));
        second.setOnItemSelectedListener(remember(1));
        compare.setEnabled(list.size() > 1 && model.progress().getValue() == null);
        status.setText(list.size() > 1 ? R.string.compare_ready : R.string.compare_need_two);
    }

    /** Keeps a chooser's position in the ViewModel, so a rotation keeps the user's choice. */
    private android.widget.AdapterView.OnItemSelectedListener remember(int which) {
        return new android.widget.AdapterView.OnItemSelectedListener() {
            @Override
            public void onItemSelected(android.widget.AdapterView<?> parent, View view, int position, long id) {
                model.selection()[which] = position;
            }

            @Override
            public void onNothingSelected(android.widget.AdapterView<?> parent) {
            }
        };
    }

    private ArrayAdapter<String> adapter(List<String> items) {
        ArrayAdapter<String> a = new ArrayAdapter<>(this, R.layout.item_model_choice, items);
        a.setDropDownViewResource(R.layout.item_model_choice);
        return a;
    }

    private void start() {
        int a = first.getSelectedItemPosition();
        int b = second.getSelectedItemPosition();
        if (a < 0 || b < 0 || a >= entries.size() || b >= entries.size()) {
            return;
        }
        if (a == b) {
            status.setText(R.string.compare_same);
            return;
        }
        model.compare(entries.get(a), entries.get(b));
    }

    private void showProgress(int[] p) {
        boolean running = p != null;
        progress.setVisibility(running ? View.VISIBLE : View.GONE);
        compare.setEnabled(!running && entries.size() > 1);
        if (running) {
            progress.setIndeterminate(p[1] == 0);
            progress.setMax(Math.max(1, p[1]));
            progress.setProgress(p[0]);
            status.setText(p[1] == 0 ? getString(R.string.compare_loading)
                    : getString(R.string.compare_running, p[0], p[1]));
        }
    }

    private void showOutcome(CompareViewModel.Outcome o) {
        if (o == null) {
            return;
        }
        if (o.failure() != null) {
            status.setText(getString(R.string.compare_failed, o.failure()));
            return;
        }
        ModelComparison.Result r = o.result();
        status.setText(getString(R.string.compare_done, r.total()));
        summary.setVisibility(View.VISIBLE);
        summary.setText(getString(R.string.compare_summary, ModelText.choice(this, o.a()), 100f * r.accuracyA(),
                r.correctA(), ModelText.choice(this, o.b()), 100f * r.accuracyB(), r.correctB(), r.disagreements(),
                r.total(), r.examples().size()));
        NeuronLabApp.of(this).background().execute(() -> {
            List<Heatmap> tiles = new ArrayList<>();
            try {
                Dataset test = model.testDigits();
                for (ModelComparison.Disagreement d : r.examples()) {
                    tiles.add(new Heatmap(getString(R.string.compare_tile, d.label(), d.answerA(), d.answerB()), 28, 28,
                            test.example(d.index()).data(), Heatmap.Scale.SEQUENTIAL, false));
                }
            } catch (java.io.IOException e) {
                return; // the comparison just read these digits; nothing to draw otherwise
            }
            runOnUiThread(() -> {
                disagreements.setVisibility(tiles.isEmpty() ? View.GONE : View.VISIBLE);
                disagreements.setHeatmaps(tiles, 64);
            });
        });
    }
}
