package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import io.neuronlab.app.train.LabData;
import io.neuronlab.mllib.data.MnistSlice;
import io.neuronlab.mllib.lab.LabProgress;
import io.neuronlab.mllib.lab.LabSettings;
import io.neuronlab.mllib.lab.TrainingController;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * A lesson's training: one or more lab runs (mllib's {@link TrainingController}, the controller every screen that
 * trains uses) on the bundled MNIST slice, side by side on threads of their own, without checkpoints. Publishes
 * the list of their progress snapshots (in the order of the settings) whenever any of them moves.
 */
public final class LabRunsJob implements WidgetJobs.Job<List<LabProgress>> {
    private final Context appContext;
    private final List<LabSettings> settings;
    private final List<TrainingController> controllers = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopped;

    public LabRunsJob(Context context, LabSettings... settings) {
        this.appContext = context.getApplicationContext();
        this.settings = Arrays.asList(settings);
    }

    @Override
    public void run(Consumer<List<LabProgress>> publish) {
        MnistSlice slice;
        try {
            slice = LabData.slice(appContext);
        } catch (IOException e) {
            List<LabProgress> failed = new ArrayList<>();
            for (LabSettings s : settings) {
                failed.add(new LabProgress(LabProgress.Status.FAILED, 0, s.epochs, 0, 0, new float[0], new float[0],
                        new float[0], 0, 0, s.learningRate, Collections.emptyList(), 0, Float.NaN, e.getMessage()));
            }
            publish.accept(failed);
            return;
        }
        LabProgress[] latest = new LabProgress[settings.size()];
        for (int i = 0; i < settings.size(); i++) {
            TrainingController c = new TrainingController(settings.get(i), slice.train(), slice.test(), null);
            latest[i] = c.progress();
            int index = i;
            c.addListener(p -> {
                synchronized (latest) {
                    latest[index] = p;
                    publish.accept(Collections.unmodifiableList(new ArrayList<>(Arrays.asList(latest))));
                }
            });
            controllers.add(c);
        }
        if (stopped) {
            return;
        }
        // every run but the first on a thread of its own, so the curves grow together
        List<Thread> others = new ArrayList<>();
        for (int i = 1; i < controllers.size(); i++) {
            Thread t = new Thread(controllers.get(i)::run, "lesson-training-" + i);
            t.setDaemon(true);
            t.setPriority(Thread.currentThread().getPriority());
            others.add(t);
            t.start();
        }
        if (stopped) {
            stop(); // a stop that came while the controllers were being made
        }
        controllers.get(0).run();
        for (Thread t : others) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                return;
            }
        }
    }

    @Override
    public void stop() {
        stopped = true;
        synchronized (controllers) {
            for (TrainingController c : controllers) {
                c.stop();
            }
        }
    }
}
