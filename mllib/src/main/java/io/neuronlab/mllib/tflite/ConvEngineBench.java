package io.neuronlab.mllib.tflite;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Times one convolution at a time in several {@link ConvEngine}s, for the {@code bench} command: where does
 * TFLite pay off over the Java engine? Each engine also reports how far its output is from the first
 * engine's, so a fast but wrong engine shows up.
 */
public final class ConvEngineBench {
    private ConvEngineBench() {
    }

    /** One convolution layer's shape: input [C, H, W], O filters of k × k. */
    public record ConvShape(String network, String layer, int channels, int height, int width, int filters,
                            int kernel, int stride, int pad) {
        @Override
        public String toString() {
            return network + " " + layer + " " + channels + "x" + height + "x" + width + " -> " + filters + " k"
                + kernel + " s" + stride + " p" + pad;
        }
    }

    /** One engine on one shape: mean milliseconds per image, and max |output − first engine's output|. */
    public record Timing(ConvShape shape, String engine, double millisPerImage, float maxAbsDiff) {
    }

    /** LeNet on MNIST: conv 1→6 5×5 pad 2 on 28×28, then 6→16 5×5 on 14×14. */
    public static List<ConvShape> lenet() {
        List<ConvShape> s = new ArrayList<>();
        s.add(new ConvShape("LeNet", "conv1", 1, 28, 28, 6, 5, 1, 2));
        s.add(new ConvShape("LeNet", "conv2", 6, 14, 14, 16, 5, 1, 0));
        return Collections.unmodifiableList(s);
    }

    /** The book's deep CNN (chapter 8): six 3×3 convolutions, 16-16-32-32-64-64 filters, pools between pairs. */
    public static List<ConvShape> deepCnn() {
        List<ConvShape> s = new ArrayList<>();
        s.add(new ConvShape("DeepCNN", "conv1", 1, 28, 28, 16, 3, 1, 1));
        s.add(new ConvShape("DeepCNN", "conv2", 16, 28, 28, 16, 3, 1, 1));
        s.add(new ConvShape("DeepCNN", "conv3", 16, 14, 14, 32, 3, 1, 1));
        s.add(new ConvShape("DeepCNN", "conv4", 32, 14, 14, 32, 3, 1, 2));
        s.add(new ConvShape("DeepCNN", "conv5", 32, 8, 8, 64, 3, 1, 1));
        s.add(new ConvShape("DeepCNN", "conv6", 64, 8, 8, 64, 3, 1, 1));
        return Collections.unmodifiableList(s);
    }

    /**
     * Runs every shape in every engine on random data: {@code warmup} untimed calls (graph build, JIT), then
     * {@code repeats} timed calls on a batch of {@code batch} images.
     */
    public static List<Timing> time(List<ConvShape> shapes, List<ConvEngine> engines, int batch, int warmup,
                                    int repeats, long seed) {
        if (engines.isEmpty() || batch < 1 || repeats < 1 || warmup < 0) {
            throw new IllegalArgumentException("need at least one engine, batch >= 1, repeats >= 1, warmup >= 0");
        }
        Random random = new Random(seed);
        List<Timing> out = new ArrayList<>();
        for (ConvShape s : shapes) {
            Tensor x = gaussian(random, batch, s.channels(), s.height(), s.width());
            Tensor weight = gaussian(random, s.filters(), s.channels(), s.kernel(), s.kernel());
            Tensor bias = gaussian(random, s.filters());
            Tensor reference = null;
            for (ConvEngine engine : engines) {
                Tensor y = null;
                for (int i = 0; i < warmup; i++) {
                    y = engine.forward(x, weight, bias, s.stride(), s.pad());
                }
                long start = System.nanoTime();
                for (int i = 0; i < repeats; i++) {
                    y = engine.forward(x, weight, bias, s.stride(), s.pad());
                }
                double millis = (System.nanoTime() - start) / 1e6 / repeats / batch;
                if (reference == null) {
                    reference = y;
                }
                out.add(new Timing(s, engine.name(), millis, maxAbsDiff(reference.data(), y.data())));
            }
        }
        return out;
    }

    /** The Java engine plus one TFLite engine per runtime on the classpath ({@link TfliteRuntimes}). */
    public static List<ConvEngine> availableEngines() {
        List<ConvEngine> engines = new ArrayList<>();
        engines.add(new JavaConvEngine());
        for (TfliteRuntime runtime : TfliteRuntimes.available()) {
            engines.add(new TfliteConvEngine(runtime));
        }
        return engines;
    }

    /** Prints the LeNet and deep-CNN convolution timings for every available engine (batch 1, as in the app). */
    public static void main(String[] args) {
        List<ConvShape> shapes = new ArrayList<>(lenet());
        shapes.addAll(deepCnn());
        List<ConvEngine> engines = availableEngines();
        if (engines.size() == 1) {
            System.out.println("no TFLite runtime on the classpath: only the Java engine is timed (the bytedeco "
                + "tensorflow-lite jars, in the CLI's lib/, provide the desktop runtime)");
        }
        System.out.print(format(time(shapes, engines, 1, 20, 200, 1)));
        for (ConvEngine e : engines) {
            e.close();
        }
    }

    /** A fixed-width table of {@link #time} results. */
    public static String format(List<Timing> timings) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "%-44s %-32s %12s %12s%n", "convolution", "engine",
            "ms/image", "max|diff|"));
        for (Timing t : timings) {
            sb.append(String.format(java.util.Locale.ROOT, "%-44s %-32s %12.4f %12.2e%n", t.shape(), t.engine(),
                t.millisPerImage(), t.maxAbsDiff()));
        }
        return sb.toString();
    }

    private static float maxAbsDiff(float[] a, float[] b) {
        float m = 0f;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static Tensor gaussian(Random random, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) random.nextGaussian() * 0.5f;
        }
        return t;
    }
}
