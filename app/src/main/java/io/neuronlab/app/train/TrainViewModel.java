package io.neuronlab.app.train;

import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import androidx.lifecycle.ViewModel;
import io.neuronlab.app.data.TrainingRun;
import io.neuronlab.app.data.TrainingRunDao;
import io.neuronlab.app.samples.DigitSampleDao;
import io.neuronlab.mllib.lab.LabProgress;
import io.neuronlab.mllib.lab.LabSettings;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * State of the Train screen: the lab run (from the process-wide {@link LabRunner}, so it survives rotation), the
 * history of training runs and the labels of the user's samples (for the "my handwriting" data choice), loaded from
 * Room off the main thread.
 */
public class TrainViewModel extends ViewModel {
    static final int HISTORY_SIZE = 20;

    private final TrainingRunDao runs;
    private final DigitSampleDao samples;
    private final Executor background;
    private final LabRunner runner;
    private final MutableLiveData<List<TrainingRun>> history = new MutableLiveData<>();
    private final MutableLiveData<int[]> sampleLabels = new MutableLiveData<>();

    public TrainViewModel(TrainingRunDao runs, DigitSampleDao samples, Executor background, LabRunner runner) {
        this.runs = runs;
        this.samples = samples;
        this.background = background;
        this.runner = runner;
        refresh();
    }

    /** The latest {@value #HISTORY_SIZE} runs, newest first. */
    public LiveData<List<TrainingRun>> history() {
        return history;
    }

    public LiveData<LabProgress> progress() {
        return runner.progress();
    }

    /** The labels of the user's stored samples (null until loaded); {@link #refresh()} reloads them. */
    public LiveData<int[]> sampleLabels() {
        return sampleLabels;
    }

    public LiveData<LabRunner.Outcome> result() {
        return runner.result();
    }

    public boolean start(LabSettings settings) {
        return runner.start(settings);
    }

    /** Pauses a running run, resumes a paused one. */
    public void togglePause() {
        LabProgress p = runner.progress().getValue();
        if (p != null && p.status == LabProgress.Status.PAUSED) {
            runner.resume();
        } else {
            runner.pause();
        }
    }

    public void stop() {
        runner.stop();
    }

    /** Settings of an interrupted run waiting to be continued, or null. Reads a file: call off the main thread. */
    public LabSettings pendingSettings() {
        return runner.pendingSettings();
    }

    /** Reloads the history and the samples' labels (samples may have been labelled on the Draw screen meanwhile). */
    public void refresh() {
        background.execute(() -> {
            history.postValue(runs.latest(HISTORY_SIZE));
            List<Integer> labels = samples.labels();
            int[] values = new int[labels.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = labels.get(i);
            }
            sampleLabels.postValue(values);
        });
    }
}
