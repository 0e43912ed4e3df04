package io.neuronlab.app.train;

import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import androidx.lifecycle.ViewModel;
import io.neuronlab.mllib.data.MnistSlice;
import io.neuronlab.mllib.lab.ExperimentProgress;
import io.neuronlab.mllib.lab.OptimizerRace;
import io.neuronlab.mllib.lab.OverfittingExperiment;
import io.neuronlab.mllib.lab.SideBySideTraining;
import io.neuronlab.mllib.train.CancelToken;
import java.io.IOException;
import java.util.concurrent.Executor;

/**
 * State of the experiments screen: the book's optimizer race and overfitting experiment (mllib's
 * {@link OptimizerRace} and {@link OverfittingExperiment}), one at a time, trained on {@code executor}'s thread and
 * reported through LiveData. The ViewModel outlives rotation, so a run goes on while the screen is recreated;
 * leaving the screen for good ({@link #onCleared}) stops it. Snapshots are posted at most every 100 ms (and always
 * when an epoch ends or the run ends).
 */
public class ExperimentsViewModel extends ViewModel {
    /** The two experiments. */
    public enum Kind { RACE, OVERFITTING }

    /** Loads the bundled MNIST slice (a file read: called on the experiment's thread). */
    public interface SliceSource {
        MnistSlice load() throws IOException;
    }

    /** Held-out images the overfitting experiment tests on after every epoch (of the slice's 2,000). */
    static final int OVERFITTING_TEST_IMAGES = 1000;

    private final SliceSource data;
    private final Executor executor;
    private final MutableLiveData<ExperimentProgress> race = new MutableLiveData<>();
    private final MutableLiveData<ExperimentProgress> overfitting = new MutableLiveData<>();
    private final MutableLiveData<String> failure = new MutableLiveData<>();
    private final MutableLiveData<Kind> running = new MutableLiveData<>();
    private Kind active; // guarded by this
    private CancelToken cancel; // guarded by this
    private long lastPostNanos; // the experiment thread's
    private int lastEpoch;

    /** @param executor runs an experiment's blocking work (a background thread, never the main one) */
    public ExperimentsViewModel(SliceSource data, Executor executor) {
        this.data = data;
        this.executor = executor;
    }

    public LiveData<ExperimentProgress> progress(Kind kind) {
        return kind == Kind.RACE ? race : overfitting;
    }

    /** The experiment in progress, or null. */
    public LiveData<Kind> running() {
        return running;
    }

    /** Why the last experiment could not run (the slice did not load), or null. */
    public LiveData<String> failure() {
        return failure;
    }

    /** Starts {@code kind} unless an experiment is running; returns whether it started. Main thread. */
    public synchronized boolean start(Kind kind) {
        if (active != null) {
            return false;
        }
        active = kind;
        CancelToken token = new CancelToken();
        cancel = token;
        running.setValue(kind);
        failure.setValue(null);
        (kind == Kind.RACE ? race : overfitting).setValue(null);
        executor.execute(() -> runBlocking(kind, token));
        return true;
    }

    /** Stops the experiment in progress after its current mini-batch (any thread). */
    public synchronized void stop() {
        if (cancel != null) {
            cancel.cancel();
        }
    }

    private void runBlocking(Kind kind, CancelToken token) {
        MutableLiveData<ExperimentProgress> target = kind == Kind.RACE ? race : overfitting;
        try {
            MnistSlice slice = data.load();
            SideBySideTraining experiment = kind == Kind.RACE
                    ? OptimizerRace.create(slice.train(), new OptimizerRace.Options())
                    : OverfittingExperiment.create(slice.train(), slice.test().subset(0, OVERFITTING_TEST_IMAGES),
                            new OverfittingExperiment.Options());
            lastPostNanos = 0;
            lastEpoch = 0;
            experiment.addListener(p -> post(target, p));
            target.postValue(experiment.run(token));
        } catch (IOException | RuntimeException e) {
            failure.postValue(e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            synchronized (this) {
                active = null;
                cancel = null;
            }
            running.postValue(null);
        }
    }

    private void post(MutableLiveData<ExperimentProgress> target, ExperimentProgress p) {
        long now = System.nanoTime();
        boolean newEpoch = p.trainAccuracy(0).length != lastEpoch;
        if (!newEpoch && !p.isDone() && now - lastPostNanos < 100_000_000L) {
            return;
        }
        lastEpoch = p.trainAccuracy(0).length;
        lastPostNanos = now;
        target.postValue(p);
    }

    @Override
    protected void onCleared() {
        stop();
    }
}
