package io.neuronlab.app.train;

import android.os.Bundle;
import android.widget.TextView;
import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.ViewModels;
import io.neuronlab.app.data.TrainingRun;
import java.util.List;

/** Train networks on the phone. Placeholder for the trainer; already shows the saved run history. */
public class TrainActivity extends FeatureActivity {
    public TrainActivity() {
        super(R.layout.activity_train, R.string.train_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        TextView runs = findViewById(R.id.train_runs);
        NeuronLabApp app = NeuronLabApp.of(this);
        ViewModels.get(this, TrainViewModel.class,
                () -> new TrainViewModel(app.database().trainingRuns(), app.background())).history()
                .observe(this, history -> runs.setText(describe(history)));
    }

    private String describe(List<TrainingRun> history) {
        if (history.isEmpty()) {
            return getString(R.string.train_no_runs);
        }
        StringBuilder text = new StringBuilder();
        for (TrainingRun run : history) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(getString(R.string.train_run_summary, run.modelName, run.epochs,
                    100f * run.testAccuracy, run.durationMillis / 1000f));
        }
        return text.toString();
    }
}
