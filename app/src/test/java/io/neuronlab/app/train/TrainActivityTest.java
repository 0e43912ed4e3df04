package io.neuronlab.app.train;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withText;

import androidx.test.core.app.ActivityScenario;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.R;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.data.TrainingRun;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;

/** Room -> ViewModel -> LiveData -> the Train screen's history. */
@RunWith(AndroidJUnit4.class)
public class TrainActivityTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    @org.junit.Before
    public void freshRunner() {
        LabRunner.replaceForTests(androidx.test.core.app.ApplicationProvider.getApplicationContext());
    }

    @Test
    public void withoutRunsSaysSo() {
        try (ActivityScenario<TrainActivity> scenario = ActivityScenario.launch(TrainActivity.class)) {
            onView(withId(R.id.train_runs)).check(matches(withText(R.string.train_no_runs)));
        }
    }

    @Test
    public void showsSavedRunsNewestFirst() {
        database.get().trainingRuns().insert(TrainingRun.of("TwoLayerNet", 1_000, 17, 0.05f, 0.9731f, 84_250));
        database.get().trainingRuns().insert(TrainingRun.of("SimpleConvNet", 2_000, 20, 0.01f, 0.9912f, 612_000));
        try (ActivityScenario<TrainActivity> scenario = ActivityScenario.launch(TrainActivity.class)) {
            onView(withId(R.id.train_runs)).check(matches(withText(
                    "SimpleConvNet · 20 epochs · accuracy 99.1% · 612.0 s\n"
                    + "TwoLayerNet · 17 epochs · accuracy 97.3% · 84.3 s")));
        }
    }
}
