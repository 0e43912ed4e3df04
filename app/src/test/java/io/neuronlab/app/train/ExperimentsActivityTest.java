package io.neuronlab.app.train;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.action.ViewActions.click;
import static androidx.test.espresso.action.ViewActions.scrollTo;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.ViewMatchers.isEnabled;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withText;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.content.Intent;
import android.os.Looper;
import android.widget.TextView;
import androidx.test.core.app.ActivityScenario;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import io.neuronlab.app.chart.ChartModel;
import io.neuronlab.app.chart.ChartView;
import io.neuronlab.app.chart.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;

/**
 * The experiments screen with real training on the bundled slice: the race's four curves appear on one chart and
 * grow; the overfitting experiment shows train and test accuracy and the gap, goes on across a rotation; Stop ends
 * either; the Train screen opens the screen.
 */
@RunWith(AndroidJUnit4.class)
public class ExperimentsActivityTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    @Before
    public void freshRunner() {
        LabRunner.replaceForTests(androidx.test.core.app.ApplicationProvider.getApplicationContext());
    }

    /** Lets the experiment's thread work and the main looper deliver its LiveData until {@code done} holds. */
    private static void waitFor(ActivityScenario<ExperimentsActivity> scenario, int chartId,
                                Predicate<ChartModel> done) throws InterruptedException {
        AtomicReference<ChartModel> now = new AtomicReference<>();
        MainLooperWait.waitFor(() -> {
            scenario.onActivity(a -> now.set(((ChartView) a.findViewById(chartId)).model()));
            return done.test(now.get());
        }, () -> "timed out; the chart holds " + now.get().series());
    }

    private static List<String> labels(ChartModel model) {
        List<String> labels = new ArrayList<>();
        for (Series s : model.series()) {
            labels.add(s.label());
        }
        return labels;
    }

    private static boolean allAtLeast(ChartModel model, int points) {
        if (model.series().isEmpty()) {
            return false;
        }
        for (Series s : model.series()) {
            if (s.size() < points) {
                return false;
            }
        }
        return true;
    }

    @Test
    public void theRaceDrawsFourLossCurvesLiveAndStops() throws Exception {
        try (ActivityScenario<ExperimentsActivity> scenario = ActivityScenario.launch(ExperimentsActivity.class)) {
            onView(withId(R.id.exp_race_start)).perform(click());
            onView(withId(R.id.exp_race_start)).check(matches(not(isEnabled())));
            onView(withId(R.id.exp_overfit_start)).check(matches(not(isEnabled())));
            waitFor(scenario, R.id.exp_race_chart, m -> allAtLeast(m, 3));
            scenario.onActivity(a -> {
                ChartModel m = ((ChartView) a.findViewById(R.id.exp_race_chart)).model();
                assertEquals(Arrays.asList("SGD", "Momentum", "AdaGrad", "Adam"), labels(m));
                // the same first batch from the same weights: every curve starts at the same loss
                float first = m.series().get(0).y(0);
                for (Series s : m.series()) {
                    assertEquals(first, s.y(0), 0f);
                }
                String status = ((TextView) a.findViewById(R.id.exp_race_status)).getText().toString();
                assertTrue(status, status.startsWith("Iteration ") && status.endsWith(" of 300"));
            });
            // live: the curves keep growing
            int[] before = new int[1];
            scenario.onActivity(a -> before[0] = ((ChartView) a.findViewById(R.id.exp_race_chart)).model().series()
                    .get(3).size());
            waitFor(scenario, R.id.exp_race_chart, m -> allAtLeast(m, before[0] + 2));

            onView(withId(R.id.exp_race_stop)).perform(click());
            waitForStatus(scenario, R.id.exp_race_status, "Stopped after ");
            onView(withId(R.id.exp_race_status)).check(matches(withText(startsWith("Stopped after "))));
            onView(withId(R.id.exp_race_start)).check(matches(isEnabled()));
            onView(withId(R.id.exp_race_stop)).check(matches(not(isEnabled())));
        }
    }

    @Test
    public void overfittingShowsTheGapAndSurvivesRotation() throws Exception {
        try (ActivityScenario<ExperimentsActivity> scenario = ActivityScenario.launch(ExperimentsActivity.class)) {
            onView(withId(R.id.exp_overfit_start)).perform(scrollTo(), click());
            waitFor(scenario, R.id.exp_overfit_chart, m -> allAtLeast(m, 1));
            scenario.onActivity(a -> {
                ChartModel m = ((ChartView) a.findViewById(R.id.exp_overfit_chart)).model();
                assertEquals(Arrays.asList("plain · train", "plain · test", "weight decay · train",
                        "weight decay · test", "dropout · train", "dropout · test"), labels(m));
                String gap = ((TextView) a.findViewById(R.id.exp_overfit_gap)).getText().toString();
                assertTrue(gap, gap.startsWith("Training minus test accuracy after epoch ")
                        && gap.contains("plain ") && gap.contains("weight decay ") && gap.contains("dropout "));
            });
            int[] epochs = new int[1];
            scenario.onActivity(a -> epochs[0] = ((ChartView) a.findViewById(R.id.exp_overfit_chart)).model()
                    .series().get(0).size());

            scenario.recreate();
            // the new Activity shows the same run (from the ViewModel), which goes on
            onView(withId(R.id.exp_overfit_stop)).check(matches(isEnabled()));
            waitFor(scenario, R.id.exp_overfit_chart, m -> allAtLeast(m, epochs[0] + 2));

            onView(withId(R.id.exp_overfit_stop)).perform(scrollTo(), click());
            waitForStatus(scenario, R.id.exp_overfit_status, "Stopped after ");
            onView(withId(R.id.exp_overfit_start)).check(matches(isEnabled()));
            onView(withId(R.id.exp_race_start)).check(matches(isEnabled()));
        }
    }

    @Test
    public void theTrainScreenOpensTheExperiments() {
        try (ActivityScenario<TrainActivity> scenario = ActivityScenario.launch(TrainActivity.class)) {
            onView(withId(R.id.lab_open_experiments)).perform(scrollTo(), click());
            scenario.onActivity(a -> {
                Intent next = shadowOf(a).getNextStartedActivity();
                assertEquals(ExperimentsActivity.class.getName(), next.getComponent().getClassName());
            });
        }
    }

    private static void waitForStatus(ActivityScenario<ExperimentsActivity> scenario, int id, String prefix)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        AtomicReference<String> text = new AtomicReference<>();
        while (true) {
            shadowOf(Looper.getMainLooper()).idle();
            scenario.onActivity(a -> text.set(((TextView) a.findViewById(id)).getText().toString()));
            if (text.get().startsWith(prefix)) {
                return;
            }
            assertTrue("timed out; status is " + text.get(), System.nanoTime() < deadline);
            Thread.sleep(20);
        }
    }
}
