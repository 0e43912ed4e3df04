package io.neuronlab.app;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.action.ViewActions.click;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.RootMatchers.isDialog;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withText;
import static org.junit.Assert.assertEquals;

import androidx.test.core.app.ActivityScenario;
import androidx.test.core.app.ApplicationProvider;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.draw.DrawActivity;
import io.neuronlab.app.home.HomeActivity;
import io.neuronlab.app.lessons.Languages;
import io.neuronlab.app.lessons.LessonsActivity;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.annotation.Config;
import org.robolectric.shadows.ShadowLooper;

/**
 * The in-app language switch turns the screens' own strings (titles, buttons, home cards) — not only the lessons —
 * into the chosen language, on a screen recreated after the choice (as AppCompat below API 33 and the platform
 * from API 33 recreate them) and on screens opened afterwards; and the app follows the system's language until
 * one is chosen.
 */
@RunWith(AndroidJUnit4.class)
public class AppLanguageTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    @After
    public void followTheSystemAgain() {
        Languages.choose(ApplicationProvider.getApplicationContext(), "");
    }

    private static void choose(String name) {
        onView(withId(R.id.lessons_language)).perform(click());
        onView(withText(name)).inRoot(isDialog()).perform(click());
        ShadowLooper.idleMainLooper();
    }

    @Test
    public void choosingChineseTurnsTheScreensOwnStringsChineseAndEnglishBack() {
        try (ActivityScenario<LessonsActivity> list = ActivityScenario.launch(LessonsActivity.class)) {
            list.onActivity(a -> assertEquals("Lessons", a.getTitle().toString()));
            onView(withId(R.id.lessons_language)).check(matches(withText("Language")));
            choose("简体中文");
            list.recreate();
            list.onActivity(a -> assertEquals("课程", a.getTitle().toString()));
            onView(withId(R.id.lessons_language)).check(matches(withText("语言")));
        }
        try (ActivityScenario<HomeActivity> home = ActivityScenario.launch(HomeActivity.class)) {
            onView(withText("手写")).check(matches(withText("手写")));
            onView(withId(R.id.home_settings)).check(matches(withText("设置")));
        }
        try (ActivityScenario<DrawActivity> draw = ActivityScenario.launch(DrawActivity.class)) {
            draw.onActivity(a -> assertEquals("手写数字", a.getTitle().toString()));
            onView(withId(R.id.draw_undo)).check(matches(withText("撤销")));
        }
        try (ActivityScenario<LessonsActivity> list = ActivityScenario.launch(LessonsActivity.class)) {
            choose("English");
            list.recreate();
            list.onActivity(a -> assertEquals("Lessons", a.getTitle().toString()));
            onView(withId(R.id.lessons_language)).check(matches(withText("Language")));
        }
        try (ActivityScenario<HomeActivity> home = ActivityScenario.launch(HomeActivity.class)) {
            onView(withId(R.id.home_settings)).check(matches(withText("Settings")));
        }
    }

    /** A phone set to Chinese shows Chinese until English is chosen in the app, and again after "system language". */
    @Test
    @Config(qualifiers = "zh-rCN")
    public void aChinesePhoneShowsChineseUntilEnglishIsChosen() {
        try (ActivityScenario<LessonsActivity> list = ActivityScenario.launch(LessonsActivity.class)) {
            list.onActivity(a -> assertEquals("课程", a.getTitle().toString()));
            choose("English");
            list.recreate();
            list.onActivity(a -> assertEquals("Lessons", a.getTitle().toString()));
            onView(withId(R.id.lessons_language)).check(matches(withText("Language")));
            choose("System language");
            list.recreate();
            list.onActivity(a -> assertEquals("课程", a.getTitle().toString()));
            onView(withId(R.id.lessons_language)).check(matches(withText("语言")));
        }
    }
}
