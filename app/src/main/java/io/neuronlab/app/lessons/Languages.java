package io.neuronlab.app.lessons;

import android.content.Context;
import android.content.res.Configuration;
import android.os.LocaleList;
import androidx.appcompat.app.AppCompatDelegate;
import androidx.core.os.LocaleListCompat;
import java.util.Locale;

/**
 * The app's language: the system's by default, or one the learner picks (English, 简体中文). The choice is kept
 * in the app's preferences and applied to every screen as it is created ({@link #wrap}, from the screens' base
 * class) — the same way on every API level, and on the JVM in tests. It is also handed to AppCompat, which
 * recreates the open screens (below API 33 itself, from API 33 through the platform's per-app language).
 */
public final class Languages {
    /** The choices offered, in the order shown; "" follows the system. */
    public static final String[] TAGS = {"", "en", "zh-CN"};

    private static final String PREFERENCES = "language";
    private static final String KEY = "tag";

    private Languages() {
    }

    /** The lesson language: the one chosen in the app, else the screen's configuration's (the system's). */
    public static LessonLanguage current(Context context) {
        String tag = chosen(context);
        return LessonLanguage.of(tag.isEmpty() ? context.getResources().getConfiguration().getLocales().get(0)
                : Locale.forLanguageTag(tag));
    }

    /**
     * {@code base} with its resources in the chosen language, or {@code base} itself when following the system or
     * when its configuration already has that language.
     */
    public static Context wrap(Context base) {
        String tag = chosen(base);
        if (tag.isEmpty()) {
            return base;
        }
        Locale locale = Locale.forLanguageTag(tag);
        Configuration current = base.getResources().getConfiguration();
        if (locale.equals(current.getLocales().get(0))) {
            return base;
        }
        Configuration config = new Configuration(current);
        config.setLocales(new LocaleList(locale));
        return base.createConfigurationContext(config);
    }

    /** The chosen tag ("" when following the system). */
    public static String chosen(Context context) {
        return context.getApplicationContext().getSharedPreferences(PREFERENCES, Context.MODE_PRIVATE)
                .getString(KEY, "");
    }

    /** Switches the app's language (one of {@link #TAGS}); the open screens are recreated in it. */
    public static void choose(Context context, String tag) {
        // written before the screens are recreated, which read it as they are created
        context.getApplicationContext().getSharedPreferences(PREFERENCES, Context.MODE_PRIVATE)
                .edit().putString(KEY, tag).commit();
        AppCompatDelegate.setApplicationLocales(LocaleListCompat.forLanguageTags(tag));
    }
}
