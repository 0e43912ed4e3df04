package io.neuronlab.mllib.io;

import java.io.IOException;

/**
 * A model file that cannot be loaded: truncated, corrupted (checksum mismatch), not a model file, a format
 * version this mllib does not read, or an architecture that does not match the model it is loaded into. The
 * message names the file and says what is wrong; nothing has been loaded when it is thrown.
 */
public class ModelFormatException extends IOException {
    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
