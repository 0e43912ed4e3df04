package io.neuronlab.app.models;

import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import androidx.lifecycle.ViewModel;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.nn.Sequential;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * State of the comparison screen: the models to choose from, the progress of a comparison (test digits done of
 * all), and its result or why it failed. The comparison runs on the background executor; a second one is not
 * started while one runs. The result outlives rotation.
 */
public class CompareViewModel extends ViewModel {
    /** How many disagreements are kept to be shown as digits. */
    public static final int EXAMPLES = 12;

    /** The test digits to compare on (the bundled MNIST slice's test part), read off the main thread. */
    public interface TestDigits {
        Dataset load() throws IOException;
    }

    /** What is shown: the two models compared and the result, or the failure. */
    public record Outcome(ModelEntry a, ModelEntry b, ModelComparison.Result result, String failure) {
    }

    private final ModelCatalog catalog;
    private final TestDigits testDigits;
    private final Executor background;
    private final MutableLiveData<List<ModelEntry>> entries = new MutableLiveData<>();
    private final MutableLiveData<int[]> progress = new MutableLiveData<>();
    private final MutableLiveData<Outcome> outcome = new MutableLiveData<>();
    private final int[] selection = {0, 1}; // survives rotation with the ViewModel
    private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();

    public CompareViewModel(ModelCatalog catalog, TestDigits testDigits, Executor background) {
        this.catalog = catalog;
        this.testDigits = testDigits;
        this.background = background;
        background.execute(() -> entries.postValue(catalog.entries()));
    }

    /** The positions chosen for model A and B ({0, 1}: the built-in model against the newest); main thread only. */
    public int[] selection() {
        return selection;
    }

    public LiveData<List<ModelEntry>> entries() {
        return entries;
    }

    /** {done, total} test digits while a comparison runs ({0, 0} while the models load); null when none runs. */
    public LiveData<int[]> progress() {
        return progress;
    }

    public LiveData<Outcome> outcome() {
        return outcome;
    }

    /** Compares {@code a} and {@code b} on the test digits unless a comparison is running; returns whether it started. */
    public boolean compare(ModelEntry a, ModelEntry b) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        outcome.setValue(null);
        progress.setValue(new int[] {0, 0}); // loading the models
        background.execute(() -> {
            Outcome o;
            try {
                Dataset test = testDigits.load();
                Sequential netA = catalog.load(a.fileName());
                Sequential netB = catalog.load(b.fileName());
                ModelComparison.Result r = ModelComparison.compare(netA, netB, test, EXAMPLES,
                        (done, total) -> progress.postValue(new int[] {done, total}));
                o = new Outcome(a, b, r, null);
            } catch (IOException | RuntimeException e) {
                o = new Outcome(a, b, null, String.valueOf(e.getMessage()));
            }
            // posted, like the progress before it, so the last progress cannot arrive after the end
            progress.postValue(null);
            outcome.postValue(o);
            running.set(false);
        });
        return true;
    }

    /** The test digits the comparison ran on (for drawing the disagreements). */
    public Dataset testDigits() throws IOException {
        return testDigits.load();
    }
}
