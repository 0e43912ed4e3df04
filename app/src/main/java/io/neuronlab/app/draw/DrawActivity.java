package io.neuronlab.app.draw;

import android.content.Intent;
import android.os.Bundle;
import android.view.View;
import android.widget.Button;
import android.widget.TextView;
import android.widget.Toast;

import androidx.appcompat.app.AlertDialog;

import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.ViewModels;
import io.neuronlab.app.camera.CameraActivity;
import io.neuronlab.app.models.ModelText;
import io.neuronlab.app.models.ModelsActivity;
import io.neuronlab.app.samples.SampleStore;
import io.neuronlab.app.samples.SamplesActivity;
import io.neuronlab.mllib.digits.DigitRecognizer;
import io.neuronlab.mllib.digits.GrayImage;


/**
 * Draw a digit (or several) with a finger and see what the network makes of it the moment the finger lifts:
 * the top digit, bars for all ten probabilities, "not sure" when the top probability is low, the 28×28 input
 * the network actually sees, and on a tap that input's feature maps. The drawing can be labelled right or
 * wrong, which stores it as the user's own sample. Thin: the work happens in mllib's digits package.
 */
public class DrawActivity extends FeatureActivity implements DrawingView.Listener {
    private DrawViewModel state;
    private DrawingView canvas;
    private TextView digit;
    private TextView status;
    private MnistInputView networkInput;
    private ProbabilityBarsView bars;
    private FeatureMapsView featureMaps;
    private TextView featureHint;
    private Button right;
    private Button wrong;
    private SampleStore samples;

    public DrawActivity() {
        super(R.layout.activity_draw, R.string.draw_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        NeuronLabApp app = NeuronLabApp.of(this);
        state = ViewModels.get(this, DrawViewModel.class, () -> new DrawViewModel(app, app.background()));
        canvas = findViewById(R.id.draw_canvas);
        digit = findViewById(R.id.draw_result_digit);
        status = findViewById(R.id.draw_result_status);
        networkInput = findViewById(R.id.draw_network_input);
        bars = findViewById(R.id.draw_probabilities);
        featureMaps = findViewById(R.id.draw_feature_maps);
        featureHint = findViewById(R.id.draw_feature_hint);
        right = findViewById(R.id.draw_label_right);
        wrong = findViewById(R.id.draw_label_wrong);
        samples = new SampleStore(this);

        canvas.setDrawing(state.drawing());
        canvas.setListener(this);
        findViewById(R.id.draw_undo).setOnClickListener(v -> canvas.undo());
        findViewById(R.id.draw_clear).setOnClickListener(v -> canvas.clear());
        findViewById(R.id.draw_open_camera).setOnClickListener(v -> startActivity(new Intent(this, CameraActivity.class)));
        findViewById(R.id.draw_open_samples).setOnClickListener(v -> startActivity(new Intent(this, SamplesActivity.class)));
        networkInput.setOnClickListener(v -> state.toggleFeatureMaps());
        right.setOnClickListener(v -> saveSample(state.reading().getValue().predictions().get(0).digit()));
        wrong.setOnClickListener(v -> askForTheRightDigit());

        showEmpty();
        if (state.network().getValue() == null) status.setText(R.string.draw_loading_model);
        state.loadFailure().observe(this, message -> status.setText(getString(R.string.draw_model_failed, message)));
        state.network().observe(this, loaded -> {
            // a drawing made while the model loaded (or kept across a rotation), or read by the model used before
            // the user chose another, is read now
            if (state.reading().getValue() == null || !state.readWith(loaded)) onDrawingChanged(canvas);
        });
        Button modelButton = findViewById(R.id.draw_model);
        modelButton.setOnClickListener(v -> startActivity(new Intent(this, ModelsActivity.class)));
        state.modelInUse().observe(this, m -> {
            String name = ModelText.title(this, m);
            modelButton.setText(getString(R.string.draw_model, name));
            modelButton.setContentDescription(getString(R.string.draw_model_description, name));
            modelButton.setVisibility(View.VISIBLE);
        });
        state.reading().observe(this, this::show);
        state.featureMaps().observe(this, this::showFeatureMaps);
    }

    @Override
    protected void onResume() {
        super.onResume();
        state.loadNetwork(); // also picks up a model chosen meanwhile in My models or by fine-tuning
    }

    @Override
    public void onDrawingChanged(DrawingView view) {
        state.drawingChanged(canvas.isEmpty() ? null : canvas.toInkImage());
    }

    private void showEmpty() {
        digit.setText("");
        digit.setVisibility(View.GONE); // the prompt takes its place on a small screen
        status.setText(R.string.draw_prompt);
        networkInput.setInput(null);
        bars.setProbabilities(null);
        right.setEnabled(false);
        wrong.setEnabled(false);
        featureHint.setVisibility(View.GONE);
    }

    private void show(DigitRecognizer.Reading r) {
        if (r == null) {
            showEmpty();
            return;
        }
        DigitRecognizer.Prediction first = r.predictions().get(0);
        digit.setText(r.number());
        digit.setVisibility(View.VISIBLE);
        if (r.predictions().size() == 1) {
            status.setText(first.sure()
                ? getString(R.string.draw_sure, Math.round(first.probability() * 100))
                : getString(R.string.draw_not_sure, first.digit(), Math.round(first.probability() * 100)));
        } else {
            status.setText(r.sure()
                ? getString(R.string.draw_number, r.predictions().size())
                : getString(R.string.draw_number_not_sure, r.predictions().size()));
        }
        digit.setAlpha(r.sure() ? 1f : 0.45f);
        networkInput.setInput(r.segments().get(0).mnistInput());
        bars.setProbabilities(first.probabilities());
        // labelling stores one 28×28 sample: only for a single digit
        boolean single = r.predictions().size() == 1;
        right.setEnabled(single);
        wrong.setEnabled(single);
        featureHint.setVisibility(View.VISIBLE);
    }

    private void showFeatureMaps(DigitNetwork.Maps maps) {
        if (maps == null) {
            featureMaps.setVisibility(View.GONE);
        } else if (maps.activations().isEmpty()) {
            featureMaps.setVisibility(View.GONE);
            Toast.makeText(this, R.string.draw_no_conv_layers, Toast.LENGTH_LONG).show();
        } else {
            featureMaps.setMaps(maps.titles(), maps.activations());
            featureMaps.setVisibility(View.VISIBLE);
        }
    }

    private void askForTheRightDigit() {
        CharSequence[] digits = new CharSequence[10];
        for (int d = 0; d < 10; d++) digits[d] = String.valueOf(d);
        new AlertDialog.Builder(this)
            .setTitle(R.string.draw_which_digit)
            .setItems(digits, (dialog, which) -> saveSample(which))
            .setNegativeButton(android.R.string.cancel, null)
            .show();
    }

    private void saveSample(int label) {
        DigitRecognizer.Reading reading = state.reading().getValue();
        if (reading == null) return;
        GrayImage input = reading.segments().get(0).mnistInput();
        int predicted = reading.predictions().get(0).digit();
        samples.add(input, label, predicted,
            () -> Toast.makeText(this, getString(R.string.draw_saved_sample, label), Toast.LENGTH_SHORT).show());
    }
}
