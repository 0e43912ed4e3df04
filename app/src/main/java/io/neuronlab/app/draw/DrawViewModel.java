package io.neuronlab.app.draw;

import android.content.Context;
import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import androidx.lifecycle.ViewModel;
import io.neuronlab.app.models.ModelEntry;
import io.neuronlab.app.models.ModelsActivity;
import io.neuronlab.mllib.digits.DigitRecognizer;
import io.neuronlab.mllib.digits.EmptyDrawingException;
import io.neuronlab.mllib.digits.GrayImage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * State of the Draw screen, kept across rotation: the {@link Drawing},
 * the network once loaded, the latest reading and the feature maps on show. Recognition and feature maps run on
 * the background executor; a result for a drawing that has changed meanwhile is dropped.
 */
public class DrawViewModel extends ViewModel {
    private final Context app;
    private final Executor background;
    private final Drawing drawing = new Drawing();
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicBoolean loading = new AtomicBoolean();
    private volatile String modelSource;      // the loaded network's source, whose entry modelInUse describes
    private volatile DigitNetwork readWith;   // the network that made the latest reading
    private final MutableLiveData<DigitNetwork> network = new MutableLiveData<>();
    private final MutableLiveData<ModelEntry> modelInUse = new MutableLiveData<>();
    private final MutableLiveData<String> loadFailure = new MutableLiveData<>();
    private final MutableLiveData<DigitRecognizer.Reading> reading = new MutableLiveData<>();
    private final MutableLiveData<DigitNetwork.Maps> featureMaps = new MutableLiveData<>();

    public DrawViewModel(Context context, Executor background) {
        this.app = context.getApplicationContext();
        this.background = background;
    }

    /**
     * Loads the digit network (the asset, or the model the user chose) off the main thread, and describes it for
     * {@link #modelInUse()}. Called whenever the screen shows: after the user chose another model (My models,
     * fine-tuning) the new one is loaded and posted; otherwise nothing changes.
     */
    public void loadNetwork() {
        if (!loading.compareAndSet(false, true)) return;
        background.execute(() -> {
            try {
                DigitNetwork n = DigitNetwork.get(app);
                if (!n.source().equals(modelSource)) {
                    modelSource = n.source();
                    modelInUse.postValue(ModelsActivity.catalog(app).inUse());
                    network.postValue(n);
                }
            } catch (RuntimeException e) {
                loadFailure.postValue(String.valueOf(e.getMessage()));
            } finally {
                loading.set(false);
            }
        });
    }

    /** The model the recogniser uses, as the model list names it. */
    public LiveData<ModelEntry> modelInUse() {
        return modelInUse;
    }

    /** Whether the latest reading was made by {@code n} (after a change of model the drawing is read again). */
    public boolean readWith(DigitNetwork n) {
        return readWith == n;
    }

    public LiveData<DigitNetwork> network() {
        return network;
    }

    public LiveData<String> loadFailure() {
        return loadFailure;
    }

    /** The reading of the current drawing; null while nothing (recognisable) is drawn. */
    public LiveData<DigitRecognizer.Reading> reading() {
        return reading;
    }

    /** The feature maps on show; null when hidden. */
    public LiveData<DigitNetwork.Maps> featureMaps() {
        return featureMaps;
    }

    /** The drawing, shared with the canvas view (which adds strokes to it and removes them). */
    public Drawing drawing() {
        return drawing;
    }

    /**
     * The drawing changed: {@code ink} is its raster for recognition, null for an empty canvas. Hides the feature
     * maps; the reading follows from the background executor.
     */
    public void drawingChanged(GrayImage ink) {
        int mine = generation.incrementAndGet();
        featureMaps.setValue(null);
        DigitNetwork n = network.getValue();
        if (ink == null) {
            reading.setValue(null);
            return;
        }
        if (n == null) return; // recognised when the network arrives (the screen asks again)
        background.execute(() -> {
            DigitRecognizer.Reading result;
            try {
                result = n.recognizer().recognize(ink);
            } catch (EmptyDrawingException e) {
                result = null; // only faint specks: treated as an empty canvas, never a guess
            }
            if (mine == generation.get()) {
                readWith = n;
                reading.postValue(result);
            }
        });
    }

    /** Shows the first digit's feature maps, or hides them when shown. */
    public void toggleFeatureMaps() {
        DigitRecognizer.Reading r = reading.getValue();
        DigitNetwork n = network.getValue();
        if (r == null || n == null) return;
        if (featureMaps.getValue() != null) {
            featureMaps.setValue(null);
            return;
        }
        int mine = generation.get();
        GrayImage input = r.segments().get(0).mnistInput();
        // computed on the background executor like the recognition itself, never on the UI thread
        background.execute(() -> {
            DigitNetwork.Maps maps = n.featureMaps(app, input);
            if (mine == generation.get()) featureMaps.postValue(maps);
        });
    }
}
