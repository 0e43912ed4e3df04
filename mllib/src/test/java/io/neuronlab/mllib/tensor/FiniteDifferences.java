package io.neuronlab.mllib.tensor;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Random;
import java.util.function.Function;

/**
 * Test oracle: compares autograd gradients with central differences. The scalar being differentiated is
 * L = Σ w ⊙ f(inputs) for fixed random weights w (so every output element matters), computed in double
 * from the float outputs.
 */
public final class FiniteDifferences {
    private static final double EPS = 1e-2;
    private static final double TOLERANCE = 1e-3;

    private FiniteDifferences() {
    }

    /** Asserts that every input's autograd gradient matches central differences (relative error < 1e-3). */
    public static void check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        for (Tensor in : inputs) {
            in.zeroGrad();
            in.requiresGrad(true);
        }
        Tensor out = f.apply(inputs);
        Random random = new Random(7);
        Tensor w = Tensor.zerosLike(out);
        for (int i = 0; i < w.numel(); i++) {
            w.data()[i] = 0.5f + random.nextFloat();
        }
        out.backward(w);
        for (int t = 0; t < inputs.length; t++) {
            Tensor in = inputs[t];
            assertNotNull("input " + t + " got no gradient", in.grad());
            float[] x = in.data();
            for (int i = 0; i < x.length; i++) {
                float saved = x[i];
                x[i] = (float) (saved + EPS);
                double plus = loss(f, inputs, w);
                x[i] = (float) (saved - EPS);
                double minus = loss(f, inputs, w);
                x[i] = saved;
                double numeric = (plus - minus) / (2 * EPS);
                double analytic = in.grad().data()[i];
                double err = Math.abs(numeric - analytic) / Math.max(1.0, Math.abs(numeric) + Math.abs(analytic));
                assertTrue("input " + t + " element " + i + ": autograd " + analytic + " vs central difference "
                    + numeric, err < TOLERANCE);
            }
        }
    }

    private static double loss(Function<Tensor[], Tensor> f, Tensor[] inputs, Tensor w) {
        try (NoGrad scope = NoGrad.enter()) {
            Tensor out = f.apply(inputs);
            double s = 0;
            for (int i = 0; i < out.numel(); i++) {
                s += (double) w.data()[i] * out.data()[i];
            }
            return s;
        }
    }

    /** Random values in [lo, hi) of the given shape. */
    public static Tensor uniform(Random random, double lo, double hi, int... shape) {
        Tensor t = Tensor.rand(random, shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (lo + (hi - lo) * d[i]);
        }
        return t;
    }
}
