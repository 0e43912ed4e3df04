package io.neuronlab.app.train;

import android.content.Context;
import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.data.TrainingRun;
import io.neuronlab.app.settings.EngineChoice;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.lab.LabProgress;
import io.neuronlab.mllib.lab.LabResult;
import io.neuronlab.mllib.lab.LabSettings;
import io.neuronlab.mllib.lab.TrainingController;
import io.neuronlab.mllib.nn.engine.ConvEngine;
import io.neuronlab.mllib.nn.engine.JavaConvEngine;
import java.io.File;
import java.io.IOException;
import java.util.Locale;

/**
 * The app's one training runner (on the bundled MNIST slice or the user's own samples, {@link LabDatasets}): at most one lab run per process, on a background thread (started by
 * {@link LabWorker}, WorkManager's worker with a progress notification), reported through LiveData. It outlives
 * Activities (rotation, background); after process death the run's checkpoint is resumed when the user comes
 * back ({@link #pendingSettings()}). Progress is posted at most every 100 ms (and always when the status changes).
 */
public final class LabRunner {
    /** A finished or stopped run's results with the test images they index and the settings it ran with. */
    public record Outcome(LabResult result, Dataset test, LabSettings settings) {
    }

    /** Starts a run's blocking work somewhere off the main thread. */
    public interface Launcher {
        void launch(Context context, LabSettings settings);
    }

    private static LabRunner instance;

    private final Context context;
    private final MutableLiveData<LabProgress> progress = new MutableLiveData<>();
    private final MutableLiveData<Outcome> result = new MutableLiveData<>();
    private Launcher launcher = LabWorker::enqueue;
    private volatile TrainingController controller;
    private boolean running; // guarded by this
    private long lastPostMillis;
    private LabProgress.Status lastStatus;

    private LabRunner(Context context) {
        this.context = context.getApplicationContext();
    }

    public static synchronized LabRunner get(Context context) {
        if (instance == null) {
            instance = new LabRunner(context);
        }
        return instance;
    }

    /**
     * Tests: a fresh runner for the current Application (Robolectric makes one per test; the singleton would keep
     * the previous test's), starting its work on a plain thread instead of WorkManager's.
     */
    public static synchronized LabRunner replaceForTests(Context context) {
        instance = new LabRunner(context);
        instance.launcher = (c, s) -> new Thread(() -> instance.runBlocking(s, null), "lab-test").start();
        return instance;
    }

    /** Where a run's blocking work is started. */
    public void setLauncher(Launcher launcher) {
        this.launcher = launcher;
    }

    public LiveData<LabProgress> progress() {
        return progress;
    }

    /** The confusion matrix and mistakes of the last finished or stopped run, with its test images. */
    public LiveData<Outcome> result() {
        return result;
    }

    public synchronized boolean isRunning() {
        return running;
    }

    /** Starts {@code settings} unless a run is going; returns whether it started. */
    public synchronized boolean start(LabSettings settings) {
        if (running) {
            return false;
        }
        running = true;
        result.setValue(null);
        launcher.launch(context, settings);
        return true;
    }

    public void pause() {
        TrainingController c = controller;
        if (c != null) {
            c.pause();
        }
    }

    public void resume() {
        TrainingController c = controller;
        if (c != null) {
            c.resume();
        }
    }

    public void stop() {
        TrainingController c = controller;
        if (c != null) {
            c.stop();
        }
    }

    File checkpoint() {
        File dir = new File(context.getFilesDir(), "lab");
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create " + dir);
        }
        return new File(dir, "checkpoint.nlmf");
    }

    /** The current run's copy of the user's samples (a run on them only; kept as long as its checkpoint). */
    File samplesSnapshot() {
        return new File(checkpoint().getParentFile(), "samples.nlds");
    }

    /** The settings of a run that was interrupted (process killed) and can be resumed, or null. */
    public LabSettings pendingSettings() {
        return running ? null : TrainingController.pendingSettings(checkpoint());
    }

    /**
     * Trains on the calling (background) thread until the run ends: opens the data (the slice, or a snapshot of the
     * user's samples), builds the controller, runs the convolutions' forward pass on the engine chosen in Settings,
     * saves the model file and the history row.
     */
    public LabProgress runBlocking(LabSettings requested, TrainingController.Listener extra) {
        long started = System.currentTimeMillis();
        LabSettings settings = requested;
        File checkpoint = checkpoint();
        try {
            boolean resuming = requested.equals(TrainingController.pendingSettings(checkpoint));
            LabDatasets.RunData data = LabDatasets.open(context, requested, samplesSnapshot(), resuming);
            settings = data.settings();
            TrainingController c = new TrainingController(settings, data.train(), data.test(), checkpoint,
                    data.dataId());
            EngineChoice.Opened opened = EngineChoice.load(context).open();
            ConvEngine engine = opened.engine() instanceof JavaConvEngine ? null : opened.engine();
            EngineChoice.apply(c.model(), engine);
            // the end is posted after the run is saved, so the screen's history already holds it
            c.addListener(p -> {
                if (!p.isDone()) {
                    post(p);
                }
            });
            if (extra != null) {
                c.addListener(extra);
            }
            controller = c;
            LabProgress end = c.run();
            if (c.result() != null) {
                result.postValue(new Outcome(c.result(), data.test(), settings));
                saveRun(settings, c, end, started, System.currentTimeMillis() - started);
            }
            post(end);
            return end;
        } catch (IOException | RuntimeException e) {
            LabProgress failed = new LabProgress(LabProgress.Status.FAILED, 0, settings.epochs, 0, 0, new float[0],
                    new float[0], new float[0], 0, 0, settings.learningRate, java.util.Collections.emptyList(), 0,
                    Float.NaN, e.getMessage() == null ? e.toString() : e.getMessage());
            post(failed);
            return failed;
        } finally {
            if (!checkpoint.exists() && samplesSnapshot().exists() && !samplesSnapshot().delete()) {
                samplesSnapshot().deleteOnExit(); // the run is over: its copy of the samples is not needed
            }
            synchronized (this) {
                running = false;
            }
        }
    }

    private void post(LabProgress p) {
        long now = System.nanoTime() / 1_000_000; // real time: also under Robolectric's paused clock
        synchronized (this) {
            if (p.status == lastStatus && now - lastPostMillis < 100 && !p.isDone()) {
                return;
            }
            lastStatus = p.status;
            lastPostMillis = now;
        }
        progress.postValue(p);
    }

    /** The finished network as a named model file in app storage, and its row in the run history. */
    private void saveRun(LabSettings settings, TrainingController c, LabProgress end, long startedAtMillis,
                         long durationMillis) {
        String modelFile = null;
        try {
            File dir = new File(context.getFilesDir(), "models");
            if (dir.isDirectory() || dir.mkdirs()) {
                String name = String.format(Locale.ROOT, "%s-%d.nlmf", settings.network, startedAtMillis);
                TrainingMetadata meta = new TrainingMetadata(settings.data.description, end.trainAccuracy.length,
                        c.result().accuracy(), settings.seed, "lab " + settings.summary(), settings.toMap());
                new ModelSerializer().save(c.model(), meta, new File(dir, name));
                modelFile = name;
            }
        } catch (IOException e) {
            // the run still goes into the history; the model file is optional
        }
        float loss = end.batchLoss.length == 0 ? Float.NaN : end.batchLoss[end.batchLoss.length - 1];
        TrainingRun run = TrainingRun.of(settings.network, startedAtMillis, end.trainAccuracy.length,
                Float.isFinite(loss) ? loss : 0f, c.result().accuracy(), durationMillis).withSettings(settings, modelFile);
        NeuronLabApp.of(context).database().trainingRuns().insert(run);
    }
}
