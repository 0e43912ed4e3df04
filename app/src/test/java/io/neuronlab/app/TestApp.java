package io.neuronlab.app;

import androidx.test.core.app.ApplicationProvider;
import io.neuronlab.app.data.NeuronLabDatabase;

/** Puts the app under test on an in-memory database and runs its background work inline. */
public final class TestApp {
    private TestApp() {}

    public static NeuronLabDatabase useInMemoryDatabase() {
        NeuronLabApp app = ApplicationProvider.getApplicationContext();
        NeuronLabDatabase database = NeuronLabDatabase.inMemory(app);
        app.setDatabase(database);
        app.setBackground(Runnable::run);
        return database;
    }
}
