package io.neuronlab.app.lessons.speed;

import android.os.Bundle;
import android.view.View;
import android.widget.Button;
import android.widget.ProgressBar;
import android.widget.TextView;
import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import java.util.ArrayList;
import java.util.List;

/**
 * The speed lesson: times LeNet's convolutions in Java, TFLite CPU and TFLite GPU on this phone (off the main
 * thread, with a progress bar) and draws ms/image as bars, so learners see where the accelerator pays off.
 */
public class SpeedLessonActivity extends FeatureActivity {
    public SpeedLessonActivity() {
        super(R.layout.activity_speed_lesson, R.string.speed_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        Button run = findViewById(R.id.speed_run);
        run.setOnClickListener(v -> measure());
    }

    private void measure() {
        Button run = findViewById(R.id.speed_run);
        ProgressBar progress = findViewById(R.id.speed_progress);
        TextView details = findViewById(R.id.speed_details);
        run.setEnabled(false);
        progress.setProgress(0);
        progress.setVisibility(View.VISIBLE);
        details.setText(R.string.speed_running);
        NeuronLabApp.of(this).background().execute(() -> {
            List<EngineTimings.Result> results = EngineTimings.measure(
                    (finished, total) -> runOnUiThread(() -> progress.setProgress(100 * finished / total)));
            runOnUiThread(() -> show(results));
        });
    }

    private void show(List<EngineTimings.Result> results) {
        List<EngineBarsView.Bar> bars = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (EngineTimings.Result r : results) {
            String label = getString(r.choice().labelId);
            bars.add(new EngineBarsView.Bar(label, r.available() ? r.millisPerImage() : Double.NaN));
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(r.available()
                    ? label + ": " + getString(R.string.speed_ms_per_image, r.millisPerImage())
                    : getString(R.string.speed_unavailable, label) + " " + r.unavailableReason());
        }
        ((EngineBarsView) findViewById(R.id.speed_bars)).setBars(bars);
        ((TextView) findViewById(R.id.speed_details)).setText(text);
        findViewById(R.id.speed_progress).setVisibility(View.GONE);
        findViewById(R.id.speed_run).setEnabled(true);
    }
}
