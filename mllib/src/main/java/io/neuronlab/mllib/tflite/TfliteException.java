package io.neuronlab.mllib.tflite;

/** A TensorFlow Lite runtime or delegate could not load or run a model. */
public class TfliteException extends RuntimeException {
    public TfliteException(String message) {
        super(message);
    }

    public TfliteException(String message, Throwable cause) {
        super(message, cause);
    }
}
