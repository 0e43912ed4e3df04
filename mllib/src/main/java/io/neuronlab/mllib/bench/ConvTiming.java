package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.nn.engine.ConvEngine;
import io.neuronlab.mllib.bench.ConvBenchmark.ConvShape;
import io.neuronlab.mllib.bench.ConvBenchmark.Timing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code conv.*} lines of {@link Bench}: every LeNet-bench and deep-CNN convolution, forward, in the Java
 * engine and in TFLite on the CPU (the desktop runtime that ships in the CLI's {@code lib/}), at batch 1 (the
 * app recognising one drawing) and batch 64 (a training step), in ms/image, with the speed-up of TFLite over
 * Java — so it is plain which layers the accelerated path pays off for.
 */
@DesktopOnly
final class ConvTiming {
    private ConvTiming() {
    }

    static void run(PrintStream out) {
        List<ConvEngine> engines = ConvBenchmark.availableEngines();
        try {
            if (engines.size() == 1) {
                out.println("# conv: no TFLite runtime on the classpath (the CLI jar needs its lib/ directory): Java only");
            }
            List<ConvShape> shapes = new ArrayList<>(ConvBenchmark.lenet());
            shapes.addAll(ConvBenchmark.deepCnn());
            for (ConvEngine e : engines) {
                Bench.line(out, "conv.engine." + key(e.name()), e.name(), "");
            }
            report(out, ConvBenchmark.time(shapes, engines, 1, 50, 400, 1), 1);
            report(out, ConvBenchmark.time(shapes, engines, 64, 3, 20, 1), 64);
        } finally {
            for (ConvEngine e : engines) {
                e.close();
            }
        }
    }

    /** One line per shape and engine, then TFLite's speed-up over Java; a wrong engine is named, not hidden. */
    private static void report(PrintStream out, List<Timing> timings, int batch) {
        Timing java = null;
        for (Timing t : timings) {
            String prefix = "conv." + t.shape().network().toLowerCase(Locale.ROOT) + "." + t.shape().layer() + ".batch" + batch;
            String engine = key(t.engine());
            if (engine.equals("java")) {
                java = t;
            }
            Bench.line(out, prefix + "." + engine, t.millisPerImage(), "ms/image");
            if (!engine.equals("java") && java != null && java.shape().equals(t.shape())) {
                Bench.line(out, prefix + "." + engine + ".vs_java", java.millisPerImage() / t.millisPerImage(), "x");
                if (t.maxAbsDiff() > 1e-3f) {
                    out.println("# conv: " + t.engine() + " differs from Java by " + t.maxAbsDiff() + " on " + t.shape());
                }
            }
        }
    }

    /** "Java" → java, "TFLite CPU (bytedeco, XNNPACK)" → tflite_cpu. */
    static String key(String engineName) {
        String n = engineName.toLowerCase(Locale.ROOT);
        if (n.startsWith("tflite gpu")) {
            return "tflite_gpu";
        }
        if (n.startsWith("tflite")) {
            return "tflite_cpu";
        }
        return n.replaceAll("[^a-z0-9]+", "_");
    }
}
