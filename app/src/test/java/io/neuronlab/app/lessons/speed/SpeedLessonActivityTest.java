package io.neuronlab.app.lessons.speed;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.action.ViewActions.click;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withText;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import androidx.test.core.app.ActivityScenario;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import io.neuronlab.app.settings.EngineChoice;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;

/**
 * The speed lesson times LeNet's convolutions in every engine: Java always; each TFLite engine with a time when it opens
 * on this runtime, else listed as unavailable with the reason (as on a phone without the natives).
 */
@RunWith(AndroidJUnit4.class)
public class SpeedLessonActivityTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    @Test
    public void timesEveryEngineThatOpensAndListsTheOthersAsUnavailable() {
        try (ActivityScenario<SpeedLessonActivity> scenario = ActivityScenario.launch(SpeedLessonActivity.class)) {
            onView(withId(R.id.speed_run)).perform(click());
            onView(withId(R.id.speed_details)).check(matches(withText(containsString("Java: "))));
            onView(withId(R.id.speed_details)).check(matches(withText(containsString("ms/image"))));
            boolean cpu = !EngineChoice.TFLITE_CPU.open().fellBack();
            boolean gpu = !EngineChoice.TFLITE_GPU.open().fellBack();
            onView(withId(R.id.speed_details)).check(matches(gpu
                ? not(withText(containsString("TFLite GPU: unavailable")))
                : withText(containsString("TFLite GPU: unavailable"))));
            scenario.onActivity(activity -> {
                List<EngineBarsView.Bar> bars = ((EngineBarsView) activity.findViewById(R.id.speed_bars)).bars();
                assertEquals(3, bars.size());
                assertEquals("Java", bars.get(0).label());
                double java = bars.get(0).millisPerImage();
                assertTrue("Java ms/image " + java, java > 0 && java < 1_000);
                // an engine that opened has a time; one that did not is an empty track
                for (int i = 1; i <= 2; i++) {
                    boolean runs = bars.get(i).label().contains("GPU") ? gpu : cpu;
                    double ms = bars.get(i).millisPerImage();
                    assertEquals(bars.get(i).label() + ": " + ms, runs, ms > 0 && ms < 1_000);
                    assertEquals(bars.get(i).label() + ": " + ms, !runs, Double.isNaN(ms));
                }
                assertEquals(android.view.View.GONE, activity.findViewById(R.id.speed_progress).getVisibility());
            });
        }
    }
}
