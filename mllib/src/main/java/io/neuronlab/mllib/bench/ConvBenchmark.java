package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.nn.engine.ConvEngine;
import io.neuronlab.mllib.models.DeepCnn;
import io.neuronlab.mllib.models.LeNetBench;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.nn.engine.JavaConvEngine;
import io.neuronlab.mllib.tensor.NoGrad;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.tflite.TfliteConvEngine;
import io.neuronlab.mllib.tflite.TfliteRuntime;
import io.neuronlab.mllib.tflite.TfliteRuntimes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The one convolution benchmark (the {@code bench} command's {@code conv.*} lines and the speed lesson): times one
 * convolution at a time in several {@link ConvEngine}s — where does TFLite pay off over the Java engine? Each
 * engine also reports how far its output is from the first engine's, so a fast but wrong engine shows up. The
 * shapes are read off the networks themselves ({@link #convolutions}), never copied by hand.
 */
public final class ConvBenchmark {
    private ConvBenchmark() {
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

    /** LeNet-bench's convolutions on a 28×28 MNIST image. */
    public static List<ConvShape> lenet() {
        return convolutions("LeNet", LeNetBench.create(1), 1, 28, 28);
    }

    /** The book's deep CNN (chapter 8): its six 3×3 convolutions on a 28×28 MNIST image. */
    public static List<ConvShape> deepCnn() {
        return convolutions("DeepCNN", DeepCnn.create(1), 1, 28, 28);
    }

    /**
     * Every {@link Conv2d} of {@code model} with the input shape it sees for one {@code [channels, height, width]}
     * image: a forward pass on zeros, layer by layer, in evaluation mode.
     */
    public static List<ConvShape> convolutions(String network, Sequential model, int channels, int height, int width) {
        List<ConvShape> shapes = new ArrayList<>();
        model.train(false);
        Tensor x = Tensor.zeros(1, channels, height, width);
        try (NoGrad scope = NoGrad.enter()) {
            for (Map.Entry<String, Layer> e : model.namedLayers().entrySet()) {
                if (e.getValue() instanceof Conv2d) {
                    Conv2d c = (Conv2d) e.getValue();
                    shapes.add(new ConvShape(network, e.getKey(), x.size(1), x.size(2), x.size(3), c.outChannels(),
                        c.kernel(), c.stride(), c.padding()));
                }
                x = e.getValue().forward(x);
            }
        }
        return Collections.unmodifiableList(shapes);
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
