package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this jar in a fresh JVM with chosen options and collects its output lines: what a figure
 * needs its own process for (its peak resident memory, or JIT options such as {@code -XX:-UseSuperWord}).
 */
@DesktopOnly
final class ChildJvm {
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private ChildJvm() {
    }

    /** True when this JVM was started with the Vector API module, so a child that should match it gets it too. */
    static boolean parentHasVectorModule() {
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.contains(VECTOR_MODULE)) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code java <jvmOptions> -cp <this classpath> <mainClass> <args>}; throws if it fails. */
    static List<String> run(List<String> jvmOptions, Class<?> mainClass, List<String> args)
        throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("JDK_JAVA_OPTIONS"); // the child gets exactly the options given here
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(mainClass.getSimpleName() + " did not finish within 30 minutes");
        }
        if (p.exitValue() != 0) {
            StringBuilder tail = new StringBuilder();
            for (int i = Math.max(0, lines.size() - 10); i < lines.size(); i++) {
                tail.append("\n  ").append(lines.get(i));
            }
            throw new IOException(String.join(" ", cmd) + " exited with " + p.exitValue() + ":" + tail);
        }
        return lines;
    }

    /** The text after {@code name: } in the last line that starts with it, or null. */
    static String value(List<String> lines, String name) {
        String found = null;
        for (String line : lines) {
            if (line.startsWith(name + ": ")) {
                found = line.substring(name.length() + 2).trim();
            }
        }
        return found;
    }

    static double number(List<String> lines, String name) {
        String v = value(lines, name);
        if (v == null) {
            return Double.NaN;
        }
        int space = v.indexOf(' ');
        try {
            return Double.parseDouble(space < 0 ? v : v.substring(0, space));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
