package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.cli.Main;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Peak resident memory of {@code train} LeNet-bench: the whole process (Java heap, JIT code, thread stacks,
 * native buffers), read from the kernel ({@code VmHWM} in {@code /proc/self/status}) at the end of a training run
 * in its own JVM, so nothing the bench itself allocated is counted. {@link #main} is that JVM's entry point: it
 * runs the CLI command it is given and prints {@code peak_rss}.
 */
@DesktopOnly
final class PeakMemory {
    /** The heap limit of the measured JVM: LeNet-bench's training needs well under this. */
    static final String HEAP = "-Xmx160m";

    private PeakMemory() {
    }

    /** Runs {@code train --net lenet --epochs 1 --seed 1} in a child JVM and prints its peak RSS. */
    static void run(PrintStream out, File mnistDir) throws IOException, InterruptedException {
        File model = File.createTempFile("neuronlab-bench-", ".nlmf");
        try {
            List<String> jvm = new ArrayList<>(Arrays.asList(HEAP, "-XX:+UseSerialGC"));
            if (ChildJvm.parentHasVectorModule()) {
                jvm.add("--add-modules");
                jvm.add(ChildJvm.VECTOR_MODULE);
            }
            List<String> lines = ChildJvm.run(jvm, PeakMemory.class, Arrays.asList("train", "--net", "lenet",
                "--epochs", "1", "--seed", "1", "--data", mnistDir.getPath(), "--out", model.getPath()));
            for (String line : lines) {
                if (line.startsWith("epoch ") || line.startsWith("test accuracy")) {
                    out.println("# train (child JVM " + String.join(" ", jvm) + "): " + line);
                }
            }
            Bench.line(out, "train.lenet.peak_rss", ChildJvm.number(lines, "peak_rss"),
                "MiB (VmHWM of the whole training JVM, " + String.join(" ", jvm) + "; target <= 250)");
        } finally {
            if (!model.delete()) {
                model.deleteOnExit();
            }
        }
    }

    /** Kilobytes of a {@code /proc/self/status} field such as VmHWM, or -1 when it cannot be read. */
    static long statusKilobytes(String field) {
        File f = new File("/proc/self/status");
        try (BufferedReader r = new BufferedReader(new FileReader(f))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(field + ":")) {
                    String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                    return Long.parseLong(parts[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** The child JVM: runs one CLI command, then prints the process's peak resident memory. */
    public static void main(String[] args) {
        int code = Main.run(args, System.out, System.err, System.getenv());
        long kb = statusKilobytes("VmHWM");
        System.out.println("peak_rss: " + (kb < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f", kb / 1024.0))
            + " MiB");
        System.out.flush();
        System.exit(code);
    }
}
