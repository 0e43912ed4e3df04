package io.neuronlab.mllib.tflite;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The TensorFlow Lite runtimes this JVM can use. On the desktop that is the bytedeco runtime
 * ({@code io.neuronlab.mllib.tflite.desktop.BytedecoRuntime}) when its jars are on the classpath — the CLI jar has
 * them in {@code lib/}; on Android the app creates its {@code AndroidTfliteRuntime}s directly. Further runtimes
 * can declare themselves in {@code META-INF/services/io.neuronlab.mllib.tflite.TfliteRuntime}.
 */
public final class TfliteRuntimes {
    static final String DESKTOP_RUNTIME = "io.neuronlab.mllib.tflite.desktop.BytedecoRuntime";
    /** A class of the bytedeco TFLite jar: present only where mllib's optional desktop dependency is. */
    private static final String DESKTOP_MARKER = "org.bytedeco.tensorflowlite.Interpreter";

    private TfliteRuntimes() {
    }

    /** Every runtime found: the desktop runtime first if present, then declared services; may be empty. */
    public static List<TfliteRuntime> available() {
        List<TfliteRuntime> found = new ArrayList<>();
        TfliteRuntime desktop = desktop();
        if (desktop != null) {
            found.add(desktop);
        }
        for (TfliteRuntime r : ServiceLoader.load(TfliteRuntime.class)) {
            found.add(r);
        }
        return found;
    }

    /** The bytedeco runtime, or null when its jars are not on the classpath (Android, a bare mllib.jar). */
    static TfliteRuntime desktop() {
        ClassLoader loader = TfliteRuntimes.class.getClassLoader();
        try {
            Class.forName(DESKTOP_MARKER, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        try {
            // by name: a compile-time reference would make every caller depend on the desktop jars
            return (TfliteRuntime) Class.forName(DESKTOP_RUNTIME, true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new TfliteException("the desktop TFLite runtime is on the classpath but could not be created: " + e);
        }
    }
}
