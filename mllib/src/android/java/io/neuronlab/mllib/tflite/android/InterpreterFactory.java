package io.neuronlab.mllib.tflite.android;

import org.tensorflow.lite.InterpreterApi;

import java.nio.ByteBuffer;

/**
 * Makes a TFLite {@link InterpreterApi} for a model: {@link #TFLITE} is the app's own TensorFlow Lite; JVM tests
 * pass a stand-in backed by the desktop TFLite runtime, so all of this package except the GPU delegate runs
 * off-device.
 */
public interface InterpreterFactory {

    /** TensorFlow Lite bundled with the app ({@code org.tensorflow:tensorflow-lite}). */
    InterpreterFactory TFLITE = (model, options) ->
        new org.tensorflow.lite.Interpreter(model, new org.tensorflow.lite.Interpreter.Options(options));

    /**
     * @param model   the .tflite bytes in a direct, native-order buffer
     * @param options threads and delegates (the GPU delegate when one is in use)
     */
    InterpreterApi create(ByteBuffer model, InterpreterApi.Options options);
}
