package io.neuronlab.app;

import android.app.Application;
import io.neuronlab.app.data.NeuronLabDatabase;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/** The application: owns the database and the one background thread for disk work. */
public class NeuronLabApp extends Application {
    private static final String DATABASE_FILE = "neuronlab.db";

    private NeuronLabDatabase database;
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

    /** Runs disk and database work off the main thread (Room refuses main-thread queries). */
    public Executor background() {
        return background;
    }

    /** Tests swap in a direct executor so that results are there when the main looper idles. */
    public void setBackground(Executor executor) {
        background = executor;
    }
}
