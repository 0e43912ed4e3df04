package io.neuronlab.app.about;

import android.app.Application;
import androidx.lifecycle.AndroidViewModel;
import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import io.neuronlab.app.NeuronLabApp;
import java.io.IOException;
import java.io.UncheckedIOException;

/** State of the About screen, collected once off the main thread. */
public class AboutViewModel extends AndroidViewModel {
    private final MutableLiveData<AboutInfo> info = new MutableLiveData<>();

    public AboutViewModel(Application application) {
        super(application);
        NeuronLabApp app = getApplication();
        app.background().execute(() -> {
            try {
                info.postValue(AboutInfo.collect(app));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the app's assets", e);
            }
        });
    }

    public LiveData<AboutInfo> info() {
        return info;
    }
}
