package io.neuronlab.app;

import androidx.test.core.app.ApplicationProvider;
import io.neuronlab.app.data.NeuronLabDatabase;
import io.neuronlab.app.samples.SamplesDatabase;
import org.junit.rules.ExternalResource;

/**
 * Rule: the app under test gets fresh in-memory databases (main and samples) and runs its background work inline, so results
 * are there once the main looper idles. Closed after the test: Robolectric's SQLite would otherwise keep
 * the in-memory data for the next test.
 */
public final class InMemoryDatabase extends ExternalResource {
    private NeuronLabDatabase database;
    private SamplesDatabase samples;

    @Override
    protected void before() {
        NeuronLabApp app = ApplicationProvider.getApplicationContext();
        database = NeuronLabDatabase.inMemory(app);
        app.setDatabase(database);
        samples = SamplesDatabase.inMemory(app);
        app.setSamples(samples);
        app.setBackground(Runnable::run);
    }

    @Override
    protected void after() {
        database.close();
        samples.close();
    }

    public SamplesDatabase samples() {
        return samples;
    }

    public NeuronLabDatabase get() {
        return database;
    }
}
