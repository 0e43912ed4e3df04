package io.neuronlab.app.lessons;

import android.content.Context;
import androidx.appcompat.app.AppCompatDelegate;
import androidx.core.os.LocaleListCompat;

/**
 * The app's language: the system's by default, or one the learner picks (English, 简体中文). AppCompat applies it
 * to every screen and keeps it across restarts; lessons are shown in the language the screen's resources use.
 */
public final class Languages {
    /** The choices offered, in the order shown; "" follows the system. */
    public static final String[] TAGS = {"", "en", "zh-CN"};

    private Languages() {
    }

    /**
     * The lesson language: the one chosen in the app, else the screen's configuration's (the system's). Read from
     * the choice itself, so the lessons follow it even where the platform has not yet applied it to the screen's
     * resources.
     */
    public static LessonLanguage current(Context context) {
        LocaleListCompat chosen = AppCompatDelegate.getApplicationLocales();
        return LessonLanguage.of(chosen.isEmpty() ? context.getResources().getConfiguration().getLocales().get(0)
                : chosen.get(0));
    }

    /** The chosen tag ("" when following the system). */
    public static String chosen() {
        LocaleListCompat locales = AppCompatDelegate.getApplicationLocales();
        return locales.isEmpty() ? "" : locales.toLanguageTags();
    }

    /** Switches the app's language; AppCompat recreates the open screens. */
    public static void choose(String tag) {
        AppCompatDelegate.setApplicationLocales(LocaleListCompat.forLanguageTags(tag));
    }
}
