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
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
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
import io.neuronlab.app.data.TrainingRun;
import io.neuronlab.app.samples.DigitSampleEntity;
import io.neuronlab.mllib.lab.LabProgress;
import io.neuronlab.mllib.lab.LabSettings;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;

/**
 * The lab's data choice: "my handwriting" trains and tests on the user's stored samples (results and history say
 * so); too few samples, or none, say what is needed instead of starting.
 */
@RunWith(AndroidJUnit4.class)
public class LabDataChoiceTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    private LabRunner runner;

    @Before
    public void freshRunner() {
        runner = LabRunner.replaceForTests(ApplicationProvider.getApplicationContext());
    }

    private static void chooseMyHandwriting(ActivityScenario<TrainActivity> scenario) {
        scenario.onActivity(a -> ((Spinner) a.findViewById(R.id.lab_data))
                .setSelection(LabSettings.Data.MY_SAMPLES.ordinal()));
        shadowOf(Looper.getMainLooper()).idle();
    }

    @Test
    public void myHandwritingTrainsAndTestsOnTheStoredSamples() throws Exception {
        List<DigitSampleEntity> stored = StoredSamples.store(database, 4, -1, 0);
        try (ActivityScenario<TrainActivity> scenario = ActivityScenario.launch(TrainActivity.class)) {
            onView(withId(R.id.lab_data_info)).perform(scrollTo()).check(matches(withText(
                    "Real MNIST digits that come with the app: 12,000 to train on (at most the Images number),"
                    + " 2,000 to test on.")));
            chooseMyHandwriting(scenario);
            // 4 of each digit: one of each held out to test on, three to train on
            onView(withId(R.id.lab_data_info)).perform(scrollTo()).check(matches(withText(
                    "Your 40 digits: 30 to train on (at most the Images number), 10 kept aside to test on"
                    + " (a fifth of every digit).")));
            onView(withId(R.id.lab_epochs)).perform(scrollTo(), replaceText("2"));
            onView(withId(R.id.lab_batch)).perform(scrollTo(), replaceText("10"));
            onView(withId(R.id.lab_start)).perform(scrollTo(), click());
            waitForProgress(runner, LabProgress::isDone);
            shadowOf(Looper.getMainLooper()).idle();
            LabProgress end = runner.progress().getValue();
            assertEquals(LabProgress.Status.FINISHED, end.status);
            assertEquals("2 epochs x 3 batches of 10", 6, end.batchLoss.length);
            onView(withId(R.id.lab_status)).check(matches(withText(containsString("of 10 test digits right."))));

            // the results come from the samples' test split: ten stored digits, one of each
            LabRunner.Outcome outcome = runner.result().getValue();
            assertEquals(LabSettings.Data.MY_SAMPLES, outcome.settings().data);
            assertEquals(30, outcome.settings().trainImages);
            assertEquals(10, outcome.result().total());
            int[] perDigit = new int[10];
            for (int i = 0; i < outcome.test().size(); i++) {
                perDigit[outcome.test().label(i)]++;
                assertTrue("test digit " + i + " is a stored sample",
                        StoredSamples.isOneOf(outcome.test().example(i).data(), stored));
            }
            assertEquals("[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]", java.util.Arrays.toString(perDigit));
            int confusionTotal = 0;
            for (int[] row : outcome.result().confusion()) {
                for (int v : row) {
                    confusionTotal += v;
                }
            }
            assertEquals(10, confusionTotal);
            onView(withId(R.id.lab_confusion)).perform(scrollTo()).check(matches(isDisplayed()));
            scenario.onActivity(a -> assertEquals(outcome.result().mistakes().size(),
                    ((io.neuronlab.app.chart.HeatmapView) a.findViewById(R.id.lab_mistakes)).heatmaps().size()));

            // the history entry names the data
            TrainingRun run = database.get().trainingRuns().latest(1).get(0);
            assertEquals("MY_SAMPLES", run.dataset);
            assertEquals(30, (int) run.trainImages);
            onView(withId(R.id.train_runs)).check(matches(withText(containsString("· 30 images · my handwriting"))));
            assertTrue("the run's copy of the samples is gone with the run", !runner.samplesSnapshot().exists());
        }
    }

    @Test
    public void tooFewSamplesSayWhatIsNeededInsteadOfStarting() throws Exception {
        StoredSamples.store(database, 3, 7, 0);
        try (ActivityScenario<TrainActivity> scenario = ActivityScenario.launch(TrainActivity.class)) {
            chooseMyHandwriting(scenario);
            String needed = "Training on your handwriting needs at least 3 samples of every digit."
                    + " Draw and label more of: 7 (0).";
            saysAndRefusesToStart(needed);
        }
    }

    @Test
    public void noSamplesAtAllSayHowToMakeThem() {
        try (ActivityScenario<TrainActivity> scenario = ActivityScenario.launch(TrainActivity.class)) {
            chooseMyHandwriting(scenario);
            String none = "You have no labelled digits yet. Label at least 3 of every digit with the right/wrong"
                    + " buttons on the Draw screen.";
            saysAndRefusesToStart(none);
        }
    }

    /** The data line says {@code text}; Start then explains the same instead of starting a run. */
    private void saysAndRefusesToStart(String text) {
        onView(withId(R.id.lab_data_info)).perform(scrollTo()).check(matches(withText(text)));
        onView(withId(R.id.lab_start)).perform(scrollTo(), click());
        onView(withId(R.id.lab_explanation)).check(matches(withText(text)));
        assertNull("nothing started", runner.progress().getValue());
    }
}
