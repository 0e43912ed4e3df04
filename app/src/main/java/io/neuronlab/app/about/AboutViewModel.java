package io.neuronlab.app.about;

import android.content.Context;
import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import androidx.lifecycle.ViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/** State of the About screen, collected once off the main thread. */
public class AboutViewModel extends ViewModel {
    private final MutableLiveData<AboutInfo> info = new MutableLiveData<>();

    /** @param appContext the application context (outlives the screen) */
    public AboutViewModel(Context appContext, Executor background) {
        background.execute(() -> {
            try {
                info.postValue(AboutInfo.collect(appContext));
            } catch (IOException e) {
                throw new UncheckedIOException("could not list the app's bundled models (assets/models)", e);
            }
        });
    }

    public LiveData<AboutInfo> info() {
        return info;
    }
}
