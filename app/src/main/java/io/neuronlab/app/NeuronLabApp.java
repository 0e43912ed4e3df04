package io.neuronlab.app;

import android.app.Application;
import io.neuronlab.app.data.NeuronLabDatabase;
import io.neuronlab.app.samples.SamplesDatabase;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The application: the one way to the app's databases (the main one and the user's samples, kept in a file of
 * their own) and the one background thread for disk work.
 */
public class NeuronLabApp extends Application {
    private static final String DATABASE_FILE = "neuronlab.db";

    private static final String SAMPLES_FILE = "digit_samples.db";

    private NeuronLabDatabase database;
    private SamplesDatabase samples;
    private Executor background = Executors.newSingleThreadExecutor();

    public static NeuronLabApp of(android.content.Context context) {
        return (NeuronLabApp) context.getApplicationContext();
    }

    public synchronized NeuronLabDatabase database() {
        if (database == null) {
            database = NeuronLabDatabase.open(this, DATABASE_FILE);
        }
        return database;
    }

    /** Tests put an in-memory database in place of the file. */
    public synchronized void setDatabase(NeuronLabDatabase database) {
        this.database = database;
    }

    /** The user's labelled digit samples. */
    public synchronized SamplesDatabase samples() {
        if (samples == null) {
            samples = SamplesDatabase.open(this, SAMPLES_FILE);
        }
        return samples;
    }

    /** Tests put an in-memory samples database in place of the file. */
    public synchronized void setSamples(SamplesDatabase samples) {
        this.samples = samples;
    }

    /** Runs disk and database work off the main thread (Room refuses main-thread queries). */
    public Executor background() {
        return background;
    }

    /** Tests swap in a direct executor so that results are there when the main looper idles. */
    public void setBackground(Executor executor) {
        background = executor;
    }
}
