package io.neuronlab.app.settings;

import android.os.Bundle;
import android.widget.RadioGroup;
import android.widget.TextView;
import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;

/**
 * Settings: "Compute: Java / TFLite CPU / TFLite GPU". A choice is stored at once, then checked off the main
 * thread on a small convolution; the status line names the engine that really runs and why, if it fell back.
 */
public class SettingsActivity extends FeatureActivity {
    public SettingsActivity() {
        super(R.layout.activity_settings, R.string.settings_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        RadioGroup group = findViewById(R.id.settings_engine_group);
        group.check(radioId(EngineChoice.load(this)));
        group.setOnCheckedChangeListener((g, checkedId) -> {
            EngineChoice choice = choiceOf(checkedId);
            choice.save(this);
            check(choice);
        });
        check(EngineChoice.load(this));
    }

    private void check(EngineChoice choice) {
        TextView status = findViewById(R.id.settings_engine_status);
        status.setText(R.string.settings_engine_checking);
        NeuronLabApp.of(this).background().execute(() -> {
            EngineChoice.Opened opened = choice.open();
            String name = opened.engine().name();
            opened.engine().close();
            EngineChoice.saveInUse(this, name);
            String text = opened.fellBack()
                    ? getString(R.string.settings_engine_fallback, name, android.text.TextUtils.join("\n", opened.messages()))
                    : getString(R.string.settings_engine_in_use, name);
            runOnUiThread(() -> status.setText(text));
        });
    }

    static int radioId(EngineChoice choice) {
        switch (choice) {
            case TFLITE_CPU:
                return R.id.settings_engine_tflite_cpu;
            case TFLITE_GPU:
                return R.id.settings_engine_tflite_gpu;
            default:
                return R.id.settings_engine_java;
        }
    }

    static EngineChoice choiceOf(int radioId) {
        if (radioId == R.id.settings_engine_tflite_cpu) {
            return EngineChoice.TFLITE_CPU;
        }
        if (radioId == R.id.settings_engine_tflite_gpu) {
            return EngineChoice.TFLITE_GPU;
        }
        return EngineChoice.JAVA;
    }
}
