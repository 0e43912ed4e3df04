package io.neuronlab.mllib.tflite;

/**
 * Turns .tflite bytes into a runnable {@link TfliteInterpreter}: the seam between mllib and a concrete
 * TensorFlow Lite runtime (XNNPACK CPU on desktop or Android, the GPU delegate on Android).
 */
public interface TfliteRuntime {

    /** Human-readable name for messages and benchmarks, e.g. "TFLite CPU" or "TFLite GPU (FP32)". */
    String name();

    /**
     * Loads a model.
     *
     * @throws TfliteException when the runtime (or its delegate) cannot load or prepare the model; callers
     *                         may then fall back to another runtime
     */
    TfliteInterpreter load(byte[] model);
}
