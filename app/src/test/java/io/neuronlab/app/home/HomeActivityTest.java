package io.neuronlab.app.home;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.action.ViewActions.click;
import static androidx.test.espresso.action.ViewActions.scrollTo;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.ViewMatchers.isDisplayed;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withText;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.robolectric.Shadows.shadowOf;

import android.content.Intent;
import androidx.test.core.app.ActivityScenario;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.R;
import io.neuronlab.app.InMemoryDatabase;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.annotation.Config;

/** Espresso on the JVM (AndroidJUnit4 runs on Robolectric): every home entry opens its feature. */
@RunWith(AndroidJUnit4.class)
public class HomeActivityTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();


    @Test
    public void everyEntryOpensItsFeatureActivity() {
        try (ActivityScenario<HomeActivity> scenario = ActivityScenario.launch(HomeActivity.class)) {
            for (Feature feature : Feature.values()) {
                onView(withId(feature.homeEntryId)).perform(scrollTo(), click());
                scenario.onActivity(home -> {
                    Intent started = shadowOf(home).getNextStartedActivity();
                    assertNotNull(feature + " started nothing", started);
                    assertEquals(feature.activity.getName(), started.getComponent().getClassName());
                });
            }
        }
    }

    @Test
    public void showsTheFeatureCardsInEnglish() {
        try (ActivityScenario<HomeActivity> scenario = ActivityScenario.launch(HomeActivity.class)) {
            onView(withText("Draw")).check(matches(isDisplayed()));
            onView(withText("Train")).check(matches(isDisplayed()));
            onView(withId(R.id.home_tagline)).check(matches(withText(R.string.home_tagline)));
        }
    }

    @Test
    @Config(qualifiers = "zh-rCN")
    public void showsTheFeatureCardsInSimplifiedChinese() {
        try (ActivityScenario<HomeActivity> scenario = ActivityScenario.launch(HomeActivity.class)) {
            onView(withText("手写")).check(matches(isDisplayed()));
            onView(withText("训练")).check(matches(isDisplayed()));
            onView(withId(R.id.home_about)).check(matches(withText("关于")));
        }
    }
}
