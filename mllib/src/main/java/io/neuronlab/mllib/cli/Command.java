package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import java.util.List;

/** One CLI command: its name, a one-line summary for the global help, its options and what it does. */
@DesktopOnly
public interface Command {
    String name();

    String summary();

    /** Positional arguments in the usage line, e.g. "IMAGE.png"; empty if none. */
    default String arguments() {
        return "";
    }

    /** Extra help text printed after the options (examples, output format); may be empty. */
    default String details() {
        return "";
    }

    List<Option> options();

    /** Runs the command; returns the exit code (0 on success). */
    int run(Args args, Console console) throws UsageException, CommandFailedException;
}
