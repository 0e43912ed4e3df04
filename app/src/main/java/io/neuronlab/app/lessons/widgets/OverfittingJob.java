package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import io.neuronlab.app.train.LabData;
import io.neuronlab.mllib.lab.ExperimentProgress;
import io.neuronlab.mllib.lab.SideBySideTraining;
import io.neuronlab.mllib.train.CancelToken;
import java.io.IOException;
import java.util.function.Consumer;

/** Lesson 13's run: {@link OverfittingDemo}'s experiment on the bundled MNIST slice, cancellable. */
final class OverfittingJob implements WidgetJobs.Job<Object> {
    private final Context appContext;
    private final CancelToken cancel = new CancelToken();

    OverfittingJob(Context context) {
        this.appContext = context.getApplicationContext();
    }

    /** Publishes {@link ExperimentProgress} snapshots, or an IOException's message if the slice cannot be read. */
    @Override
    public void run(Consumer<Object> publish) {
        SideBySideTraining experiment;
        try {
            experiment = OverfittingDemo.experiment(LabData.slice(appContext));
        } catch (IOException e) {
            publish.accept(String.valueOf(e.getMessage()));
            return;
        }
        experiment.addListener(publish::accept);
        publish.accept(experiment.progress());
        experiment.run(cancel);
    }

    @Override
    public void stop() {
        cancel.cancel();
    }
}
