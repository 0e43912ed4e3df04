package io.neuronlab.mllib.optim;

import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.Collection;
import java.util.Collections;
import java.util.function.BiFunction;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class OptimizerTest {
    /** Three steps on f(w) = w², g = 2w, from w = 1; returns w after each step. */
    private static float[] threeSteps(BiFunction<Collection<Tensor>, Float, Optimizer> make, float lr) {
        Tensor w = Tensor.of(new float[] {1f}, 1).requiresGrad(true);
        Optimizer opt = make.apply(Collections.singletonList(w), lr);
        float[] trace = new float[3];
        for (int s = 0; s < 3; s++) {
            opt.zeroGrad();
            w.accumulateGrad(Tensor.of(new float[] {2 * w.data()[0]}, 1));
            opt.step();
            trace[s] = w.data()[0];
        }
        return trace;
    }

    // Expected values worked out step by step from each update rule (see the class Javadocs):
    @Test
    public void sgd() {
        // w −= 0.1·2w: 0.8, 0.64, 0.512
        assertArrayEquals(new float[] {0.8f, 0.64f, 0.512f}, threeSteps(SGD::new, 0.1f), 1e-6f);
    }

    @Test
    public void momentum() {
        // v = −0.2 → w 0.8; v = 0.9·(−0.2) − 0.16 = −0.34 → 0.46; v = −0.306 − 0.092 = −0.398 → 0.062
        assertArrayEquals(new float[] {0.8f, 0.46f, 0.062f}, threeSteps(Momentum::new, 0.1f), 1e-6f);
    }

    @Test
    public void nesterov() {
        // the book's Nesterov.update: w += α²·v − (1+α)·lr·g with the OLD v, then v = α·v − lr·g
        // step 1: v = 0, g = 2 → w = 1 − 1.9·0.2 = 0.62; v = −0.2
        // step 2: g = 1.24 → w = 0.62 + 0.81·(−0.2) − 0.19·1.24 = 0.2224; v = −0.18 − 0.124 = −0.304
        // step 3: g = 0.4448 → w = 0.2224 + 0.81·(−0.304) − 0.19·0.4448 = −0.108352
        assertArrayEquals(new float[] {0.62f, 0.2224f, -0.108352f}, threeSteps(Nesterov::new, 0.1f), 1e-6f);
    }

    @Test
    public void nesterovFollowsTheBooksUpdateOnItsFigureProblem() {
        // f(x, y) = x²/20 + y² from (−7, 2), lr 0.1, 30 steps: the book's common/optimizer.py loop, in double
        double[] w = {-7, 2};
        double[] v = {0, 0};
        for (int step = 0; step < 30; step++) {
            double[] g = {w[0] / 10, 2 * w[1]};
            for (int i = 0; i < 2; i++) {
                w[i] += 0.9 * 0.9 * v[i] - (1 + 0.9) * 0.1 * g[i];
                v[i] = 0.9 * v[i] - 0.1 * g[i];
            }
        }
        Tensor x = Tensor.of(new float[] {-7f}, 1).requiresGrad(true);
        Tensor y = Tensor.of(new float[] {2f}, 1).requiresGrad(true);
        Optimizer opt = new Nesterov(java.util.Arrays.asList(x, y), 0.1f);
        for (int step = 0; step < 30; step++) {
            opt.zeroGrad();
            x.accumulateGrad(Tensor.of(new float[] {x.data()[0] / 10f}, 1));
            y.accumulateGrad(Tensor.of(new float[] {2f * y.data()[0]}, 1));
            opt.step();
        }
        assertEquals(w[0], x.data()[0], 1e-4);
        assertEquals(w[1], y.data()[0], 1e-4);
    }

    @Test
    public void adaGrad() {
        // h = 4 → w = 1 − 0.2/2 = 0.9; h = 4 + 3.24 = 7.24 → w = 0.9 − 0.18/√7.24 = 0.8331035
        assertArrayEquals(new float[] {0.9f, 0.8331035f, 0.7804562f}, threeSteps(AdaGrad::new, 0.1f), 1e-6f);
    }

    @Test
    public void rmsProp() {
        // h = 0.01·4 = 0.04 → w = 1 − 0.01·2/0.2 = 0.9; h = 0.0396 + 0.0324 = 0.072 → w = 0.9 − 0.018/√0.072
        assertArrayEquals(new float[] {0.9f, 0.8329180f, 0.7799824f}, threeSteps(RMSprop::new, 0.01f), 1e-6f);
    }

    @Test
    public void adam() {
        // t=1: m̂ = 2, v̂ = 4 → w = 0.9; t=2: m = 0.36, v = 0.007236, m̂ = 0.36/0.19, v̂ = 0.007236/0.001999
        assertArrayEquals(new float[] {0.9f, 0.8004122f, 0.7015863f}, threeSteps(Adam::new, 0.1f), 1e-6f);
    }

    /** Adam's float update against the paper's formula in double, over 200 steps of random gradients. */
    @Test
    public void adamMatchesTheFormulaInDoubleOverManySteps() {
        java.util.Random random = new java.util.Random(7);
        int n = 1003; // odd: vector loops and their tails
        float[] start = new float[n];
        for (int i = 0; i < n; i++) {
            start[i] = (float) random.nextGaussian();
        }
        Tensor w = Tensor.of(start.clone(), n).requiresGrad(true);
        Optimizer opt = new Adam(Collections.singletonList(w), 0.01f).withWeightDecay(1e-3f);
        double[] ref = new double[n];
        double[] m = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            ref[i] = start[i];
        }
        for (int t = 1; t <= 200; t++) {
            float[] g = new float[n];
            for (int i = 0; i < n; i++) {
                g[i] = (float) (random.nextGaussian() * (i % 7 == 0 ? 1e-4 : 1)); // tiny gradients: √v near ε
            }
            opt.zeroGrad();
            w.accumulateGrad(Tensor.of(g.clone(), n));
            opt.step();
            for (int i = 0; i < n; i++) {
                double gi = g[i] + 1e-3 * ref[i];
                m[i] = 0.9 * m[i] + 0.1 * gi;
                v[i] = 0.999 * v[i] + 0.001 * gi * gi;
                ref[i] -= 0.01 * (m[i] / (1 - Math.pow(0.9, t))) / (Math.sqrt(v[i] / (1 - Math.pow(0.999, t))) + 1e-8);
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals("element " + i, ref[i], w.data()[i], 2e-5 * Math.max(1, Math.abs(ref[i])));
        }
    }

    @Test
    public void adamCarriesNaNGradientsIntoTheWeights() {
        Tensor w = Tensor.of(new float[] {1f, 1f, 1f}, 3).requiresGrad(true);
        Optimizer opt = new Adam(Collections.singletonList(w), 0.1f);
        w.accumulateGrad(Tensor.of(new float[] {Float.NaN, 2f, Float.POSITIVE_INFINITY}, 3));
        opt.step();
        assertTrue(Float.isNaN(w.data()[0]));
        assertEquals(0.9f, w.data()[1], 1e-6f);
        assertTrue(Float.isNaN(w.data()[2])); // ∞/∞, as in PyTorch
    }

    @Test
    public void weightDecayAddsLambdaTimesWeight() {
        // w −= lr·(g + λw) with g = 2w, λ = 0.5: w = 1 − 0.1·2.5 = 0.75
        float[] trace = threeSteps((p, lr) -> new SGD(p, lr).withWeightDecay(0.5f), 0.1f);
        assertEquals(0.75f, trace[0], 1e-6f);
        assertEquals(0.5625f, trace[1], 1e-6f);
    }

    @Test
    public void parametersWithoutGradientAreLeftAlone() {
        Tensor a = Tensor.of(new float[] {1f}, 1).requiresGrad(true);
        Tensor b = Tensor.of(new float[] {1f}, 1).requiresGrad(true);
        Optimizer opt = new Adam(java.util.Arrays.asList(a, b), 0.1f);
        b.accumulateGrad(Tensor.of(new float[] {2f}, 1));
        opt.step();
        assertEquals(1f, a.data()[0], 0f);
        assertEquals(0.9f, b.data()[0], 1e-6f);
    }

    /** The book's comparison: f(x, y) = x²/20 + y² from (−7, 2); every optimizer reaches the minimum (0, 0). */
    @Test
    public void allConvergeOnTheBooksFunction() {
        assertConverges(SGD::new, 0.95f, 1000);
        assertConverges(Momentum::new, 0.1f, 300);
        assertConverges(Nesterov::new, 0.1f, 300);
        assertConverges(AdaGrad::new, 1.5f, 300);
        assertConverges(RMSprop::new, 0.05f, 500);
        assertConverges(Adam::new, 0.3f, 500);
    }

    private static void assertConverges(BiFunction<Collection<Tensor>, Float, Optimizer> make, float lr, int steps) {
        Tensor x = Tensor.of(new float[] {-7f}, 1).requiresGrad(true);
        Tensor y = Tensor.of(new float[] {2f}, 1).requiresGrad(true);
        Optimizer opt = make.apply(java.util.Arrays.asList(x, y), lr);
        for (int s = 0; s < steps; s++) {
            opt.zeroGrad();
            x.accumulateGrad(Tensor.of(new float[] {x.data()[0] / 10f}, 1));
            y.accumulateGrad(Tensor.of(new float[] {2f * y.data()[0]}, 1));
            opt.step();
        }
        float fx = x.data()[0], fy = y.data()[0];
        double f = fx * fx / 20 + fy * fy;
        assertTrue(opt + " ended at (" + fx + ", " + fy + "), f = " + f, f < 1e-3 && Math.abs(fx) < 0.1 && Math.abs(fy) < 0.03);
    }
}
