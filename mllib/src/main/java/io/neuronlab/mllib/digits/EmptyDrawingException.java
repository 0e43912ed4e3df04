package io.neuronlab.mllib.digits;

/** Thrown instead of a guess when an image holds no ink: an empty canvas must never produce a digit. */
public final class EmptyDrawingException extends IllegalArgumentException {
    public EmptyDrawingException(String message) {
        super(message);
    }
}
