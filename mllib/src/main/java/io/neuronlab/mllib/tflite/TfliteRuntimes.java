package io.neuronlab.mllib.tflite;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The TensorFlow Lite runtimes on the classpath, found with {@link ServiceLoader} (each declares itself in
 * {@code META-INF/services/io.neuronlab.mllib.tflite.TfliteRuntime}). mllib itself ships none: on Android the
 * app creates {@code AndroidTfliteRuntime}s directly; on the desktop the bytedeco runtime is on the test
 * classpath, so {@code mvn -pl mllib exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.neuronlab.mllib.tflite.ConvEngineBench} can time it.
 */
public final class TfliteRuntimes {
    private TfliteRuntimes() {
    }

    /** Every runtime found, in classpath order; empty when none is installed. */
    public static List<TfliteRuntime> available() {
        List<TfliteRuntime> found = new ArrayList<>();
        for (TfliteRuntime r : ServiceLoader.load(TfliteRuntime.class)) {
            found.add(r);
        }
        return found;
    }
}
