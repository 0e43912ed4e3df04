package io.neuronlab.app.train;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withText;

import androidx.test.core.app.ActivityScenario;
import androidx.test.core.app.ApplicationProvider;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import io.neuronlab.app.data.TrainingRun;
import io.neuronlab.mllib.lab.LabSettings;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;

/** The history shows each run's settings when they were recorded (database version 3), and nothing invented before. */
@RunWith(AndroidJUnit4.class)
public class RunHistoryTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    @Before
    public void freshRunner() {
        LabRunner.replaceForTests(ApplicationProvider.getApplicationContext());
    }

    @Test
    public void aFinishedRunKeepsItsSettingsAndItsModelFile() throws Exception {
        android.content.Context context = ApplicationProvider.getApplicationContext();
        LabSettings s = LabSettings.defaults("mlp", 300).withEpochs(1).withBatchSize(20).withDropout(0.1f);
        io.neuronlab.mllib.lab.LabProgress end = LabRunner.get(context).runBlocking(s, null);
        org.junit.Assert.assertEquals(io.neuronlab.mllib.lab.LabProgress.Status.FINISHED, end.status);
        TrainingRun run = database.get().trainingRuns().latest(1).get(0);
        org.junit.Assert.assertTrue(run.hasSettings());
        org.junit.Assert.assertEquals(s.optimizer, run.optimizer);
        org.junit.Assert.assertEquals(s.learningRate, run.learningRate, 0f);
        org.junit.Assert.assertEquals(20, (int) run.batchSize);
        org.junit.Assert.assertEquals(1, (int) run.plannedEpochs);
        org.junit.Assert.assertEquals(0.1f, run.dropout, 0f);
        org.junit.Assert.assertEquals(300, (int) run.trainImages);
        // the run's model is in the library, described from its file, with the accuracy the history shows
        java.util.List<io.neuronlab.app.models.ModelEntry> entries = new io.neuronlab.app.models.ModelCatalog(
                new io.neuronlab.app.models.ModelLibrary(io.neuronlab.app.draw.DigitNetwork.modelsDir(context)),
                () -> context.getAssets().open(io.neuronlab.app.draw.DigitNetwork.ASSET)).entries();
        org.junit.Assert.assertEquals(2, entries.size());
        io.neuronlab.app.models.ModelEntry model = entries.get(1);
        org.junit.Assert.assertEquals(run.modelFile, model.fileName());
        org.junit.Assert.assertEquals(io.neuronlab.app.models.ModelEntry.Kind.LAB_RUN, model.kind());
        org.junit.Assert.assertEquals("mlp", model.network());
        org.junit.Assert.assertEquals(run.testAccuracy, model.testAccuracy(), 0f);
    }

    @Test
    public void showsTheSettingsARunTrainedWith() {
        LabSettings s = new LabSettings("lenet", "adam", 0.001f, 64, 3, LabSettings.Init.HE, true, 0.5f, 0.0001f,
                12000, 1);
        database.get().trainingRuns().insert(TrainingRun.of("lenet", 2_000, 3, 0.04f, 0.9812f, 95_000)
                .withSettings(s, "lenet-2000.nlmf"));
        database.get().trainingRuns().insert(TrainingRun.of("TwoLayerNet", 1_000, 17, 0.05f, 0.9731f, 84_250));
        try (ActivityScenario<TrainActivity> scenario = ActivityScenario.launch(TrainActivity.class)) {
            onView(withId(R.id.train_runs)).check(matches(withText(
                    "lenet · 3 epochs · accuracy 98.1% · 95.0 s\n"
                    + "adam · lr 0.001 · batch 64 · 3 epochs · He · BN on · dropout 0.5 · decay 0.0001 · 12000 images · MNIST slice\n"
                    + "TwoLayerNet · 17 epochs · accuracy 97.3% · 84.3 s")));
        }
    }
}
