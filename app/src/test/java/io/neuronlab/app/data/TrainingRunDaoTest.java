package io.neuronlab.app.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import androidx.test.core.app.ApplicationProvider;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

/** Room on Robolectric's SQLite: the generated DAO really stores and queries runs. */
@RunWith(RobolectricTestRunner.class)
public class TrainingRunDaoTest {
    private NeuronLabDatabase database;
    private TrainingRunDao dao;

    @Before
    public void openDatabase() {
        database = NeuronLabDatabase.inMemory(ApplicationProvider.getApplicationContext());
        dao = database.trainingRuns();
    }

    @After
    public void closeDatabase() {
        database.close();
    }

    @Test
    public void insertedRunReadsBackFieldForField() {
        long id = dao.insert(TrainingRun.of("TwoLayerNet", 1_700_000_000_123L, 17, 0.0625f, 0.9731f, 84_250L));
        TrainingRun run = dao.byId(id);
        assertEquals(id, run.id);
        assertEquals("TwoLayerNet", run.modelName);
        assertEquals(1_700_000_000_123L, run.startedAtMillis);
        assertEquals(17, run.epochs);
        assertEquals(0.0625f, run.finalLoss, 0f);
        assertEquals(0.9731f, run.testAccuracy, 0f);
        assertEquals(84_250L, run.durationMillis);
    }

    @Test
    public void latestIsNewestFirstAndLimited() {
        dao.insert(TrainingRun.of("a", 3_000, 1, 1f, 0.5f, 10));
        dao.insert(TrainingRun.of("b", 1_000, 1, 1f, 0.5f, 10));
        dao.insert(TrainingRun.of("c", 2_000, 1, 1f, 0.5f, 10));
        List<TrainingRun> latest = dao.latest(2);
        assertEquals(2, latest.size());
        assertEquals("a", latest.get(0).modelName);
        assertEquals("c", latest.get(1).modelName);
        assertEquals(3, dao.count());
    }

    @Test
    public void bestAccuracyIsPerModelAndNullWithoutRuns() {
        assertNull(dao.bestAccuracy("SimpleConvNet"));
        dao.insert(TrainingRun.of("SimpleConvNet", 1, 1, 0.3f, 0.95f, 10));
        dao.insert(TrainingRun.of("SimpleConvNet", 2, 1, 0.2f, 0.99f, 10));
        dao.insert(TrainingRun.of("TwoLayerNet", 3, 1, 0.1f, 0.999f, 10));
        assertEquals(0.99f, dao.bestAccuracy("SimpleConvNet"), 0f);
        dao.deleteAll();
        assertEquals(0, dao.count());
    }

    @Test
    public void accuracyOutsideZeroToOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.of("TwoLayerNet", 0, 1, 0f, 97.3f, 0));
        assertTrue(e.getMessage(), e.getMessage().contains("97.3"));
    }
}
