package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;

/** The command line is wrong (unknown option, missing value, bad number): exit code 2 and a usage hint. */
@DesktopOnly
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
