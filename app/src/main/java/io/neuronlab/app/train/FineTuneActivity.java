package io.neuronlab.app.train;

import android.content.Intent;
import android.os.Bundle;
import android.view.View;
import android.widget.Button;
import android.widget.TextView;
import com.google.android.material.materialswitch.MaterialSwitch;
import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.ViewModels;
import io.neuronlab.app.models.ModelsActivity;
import io.neuronlab.mllib.digits.LabelledDigit;
import io.neuronlab.mllib.lab.FineTuner;
import java.util.List;

/**
 * Fine-tunes the shipped digit model on the digits the user labelled on the Draw screen (with a replay of the
 * bundled MNIST slice), shows held-out and MNIST accuracy before and after, makes the result the recogniser's
 * model, and restores the original in one tap. Thin: the work and its state live in {@link FineTuneViewModel}.
 */
public class FineTuneActivity extends FeatureActivity {
    private TextView status;
    private TextView result;
    private Button tune;
    private Button restore;

    public FineTuneActivity() {
        super(R.layout.activity_fine_tune, R.string.tune_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        NeuronLabApp app = NeuronLabApp.of(this);
        FineTuneViewModel model = ViewModels.get(this, FineTuneViewModel.class,
                () -> new FineTuneViewModel(app, app.background()));
        status = findViewById(R.id.tune_status);
        result = findViewById(R.id.tune_result);
        tune = findViewById(R.id.tune_start);
        restore = findViewById(R.id.tune_restore);
        MaterialSwitch allLayers = findViewById(R.id.tune_all_layers);
        tune.setOnClickListener(v -> model.fineTune(allLayers.isChecked()));
        restore.setOnClickListener(v -> model.restore());
        findViewById(R.id.tune_models).setOnClickListener(v -> startActivity(new Intent(this, ModelsActivity.class)));
        model.state().observe(this, this::show);
    }

    private void show(FineTuneViewModel.State s) {
        switch (s.phase()) {
            case LOADING -> status.setText(R.string.lab_status_starting);
            case READY -> status.setText(samplesStatus(s.samples()));
            case RUNNING -> status.setText(R.string.tune_running);
            case DONE -> status.setText(getString(R.string.tune_done, s.result().seconds()));
            case FAILED -> status.setText(getString(R.string.lab_status_failed, s.error()));
            case RESTORED -> status.setText(R.string.tune_restored);
        }
        FineTuner.Result r = s.result();
        result.setVisibility(r == null ? View.GONE : View.VISIBLE);
        if (r != null) {
            result.setText(getString(R.string.tune_result, r.heldOutSamples(), 100f * r.samplesBefore(),
                    100f * r.samplesAfter(), 100f * r.mnistBefore(), 100f * r.mnistAfter()));
        }
        tune.setEnabled(s.phase() != FineTuneViewModel.Phase.RUNNING && FineTuneViewModel.enough(s.samples()));
        restore.setEnabled(s.personalInUse() && s.phase() != FineTuneViewModel.Phase.RUNNING);
    }

    /** "40 of your digits are ready." or which digits need more samples. */
    private String samplesStatus(List<LabelledDigit> samples) {
        String missing = SamplesText.missingDigits(this, FineTuneViewModel.labels(samples));
        if (missing == null) {
            return getString(R.string.tune_ready, samples.size());
        }
        return getString(R.string.tune_need_more, FineTuner.MIN_PER_DIGIT, missing);
    }
}
