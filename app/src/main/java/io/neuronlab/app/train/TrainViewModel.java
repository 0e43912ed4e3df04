package io.neuronlab.app.train;

import android.app.Application;
import androidx.lifecycle.AndroidViewModel;
import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.data.TrainingRun;
import java.util.List;

/** State of the Train screen: the history of training runs, loaded from Room off the main thread. */
public class TrainViewModel extends AndroidViewModel {
    static final int HISTORY_SIZE = 20;

    private final MutableLiveData<List<TrainingRun>> history = new MutableLiveData<>();

    public TrainViewModel(Application application) {
        super(application);
        refresh();
    }

    /** The latest {@value #HISTORY_SIZE} runs, newest first. */
    public LiveData<List<TrainingRun>> history() {
        return history;
    }

    public void refresh() {
        NeuronLabApp app = getApplication();
        app.background().execute(() -> history.postValue(app.database().trainingRuns().latest(HISTORY_SIZE)));
    }
}
