package io.neuronlab.app.lessons;

import android.content.res.AssetManager;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where lesson files are read from: the APK's assets/lessons/ on a phone, the source folder in JVM tests.
 * Lessons are listed by file name, so their order is their number.
 */
public abstract class LessonSource {
    static final String FOLDER = "lessons";

    /** The file names (without ".md") under one language's folder, sorted. */
    protected abstract String[] fileNames(String languageFolder) throws IOException;

    protected abstract InputStream open(String languageFolder, String fileName) throws IOException;

    public List<String> ids(LessonLanguage language) {
        try {
            String[] names = fileNames(language.folder);
            List<String> ids = new ArrayList<>();
            if (names != null) {
                Arrays.sort(names);
                for (String name : names) {
                    if (name.endsWith(".md")) {
                        ids.add(name.substring(0, name.length() - 3));
                    }
                }
            }
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the " + language.folder + " lessons", e);
        }
    }

    public Lesson lesson(LessonLanguage language, String id) {
        try (InputStream in = open(language.folder, id + ".md")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
            return LessonParser.parse(id, new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read lesson " + language.folder + "/" + id, e);
        }
    }

    /** Every lesson of a language, in order. */
    public List<Lesson> all(LessonLanguage language) {
        List<Lesson> lessons = new ArrayList<>();
        for (String id : ids(language)) {
            lessons.add(lesson(language, id));
        }
        return lessons;
    }

    public static LessonSource assets(AssetManager assets) {
        return new LessonSource() {
            @Override
            protected String[] fileNames(String languageFolder) throws IOException {
                return assets.list(FOLDER + "/" + languageFolder);
            }

            @Override
            protected InputStream open(String languageFolder, String fileName) throws IOException {
                return assets.open(FOLDER + "/" + languageFolder + "/" + fileName);
            }
        };
    }

    /** A folder laid out like the assets (…/lessons/en/*.md): for JVM tests on the source tree. */
    public static LessonSource directory(File assetsRoot) {
        return new LessonSource() {
            @Override
            protected String[] fileNames(String languageFolder) {
                return new File(assetsRoot, FOLDER + "/" + languageFolder).list();
            }

            @Override
            protected InputStream open(String languageFolder, String fileName) throws IOException {
                return new FileInputStream(new File(assetsRoot, FOLDER + "/" + languageFolder + "/" + fileName));
            }
        };
    }
}
