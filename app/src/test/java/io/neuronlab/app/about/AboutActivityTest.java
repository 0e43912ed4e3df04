package io.neuronlab.app.about;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withText;
import static org.hamcrest.Matchers.startsWith;

import androidx.test.core.app.ActivityScenario;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.R;
import io.neuronlab.app.InMemoryDatabase;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;

/** The About screen states the build's versions and SDK levels (from app/pom.xml via BuildConfig). */
@RunWith(AndroidJUnit4.class)
public class AboutActivityTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    @Test
    public void showsVersionsSdkLevelsEngineAndModel() throws Exception {
        try (ActivityScenario<AboutActivity> scenario = ActivityScenario.launch(AboutActivity.class)) {
            onView(withId(R.id.about_app_version)).check(matches(withText("0.1.0 (1)")));
            onView(withId(R.id.about_mllib_version)).check(matches(withText("0.1.0-SNAPSHOT")));
            onView(withId(R.id.about_tflite_version)).check(matches(withText("2.14.0")));
            // Robolectric runs as the SDK in robolectric.properties: 34
            onView(withId(R.id.about_sdk_levels)).check(matches(withText("min 24 · target 34 · this device 34")));
            // nothing chosen yet: the Java engine
            onView(withId(R.id.about_engine)).check(matches(withText(startsWith("Convolutions: Java · "))));
            // the app ships its digit model: About names it
            onView(withId(R.id.about_model)).check(matches(withText(startsWith("digits.nlmf ("))));
        }
    }
}
