package io.neuronlab.mllib.tflite.android;

import io.neuronlab.mllib.nn.engine.ConvEngine;
import io.neuronlab.mllib.nn.engine.JavaConvEngine;
import io.neuronlab.mllib.tflite.TfliteConvEngine;

import java.util.function.Consumer;

/** The three convolution engines the app offers ("Compute: Java / TFLite CPU / TFLite GPU"). */
public final class AndroidConvEngines {
    private AndroidConvEngines() {
    }

    public static ConvEngine java() {
        return new JavaConvEngine();
    }

    /** TFLite on the CPU (XNNPACK) with one thread per core. */
    public static ConvEngine tfliteCpu() {
        return new TfliteConvEngine(AndroidTfliteRuntime.cpu(Runtime.getRuntime().availableProcessors()));
    }

    /**
     * TFLite with the GPU delegate; falls back to {@link #tfliteCpu()} when the device or delegate cannot run
     * the graph, and says so through {@code messages} (e.g. a toast or the lesson's log).
     */
    public static ConvEngine tfliteGpu(boolean fp32, Consumer<String> messages) {
        return tfliteGpu(fp32, messages, InterpreterFactory.TFLITE);
    }

    /** As {@link #tfliteGpu(boolean, Consumer)}, with interpreters made by {@code factory}. */
    public static ConvEngine tfliteGpu(boolean fp32, Consumer<String> messages, InterpreterFactory factory) {
        int threads = Runtime.getRuntime().availableProcessors();
        return new TfliteConvEngine(AndroidTfliteRuntime.gpu(fp32).withInterpreterFactory(factory))
            .withFallback(AndroidTfliteRuntime.cpu(threads).withInterpreterFactory(factory), messages);
    }
}
