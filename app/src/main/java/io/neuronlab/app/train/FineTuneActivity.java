package io.neuronlab.app.train;

import android.os.Bundle;
import android.view.View;
import android.widget.Button;
import android.widget.TextView;
import com.google.android.material.materialswitch.MaterialSwitch;
import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.draw.DigitNetwork;
import io.neuronlab.app.models.ModelLibrary;
import io.neuronlab.app.samples.SampleStore;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.MnistSlice;
import io.neuronlab.mllib.digits.DigitModel;
import io.neuronlab.mllib.digits.LabelledDigit;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.lab.FineTuner;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.train.CancelToken;
import java.io.File;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Fine-tunes the shipped digit model on the digits the user labelled on the Draw screen (with a replay of the
 * bundled MNIST slice), shows held-out and MNIST accuracy before and after, makes the result the recogniser's
 * model, and restores the original in one tap.
 */
public class FineTuneActivity extends FeatureActivity {
    private TextView status;
    private TextView result;
    private Button tune;
    private Button restore;
    private MaterialSwitch allLayers;
    private List<LabelledDigit> samples;

    public FineTuneActivity() {
        super(R.layout.activity_fine_tune, R.string.tune_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        status = findViewById(R.id.tune_status);
        result = findViewById(R.id.tune_result);
        tune = findViewById(R.id.tune_start);
        restore = findViewById(R.id.tune_restore);
        allLayers = findViewById(R.id.tune_all_layers);
        tune.setOnClickListener(v -> fineTune());
        restore.setOnClickListener(v -> restore());
        findViewById(R.id.tune_models).setOnClickListener(
                v -> startActivity(new android.content.Intent(this, io.neuronlab.app.models.ModelsActivity.class)));
        tune.setEnabled(false);
        new SampleStore(this).allAsDigits(digits -> {
            samples = digits;
            showSamples();
        });
        NeuronLabApp.of(this).background().execute(() -> {
            boolean personal = library().active() != null;
            runOnUiThread(() -> restore.setEnabled(personal));
        });
    }

    private ModelLibrary library() {
        return new ModelLibrary(DigitNetwork.modelsDir(this));
    }

    private void showSamples() {
        int[] labels = labels(samples);
        List<Integer> missing = FineTuner.digitsNeedingSamples(labels);
        if (missing.isEmpty()) {
            status.setText(getString(R.string.tune_ready, samples.size()));
            tune.setEnabled(true);
        } else {
            int[] counts = new int[10];
            for (int l : labels) {
                counts[l]++;
            }
            StringBuilder needed = new StringBuilder();
            for (int d : missing) {
                if (needed.length() > 0) {
                    needed.append(", ");
                }
                needed.append(getString(R.string.tune_digit_count, d, counts[d]));
            }
            status.setText(getString(R.string.tune_need_more, FineTuner.MIN_PER_DIGIT, needed.toString()));
            tune.setEnabled(false);
        }
    }

    private static int[] labels(List<LabelledDigit> digits) {
        int[] labels = new int[digits.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = digits.get(i).label();
        }
        return labels;
    }

    private void fineTune() {
        tune.setEnabled(false);
        status.setText(R.string.tune_running);
        boolean all = allLayers.isChecked();
        List<LabelledDigit> digits = samples;
        NeuronLabApp.of(this).background().execute(() -> {
            try {
                MnistSlice slice = LabData.slice(this);
                Sequential model;
                try (InputStream in = getAssets().open(DigitNetwork.ASSET)) {
                    model = DigitModel.load(in, DigitNetwork.ASSET);
                }
                float[] pixels = new float[digits.size() * 784];
                for (int i = 0; i < digits.size(); i++) {
                    System.arraycopy(digits.get(i).image().pixels(), 0, pixels, i * 784, 784);
                }
                Dataset user = new Dataset(Tensor.of(pixels, digits.size(), 1, 28, 28), labels(digits), 10);
                FineTuner.Options options = new FineTuner.Options();
                options.allLayers = all;
                FineTuner.Result r = FineTuner.fineTune(model, user, slice.train(), slice.test(), options,
                        new CancelToken());
                ModelLibrary library = library();
                String name = String.format(Locale.ROOT, "personal-%d.nlmf", System.currentTimeMillis());
                File dir = library.dir();
                if (!dir.isDirectory() && !dir.mkdirs()) {
                    throw new java.io.IOException("cannot create " + dir);
                }
                new ModelSerializer().save(model, new TrainingMetadata("MNIST slice + " + digits.size()
                        + " user samples", options.epochs, r.samplesAfter(), options.seed, "fine-tune"
                        + (all ? " all layers" : " dense layers"), null), new File(dir, name));
                library.setActive(name);
                runOnUiThread(() -> showResult(r));
            } catch (java.io.IOException | RuntimeException e) {
                runOnUiThread(() -> {
                    status.setText(getString(R.string.lab_status_failed, String.valueOf(e.getMessage())));
                    tune.setEnabled(true);
                });
            }
        });
    }

    private void showResult(FineTuner.Result r) {
        status.setText(getString(R.string.tune_done, r.seconds()));
        result.setVisibility(View.VISIBLE);
        result.setText(getString(R.string.tune_result, r.heldOutSamples(), 100f * r.samplesBefore(),
                100f * r.samplesAfter(), 100f * r.mnistBefore(), 100f * r.mnistAfter()));
        tune.setEnabled(true);
        restore.setEnabled(true);
    }

    private void restore() {
        NeuronLabApp.of(this).background().execute(() -> {
            try {
                library().clearActive();
                runOnUiThread(() -> {
                    restore.setEnabled(false);
                    status.setText(R.string.tune_restored);
                });
            } catch (java.io.IOException e) {
                runOnUiThread(() -> status.setText(getString(R.string.lab_status_failed, e.getMessage())));
            }
        });
    }
}
