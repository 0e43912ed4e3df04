package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.gradient.GradientChecker;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Random;

import static org.junit.Assert.assertTrue;

/** Test helpers: random inputs kept away from kinks, and a gradient-check assertion. */
final class GradChecks {
    private GradChecks() {
    }

    /** Uniform values in [-1, 1] whose magnitude is at least {@code margin} (away from ReLU's kink). */
    static Tensor awayFromZero(Random r, float margin, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            float v = (float) (margin + (1 - margin) * r.nextDouble());
            d[i] = r.nextBoolean() ? v : -v;
        }
        return t;
    }

    static Tensor gaussian(Random r, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextGaussian();
        }
        return t;
    }

    static void assertLayerGradients(Layer layer, Tensor x, double tolerance) {
        GradientChecker.Report report = new GradientChecker().checkLayer(layer, x, 7);
        assertTrue(report.toString(), report.maxRelativeError() < tolerance);
    }
}
