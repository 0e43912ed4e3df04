package io.neuronlab.app.train;

import android.content.Context;
import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import androidx.lifecycle.ViewModel;
import io.neuronlab.app.MainThread;
import io.neuronlab.app.draw.DigitNetwork;
import io.neuronlab.app.models.ModelLibrary;
import io.neuronlab.app.samples.SampleStore;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.MnistSlice;
import io.neuronlab.mllib.digits.DigitModel;
import io.neuronlab.mllib.digits.LabelledDigit;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.lab.FineTuner;
import io.neuronlab.mllib.lab.SampleSplit;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.train.CancelToken;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * State of the fine-tuning screen, kept across rotation: the user's samples, the phase (loading, ready, running,
 * done, failed, restored), the last result and whether a model other than the shipped one is in use. Fine-tuning
 * and restoring run on the background executor; a run goes on while the screen is recreated and its result
 * reaches the new screen. Leaving the screen for good cancels a run that has not finished.
 */
public class FineTuneViewModel extends ViewModel {
    public enum Phase { LOADING, READY, RUNNING, DONE, FAILED, RESTORED }

    /**
     * What the screen shows.
     *
     * @param samples        the user's labelled digits (null while loading)
     * @param result         the last fine-tuning's before/after figures, or null
     * @param error          why the last fine-tuning failed (phase FAILED)
     * @param personalInUse  whether Draw and Camera use a model other than the shipped one ("restore" is possible)
     */
    public record State(Phase phase, List<LabelledDigit> samples, FineTuner.Result result, String error,
                        boolean personalInUse) {
        State with(Phase p) {
            return new State(p, samples, result, error, personalInUse);
        }
    }

    private final Context app;
    private final Executor background;
    private final CancelToken cancel = new CancelToken();
    private final MutableLiveData<State> state = new MutableLiveData<>(new State(Phase.LOADING, null, null, null, false));

    public FineTuneViewModel(Context context, Executor background) {
        this.app = context.getApplicationContext();
        this.background = background;
        new SampleStore(app).allAsDigits(digits -> update(s -> new State(s.phase == Phase.LOADING ? Phase.READY : s.phase,
                digits, s.result, s.error, s.personalInUse)));
        background.execute(() -> {
            boolean personal = library().active() != null;
            update(s -> new State(s.phase, s.samples, s.result, s.error, personal));
        });
    }

    public LiveData<State> state() {
        return state;
    }

    private ModelLibrary library() {
        return new ModelLibrary(DigitNetwork.modelsDir(app));
    }

    /** Applies {@code change} to the state on the main thread (callable from any thread). */
    private void update(java.util.function.UnaryOperator<State> change) {
        MainThread.run(() -> state.setValue(change.apply(state.getValue())));
    }

    /** Whether {@code samples} hold enough of every digit to fine-tune. */
    public static boolean enough(List<LabelledDigit> samples) {
        return samples != null && FineTuner.digitsNeedingSamples(labels(samples)).isEmpty();
    }

    static int[] labels(List<LabelledDigit> digits) {
        int[] labels = new int[digits.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = digits.get(i).label();
        }
        return labels;
    }

    /**
     * Fine-tunes the shipped model on the samples (dense layers, or {@code allLayers}), saves it as a personal
     * model and makes it the recogniser's. Ignored while a run is going or without enough samples.
     */
    public void fineTune(boolean allLayers) {
        State now = state.getValue();
        if (now.phase == Phase.RUNNING || !enough(now.samples)) {
            return;
        }
        List<LabelledDigit> digits = now.samples;
        state.setValue(now.with(Phase.RUNNING));
        background.execute(() -> {
            try {
                FineTuner.Result r = run(digits, allLayers);
                update(s -> new State(Phase.DONE, s.samples, r, null, true));
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                update(s -> new State(Phase.FAILED, s.samples, s.result, why, s.personalInUse));
            }
        });
    }

    private FineTuner.Result run(List<LabelledDigit> digits, boolean allLayers) throws IOException {
        MnistSlice slice = LabData.slice(app);
        Sequential model;
        try (InputStream in = app.getAssets().open(DigitNetwork.ASSET)) {
            model = DigitModel.load(in, DigitNetwork.ASSET);
        }
        Dataset user = SampleSplit.dataset(digits); // the same conversion the lab's "my handwriting" uses
        FineTuner.Options options = new FineTuner.Options();
        options.allLayers = allLayers;
        FineTuner.Result r = FineTuner.fineTune(model, user, slice.train(), slice.test(), options, cancel);
        if (cancel.isCancelled()) {
            throw new IOException("cancelled");
        }
        ModelLibrary library = library();
        String name = String.format(Locale.ROOT, "personal-%d.nlmf", System.currentTimeMillis());
        File dir = library.dir();
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IOException("cannot create " + dir);
        }
        new ModelSerializer().save(model, new TrainingMetadata("MNIST slice + " + digits.size()
                + " user samples", options.epochs, r.samplesAfter(), options.seed, "fine-tune"
                + (allLayers ? " all layers" : " dense layers"), null), new File(dir, name));
        library.setActive(name);
        return r;
    }

    /** Draw and Camera use the shipped model again. */
    public void restore() {
        background.execute(() -> {
            try {
                library().clearActive();
                update(s -> new State(Phase.RESTORED, s.samples, s.result, null, false));
            } catch (IOException e) {
                String why = String.valueOf(e.getMessage());
                update(s -> new State(Phase.FAILED, s.samples, s.result, why, s.personalInUse));
            }
        });
    }

    @Override
    protected void onCleared() {
        cancel.cancel(); // the screen is gone for good (not a rotation): a run in progress stops
    }
}
