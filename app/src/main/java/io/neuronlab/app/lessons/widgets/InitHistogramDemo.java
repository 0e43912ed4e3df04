package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.init.ConstantStd;
import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.init.Initializer;
import io.neuronlab.mllib.init.Xavier;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sigmoid;
import io.neuronlab.mllib.tensor.Tensor;
import java.util.Random;

/**
 * Lesson 11's numbers, the book's experiment: 1,000 random inputs (N(0, 1), 100 values each) through five mllib
 * layers of 100 units — {@link Linear} with weights from one of mllib's initialisers, then sigmoid or ReLU — and
 * what the activations of each layer look like.
 */
public final class InitHistogramDemo {
    public static final String[] INITS = {"std 1", "std 0.01", "Xavier", "He"};
    public static final String[] ACTIVATIONS = {"sigmoid", "ReLU"};
    public static final int SIGMOID = 0;
    public static final int RELU = 1;
    public static final int LAYERS = 5;
    public static final int UNITS = 100;
    public static final int SAMPLES = 1000;
    public static final int BINS = 30;
    public static final long SEED = 1;

    /** A histogram of one layer's activations over [0, 1] in {@link #BINS} bins, and their statistics. */
    public record LayerStats(float[] binCentres, float[] counts, double mean, double std, double saturated,
                        double zeros) {
    }

    private InitHistogramDemo() {
    }

    public static Initializer initializer(int init) {
        switch (init) {
            case 0:
                return new ConstantStd(1f);
            case 1:
                return new ConstantStd(0.01f);
            case 2:
                return new Xavier();
            case 3:
                return new He();
            default:
                throw new IllegalArgumentException("no initialiser " + init);
        }
    }

    /** Every layer's activations {@code [LAYERS][SAMPLES · UNITS]}, the same inputs for every choice (seeded). */
    public static float[][] activations(int activation, int init) {
        Random random = new Random(SEED);
        Tensor x = Tensor.randn(random, SAMPLES, UNITS);
        float[][] out = new float[LAYERS][];
        for (int l = 0; l < LAYERS; l++) {
            Linear linear = new Linear(UNITS, UNITS, initializer(init), random);
            io.neuronlab.mllib.nn.Layer h = activation == SIGMOID ? new Sigmoid() : new ReLU();
            x = h.forward(linear.forward(x));
            out[l] = x.data().clone();
        }
        return out;
    }

    /** The five layers' histograms and statistics. */
    public static LayerStats[] layers(int activation, int init) {
        float[][] a = activations(activation, init);
        LayerStats[] layers = new LayerStats[LAYERS];
        for (int l = 0; l < LAYERS; l++) {
            layers[l] = histogram(a[l], activation == RELU, high(activation));
        }
        return layers;
    }

    /** The histogram's upper end: 1 for the sigmoid (its range), 2 for ReLU (He's activations reach beyond 1). */
    public static float high(int activation) {
        return activation == RELU ? 2f : 1f;
    }

    /**
     * Counts over [0, high] (as the book's {@code plt.hist(a, 30, range=(0, 1))}); with {@code dropZeros} the exact
     * zeros a ReLU outputs are left out of the counts (they would dwarf every other bar) and reported as a fraction.
     * "Saturated": within 0.02 of 0 or 1 (a sigmoid's slope there is below 0.02).
     */
    public static LayerStats histogram(float[] values, boolean dropZeros, float high) {
        float[] centres = new float[BINS];
        float[] counts = new float[BINS];
        for (int b = 0; b < BINS; b++) {
            centres[b] = (b + 0.5f) * high / BINS;
        }
        double sum = 0;
        double sumSq = 0;
        long saturated = 0;
        long zeros = 0;
        for (float v : values) {
            sum += v;
            sumSq += (double) v * v;
            if (v < 0.02f || v > 0.98f) {
                saturated++;
            }
            if (v == 0f) {
                zeros++;
                if (dropZeros) {
                    continue;
                }
            }
            if (v >= 0f && v <= high) {
                counts[Math.min(BINS - 1, (int) (v / high * BINS))]++;
            }
        }
        double mean = sum / values.length;
        double std = Math.sqrt(Math.max(0, sumSq / values.length - mean * mean));
        return new LayerStats(centres, counts, mean, std, saturated / (double) values.length, zeros / (double) values.length);
    }
}
