package io.neuronlab.app.lessons;

import android.content.Context;
import android.content.res.Configuration;
import android.os.Build;
import android.os.LocaleList;
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

    /** The lesson language matching the screen's current configuration. */
    public static LessonLanguage current(Context context) {
        return LessonLanguage.of(context.getResources().getConfiguration().getLocales().get(0));
    }

    /** The chosen tag ("" when following the system). */
    public static String chosen() {
        LocaleListCompat locales = AppCompatDelegate.getApplicationLocales();
        return locales.isEmpty() ? "" : locales.toLanguageTags();
    }

    /**
     * {@code base} in the chosen language. AppCompat (below API 33) and the platform's locale service (33+) already
     * give screens the chosen locale, and then this returns {@code base} itself; where the platform did not apply it
     * (a runtime without the locale service, such as the JVM tests), the configuration is overridden here, so every
     * screen shows one language.
     */
    public static Context applied(Context base) {
        LocaleListCompat chosen = AppCompatDelegate.getApplicationLocales();
        if (chosen.isEmpty() || Build.VERSION.SDK_INT < 33 || shows(base, chosen)) {
            return base;
        }
        Configuration configuration = new Configuration(base.getResources().getConfiguration());
        configuration.setLocales(LocaleList.forLanguageTags(chosen.toLanguageTags()));
        return base.createConfigurationContext(configuration);
    }

    /** Whether {@code context}'s resources are in the chosen language (or the system's when none is chosen). */
    public static boolean showsChosen(Context context) {
        LocaleListCompat chosen = AppCompatDelegate.getApplicationLocales();
        if (chosen.isEmpty()) {
            chosen = LocaleListCompat.getAdjustedDefault();
        }
        return shows(context, chosen);
    }

    private static boolean shows(Context context, LocaleListCompat locales) {
        java.util.Locale want = locales.get(0);
        java.util.Locale have = context.getResources().getConfiguration().getLocales().get(0);
        return want != null && want.getLanguage().equals(have.getLanguage())
                && (want.getCountry().isEmpty() || want.getCountry().equals(have.getCountry()));
    }

    /** Switches the app's language; AppCompat recreates the open screens. */
    public static void choose(String tag) {
        AppCompatDelegate.setApplicationLocales(LocaleListCompat.forLanguageTags(tag));
    }
}
