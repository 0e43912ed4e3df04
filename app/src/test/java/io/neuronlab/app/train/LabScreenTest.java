package io.neuronlab.app.train;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.action.ViewActions.click;
import static androidx.test.espresso.action.ViewActions.replaceText;
import static androidx.test.espresso.action.ViewActions.scrollTo;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.ViewMatchers.isDisplayed;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withText;
import static io.neuronlab.app.train.MainLooperWait.waitForProgress;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.os.Looper;
import android.widget.Spinner;
import android.widget.TextView;
import androidx.test.core.app.ActivityScenario;
import androidx.test.core.app.ApplicationProvider;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import io.neuronlab.app.chart.ChartView;
import io.neuronlab.mllib.lab.LabProgress;
import io.neuronlab.mllib.optim.Optimizers;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;

/**
 * The lab screen with real training on a few hundred images of the bundled slice: start, charts and progress
 * update, pause/resume, stop, results, a diverging run's explanation, the run in the history.
 */
@RunWith(AndroidJUnit4.class)
public class LabScreenTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    private LabRunner runner;

    @Before
    public void freshRunner() {
        runner = LabRunner.replaceForTests(ApplicationProvider.getApplicationContext());
    }

    private static void configure(String images, String epochs, String batch) {
        onView(withId(R.id.lab_images)).perform(scrollTo(), replaceText(images));
        onView(withId(R.id.lab_epochs)).perform(scrollTo(), replaceText(epochs));
        onView(withId(R.id.lab_batch)).perform(scrollTo(), replaceText(batch));
    }

    @Test
    public void aShortRunUpdatesTheChartsAndEndsWithResultsAndHistory() throws Exception {
        try (ActivityScenario<TrainActivity> scenario = ActivityScenario.launch(TrainActivity.class)) {
            configure("200", "2", "20");
            onView(withId(R.id.lab_start)).perform(scrollTo(), click());
            waitForProgress(runner, p -> p.status == LabProgress.Status.RUNNING && p.batchLoss.length > 0);
            waitForProgress(runner, LabProgress::isDone);
            shadowOf(Looper.getMainLooper()).idle();
            assertEquals(LabProgress.Status.FINISHED, runner.progress().getValue().status);
            scenario.onActivity(a -> {
                ChartView loss = a.findViewById(R.id.lab_loss_chart);
                assertEquals(2, loss.model().series().size());
                assertEquals(20, loss.model().series().get(0).size()); // 2 epochs x 10 batches
                ChartView accuracy = a.findViewById(R.id.lab_accuracy_chart);
                assertEquals(2, accuracy.model().series().get(1).size());
                String status = ((TextView) a.findViewById(R.id.lab_status)).getText().toString();
                assertTrue(status, status.startsWith("Done: ") && status.endsWith("of 2000 test digits right."));
            });
            onView(withId(R.id.lab_confusion)).perform(scrollTo()).check(matches(isDisplayed()));
            assertEquals(1, database.get().trainingRuns().count());
            assertEquals("lenet", database.get().trainingRuns().latest(1).get(0).modelName);
            onView(withId(R.id.train_runs)).check(matches(withText(org.hamcrest.Matchers.startsWith("lenet · 2 epochs"))));
        }
    }

    @Test
    public void pauseResumeAndStop() throws Exception {
        try (ActivityScenario<TrainActivity> scenario = ActivityScenario.launch(TrainActivity.class)) {
            configure("2000", "5", "10");
            onView(withId(R.id.lab_start)).perform(scrollTo(), click());
            waitForProgress(runner, p -> p.status == LabProgress.Status.RUNNING && p.batchLoss.length > 0);
            onView(withId(R.id.lab_pause)).perform(scrollTo(), click());
            waitForProgress(runner, p -> p.status == LabProgress.Status.PAUSED);
            onView(withId(R.id.lab_pause)).check(matches(withText(R.string.lab_resume)));
            int batches = runner.progress().getValue().batchLoss.length;
            Thread.sleep(200);
            assertEquals(batches, runner.progress().getValue().batchLoss.length);
            // a rotation while the run waits: the new screen shows the same run, still paused, and resumes it
            scenario.recreate();
            shadowOf(Looper.getMainLooper()).idle();
            onView(withId(R.id.lab_pause)).check(matches(withText(R.string.lab_resume)));
            onView(withId(R.id.lab_stop)).check(matches(androidx.test.espresso.matcher.ViewMatchers.isEnabled()));
            onView(withId(R.id.lab_start)).check(matches(not(androidx.test.espresso.matcher.ViewMatchers.isEnabled())));
            assertEquals(LabProgress.Status.PAUSED, runner.progress().getValue().status);
            onView(withId(R.id.lab_pause)).perform(scrollTo(), click());
            waitForProgress(runner, p -> p.status == LabProgress.Status.RUNNING && p.batchLoss.length > batches);
            onView(withId(R.id.lab_stop)).perform(scrollTo(), click());
            waitForProgress(runner, LabProgress::isDone);
            assertEquals(LabProgress.Status.STOPPED, runner.progress().getValue().status);
            assertTrue(runner.progress().getValue().batchLoss.length < 1000);
            onView(withId(R.id.lab_start)).check(matches(androidx.test.espresso.matcher.ViewMatchers.isEnabled()));
        }
    }

    @Test
    public void aDivergingRunIsExplained() throws Exception {
        try (ActivityScenario<TrainActivity> scenario = ActivityScenario.launch(TrainActivity.class)) {
            configure("200", "1", "20");
            scenario.onActivity(a -> ((Spinner) a.findViewById(R.id.lab_optimizer))
                    .setSelection(Optimizers.names().indexOf("sgd")));
            onView(withId(R.id.lab_lr)).perform(scrollTo(), replaceText("10000"));
            onView(withId(R.id.lab_start)).perform(scrollTo(), click());
            waitForProgress(runner, LabProgress::isDone);
            shadowOf(Looper.getMainLooper()).idle();
            assertEquals(LabProgress.Status.DIVERGED, runner.progress().getValue().status);
            scenario.onActivity(a -> {
                String why = ((TextView) a.findViewById(R.id.lab_explanation)).getText().toString();
                assertTrue(why, why.startsWith("The loss stopped being a number")
                        && why.contains("learning rate 10000.0"));
            });
        }
    }

    /**
     * The lab's real defaults (LeNet, Adam, batch norm, batch 64) with only the learning rate at 10, on 300 images:
     * the loss explodes but stays a number, the run ends, and the screen explains why it did not learn.
     */
    @Test
    public void theDefaultsAtLearningRate10AreExplained() throws Exception {
        try (ActivityScenario<TrainActivity> scenario = ActivityScenario.launch(TrainActivity.class)) {
            onView(withId(R.id.lab_images)).perform(scrollTo(), replaceText("300"));
            onView(withId(R.id.lab_epochs)).perform(scrollTo(), replaceText("1"));
            onView(withId(R.id.lab_lr)).perform(scrollTo(), replaceText("10"));
            onView(withId(R.id.lab_start)).perform(scrollTo(), click());
            waitForProgress(runner, LabProgress::isDone);
            shadowOf(Looper.getMainLooper()).idle();
            LabProgress end = runner.progress().getValue();
            assertEquals("no NaN: the run ends normally", LabProgress.Status.FINISHED, end.status);
            assertEquals("adam", runner.result().getValue().settings().optimizer);
            assertTrue(runner.result().getValue().settings().batchNorm);
            assertTrue(end.notLearning != null && end.notLearning.lossExploded());
            onView(withId(R.id.lab_explanation)).perform(scrollTo()).check(matches(isDisplayed()));
            scenario.onActivity(a -> {
                String why = ((TextView) a.findViewById(R.id.lab_explanation)).getText().toString();
                assertTrue(why, why.startsWith("The loss shot up from ")
                        && why.contains("more than 3 times where it started: with learning rate 10.0 every step")
                        && why.contains("It never overflowed to NaN"));
            });
        }
    }

    /**
     * A learning rate far too small (SGD at 1e-7 on the MLP) leaves the network where it started: after 20 batches its
     * test accuracy is at chance, and the screen says so.
     */
    @Test
    public void aRunStuckAtChanceIsExplained() throws Exception {
        try (ActivityScenario<TrainActivity> scenario = ActivityScenario.launch(TrainActivity.class)) {
            scenario.onActivity(a -> ((Spinner) a.findViewById(R.id.lab_network))
                    .setSelection(io.neuronlab.mllib.models.Recipes.names().indexOf("mlp")));
            shadowOf(Looper.getMainLooper()).idle();
            scenario.onActivity(a -> ((Spinner) a.findViewById(R.id.lab_optimizer))
                    .setSelection(Optimizers.names().indexOf("sgd")));
            configure("400", "1", "20");
            onView(withId(R.id.lab_lr)).perform(scrollTo(), replaceText("0.0000001"));
            onView(withId(R.id.lab_start)).perform(scrollTo(), click());
            waitForProgress(runner, LabProgress::isDone);
            shadowOf(Looper.getMainLooper()).idle();
            LabProgress end = runner.progress().getValue();
            assertEquals(LabProgress.Status.FINISHED, end.status);
            assertEquals("mlp", runner.result().getValue().settings().network);
            assertTrue("accuracy " + end.testAccuracy[0], end.notLearning != null && end.notLearning.atChance());
            assertTrue(!end.notLearning.lossExploded());
            scenario.onActivity(a -> {
                String why = ((TextView) a.findViewById(R.id.lab_explanation)).getText().toString();
                assertTrue(why, why.startsWith("After 20 batches the network gets only ")
                        && why.contains("about what guessing gets (10%): it is not learning."));
            });
        }
    }

    @Test
    public void impossibleSettingsAreShownNotThrown() {
        try (ActivityScenario<TrainActivity> scenario = ActivityScenario.launch(TrainActivity.class)) {
            onView(withId(R.id.lab_dropout)).perform(scrollTo(), replaceText("1.5"));
            onView(withId(R.id.lab_start)).perform(scrollTo(), click());
            onView(withId(R.id.lab_explanation)).check(matches(withText(
                    "Check the settings: the dropout ratio must be in [0, 1), got 1.5")));
            assertEquals(null, runner.progress().getValue());
        }
    }
}
