package io.neuronlab.mllib.tflite;

/**
 * The part of a TensorFlow Lite interpreter mllib needs (like TFLite's {@code InterpreterApi}, cut down):
 * one float32 input, one float32 output, both flattened in the model's own layout (NHWC for images).
 * The desktop runtime (bytedeco, in tests) and the Android runtime ({@code org.tensorflow.lite}) implement it,
 * so everything above it runs and is tested the same way on both.
 */
public interface TfliteInterpreter extends AutoCloseable {

    /**
     * Runs the model once.
     *
     * @param input  the input tensor's values, e.g. [1, H, W, C] flattened
     * @param output receives the output tensor's values; its length must equal the output's element count
     * @throws TfliteException when the runtime fails to run the model
     */
    void run(float[] input, float[] output);

    /** Frees the native interpreter (and any delegate); the interpreter is unusable afterwards. */
    @Override
    void close();
}
