package io.neuronlab.app.lessons.speed;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.action.ViewActions.click;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withText;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import androidx.test.core.app.ActivityScenario;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;

/** The speed lesson times LeNet's convolutions: Java always runs; TFLite is unavailable under Robolectric. */
@RunWith(AndroidJUnit4.class)
public class SpeedLessonActivityTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    @Test
    public void timesTheJavaEngineAndListsTheOthersAsUnavailable() {
        try (ActivityScenario<SpeedLessonActivity> scenario = ActivityScenario.launch(SpeedLessonActivity.class)) {
            onView(withId(R.id.speed_run)).perform(click());
            onView(withId(R.id.speed_details)).check(matches(withText(containsString("Java: "))));
            onView(withId(R.id.speed_details)).check(matches(withText(containsString("ms/image"))));
            onView(withId(R.id.speed_details)).check(matches(withText(containsString("TFLite GPU: unavailable"))));
            scenario.onActivity(activity -> {
                List<EngineBarsView.Bar> bars = ((EngineBarsView) activity.findViewById(R.id.speed_bars)).bars();
                assertEquals(3, bars.size());
                assertEquals("Java", bars.get(0).label());
                double java = bars.get(0).millisPerImage();
                assertTrue("Java ms/image " + java, java > 0 && java < 1_000);
                assertTrue(Double.isNaN(bars.get(1).millisPerImage()));
                assertTrue(Double.isNaN(bars.get(2).millisPerImage()));
                assertEquals(android.view.View.GONE, activity.findViewById(R.id.speed_progress).getVisibility());
            });
        }
    }
}
