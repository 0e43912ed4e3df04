package io.neuronlab.app.lessons;

import java.util.Locale;

/** The languages lessons are written in; each has a folder assets/lessons/&lt;folder&gt;/ with the same files. */
public enum LessonLanguage {
    ENGLISH("en"),
    SIMPLIFIED_CHINESE("zh");

    public final String folder;

    LessonLanguage(String folder) {
        this.folder = folder;
    }

    /** Chinese for a Chinese locale, else English. */
    public static LessonLanguage of(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? SIMPLIFIED_CHINESE : ENGLISH;
    }
}
