package io.neuronlab.app.train;

import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import androidx.lifecycle.ViewModel;
import io.neuronlab.app.data.TrainingRun;
import io.neuronlab.app.data.TrainingRunDao;
import java.util.List;
import java.util.concurrent.Executor;

/** State of the Train screen: the history of training runs, loaded from Room off the main thread. */
public class TrainViewModel extends ViewModel {
    static final int HISTORY_SIZE = 20;

    private final TrainingRunDao runs;
    private final Executor background;
    private final MutableLiveData<List<TrainingRun>> history = new MutableLiveData<>();

    public TrainViewModel(TrainingRunDao runs, Executor background) {
        this.runs = runs;
        this.background = background;
        refresh();
    }

    /** The latest {@value #HISTORY_SIZE} runs, newest first. */
    public LiveData<List<TrainingRun>> history() {
        return history;
    }

    public void refresh() {
        background.execute(() -> history.postValue(runs.latest(HISTORY_SIZE)));
    }
}
