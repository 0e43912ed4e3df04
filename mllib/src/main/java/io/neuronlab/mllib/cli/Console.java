package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import java.io.PrintStream;
import java.util.Map;

/** Where a command writes (stdout for results, stderr for progress and errors) and the environment it sees. */
@DesktopOnly
public record Console(PrintStream out, PrintStream err, Map<String, String> env) {
}
