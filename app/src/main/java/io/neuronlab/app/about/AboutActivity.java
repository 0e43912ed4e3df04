package io.neuronlab.app.about;

import android.content.Intent;
import android.os.Bundle;
import android.text.format.Formatter;
import android.widget.TextView;
import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.ViewModels;
import io.neuronlab.app.settings.EngineChoice;
import io.neuronlab.app.settings.SettingsActivity;

/** Versions, SDK levels, the compute engine and the model in use. */
public class AboutActivity extends FeatureActivity {
    public AboutActivity() {
        super(R.layout.activity_about, R.string.about_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        NeuronLabApp app = NeuronLabApp.of(this);
        ViewModels.get(this, AboutViewModel.class, () -> new AboutViewModel(app, app.background()))
                .info().observe(this, this::show);
        findViewById(R.id.about_settings).setOnClickListener(
                v -> startActivity(new Intent(this, SettingsActivity.class)));
    }

    /** The engine Settings last found running, else the stored choice (Java by default). */
    private String engineInUse() {
        String inUse = EngineChoice.inUse(this);
        return inUse != null ? inUse : getString(EngineChoice.load(this).labelId);
    }

    private void show(AboutInfo info) {
        text(R.id.about_app_version, info.appVersion());
        text(R.id.about_mllib_version, info.mllibVersion());
        text(R.id.about_tflite_version, info.tfliteVersion());
        text(R.id.about_sdk_levels, getString(R.string.about_sdk_levels_value,
                info.minSdk(), info.targetSdk(), info.deviceSdk()));
        text(R.id.about_engine, getString(R.string.about_engine_value, engineInUse(), info.cpuCores()));
        text(R.id.about_model, info.hasModel()
                ? getString(R.string.about_model_value, info.modelFile(), Formatter.formatShortFileSize(this, info.modelBytes()))
                : getString(R.string.about_model_none));
    }

    private void text(int viewId, CharSequence value) {
        ((TextView) findViewById(viewId)).setText(value);
    }
}
