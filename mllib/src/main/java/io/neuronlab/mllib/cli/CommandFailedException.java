package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;

/** The command line was fine but the work failed (missing data, bad model file, ...): exit code 1. */
@DesktopOnly
public final class CommandFailedException extends Exception {
    public CommandFailedException(String message) {
        super(message);
    }

    public CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
