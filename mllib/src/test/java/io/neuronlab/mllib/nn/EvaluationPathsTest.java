package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Parallel;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.After;
import org.junit.Test;

import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

/**
 * The lean evaluation-mode paths of BatchNorm (precomputed scale and shift), MaxPool2d (maxima without indices) and
 * the residual sum give what the plain formulas give, on odd sizes, batch 1 and inputs big enough to be split over
 * threads; and a backward after an evaluation forward still gives the gradients it gave before.
 */
public class EvaluationPathsTest {
    private final int savedThreads = Parallel.threads();

    @After
    public void restoreThreads() {
        Parallel.setThreads(savedThreads);
    }

    private static BatchNorm trainedBatchNorm(int features, Random r) {
        BatchNorm bn = BatchNorm.pytorch(features);
        for (int c = 0; c < features; c++) {
            bn.gamma().data()[c] = 0.5f + r.nextFloat();
            bn.beta().data()[c] = (float) r.nextGaussian();
            bn.runningMean().data()[c] = (float) (3 * r.nextGaussian());
            bn.runningVar().data()[c] = 0.1f + 2 * r.nextFloat();
        }
        bn.train(false);
        return bn;
    }

    /** γ (x − μ) / √(σ² + ε) + β in double, with the layer's running statistics. */
    private static double[] batchNormFormula(BatchNorm bn, Tensor x) {
        int[] s = x.shape();
        int spatial = s.length == 4 ? s[2] * s[3] : 1;
        int f = bn.features();
        float[] in = x.data();
        double[] y = new double[in.length];
        for (int p = 0; p < in.length; p++) {
            int c = (p / spatial) % f;
            double sd = Math.sqrt((double) bn.runningVar().data()[c] + bn.eps());
            y[p] = bn.gamma().data()[c] * (in[p] - (double) bn.runningMean().data()[c]) / sd + bn.beta().data()[c];
        }
        return y;
    }

    private static void assertCloseToFormula(String what, double[] expected, float[] actual) {
        assertEquals(what + " size", expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            // float rounding of x·scale + shift: a few ulps of the larger of the terms
            double tolerance = 4e-7 * (Math.abs(expected[i]) + 10) + 1e-6;
            assertEquals(what + " at " + i, expected[i], actual[i], tolerance);
        }
    }

    @Test
    public void batchNormEvaluationIsTheFormulaOnOddSizesAndBatchOne() {
        Random r = new Random(11);
        for (int[] shape : new int[][] {{1, 3, 7, 5}, {3, 5, 9, 11}, {1, 1, 1, 1}, {2, 7, 1, 13}}) {
            BatchNorm bn = trainedBatchNorm(shape[1], r);
            Tensor x = GradChecks.gaussian(r, shape);
            assertCloseToFormula("images " + java.util.Arrays.toString(shape), batchNormFormula(bn, x), bn.forward(x).data());
        }
        for (int[] shape : new int[][] {{1, 5}, {7, 3}, {4, 1}}) {
            BatchNorm bn = trainedBatchNorm(shape[1], r);
            Tensor x = GradChecks.gaussian(r, shape);
            assertCloseToFormula("dense " + java.util.Arrays.toString(shape), batchNormFormula(bn, x), bn.forward(x).data());
        }
    }

    @Test
    public void batchNormEvaluationSplitOverThreadsIsTheFormula() {
        Random r = new Random(12);
        BatchNorm bn = trainedBatchNorm(17, r);
        Tensor x = Tensor.randn(r, 3, 17, 45, 47); // 107,865 values: split over threads
        Parallel.setThreads(1);
        float[] one = bn.forward(x).data();
        Parallel.setThreads(3);
        float[] three = bn.forward(x).data();
        assertArrayEquals(one, three, 0f);
        assertCloseToFormula("3 threads", batchNormFormula(bn, x), three);
        BatchNorm dense = trainedBatchNorm(301, r);
        Tensor rows = Tensor.randn(r, 1001, 301);
        assertCloseToFormula("dense, 3 threads", batchNormFormula(dense, rows), dense.forward(rows).data());
    }

    @Test
    public void batchNormBackwardAfterAnEvaluationForwardTreatsTheStatisticsAsConstants() {
        Random r = new Random(13);
        BatchNorm bn = trainedBatchNorm(3, r);
        Tensor x = GradChecks.gaussian(r, 2, 3, 5, 3);
        Tensor dy = GradChecks.gaussian(r, 2, 3, 5, 3);
        bn.forward(x);
        float[] dx = bn.backward(dy).data();
        float[] dGamma = bn.gamma().grad().data().clone();
        float[] dBeta = bn.beta().grad().data().clone();
        float[] in = x.data();
        float[] g = dy.data();
        double[] expectedGamma = new double[3];
        double[] expectedBeta = new double[3];
        for (int p = 0; p < in.length; p++) {
            int c = (p / 15) % 3;
            double sd = Math.sqrt((double) bn.runningVar().data()[c] + bn.eps());
            double xHat = (in[p] - (double) bn.runningMean().data()[c]) / sd;
            expectedGamma[c] += g[p] * xHat;
            expectedBeta[c] += g[p];
            assertEquals("dx at " + p, bn.gamma().data()[c] * g[p] / sd, dx[p], 1e-5);
        }
        for (int c = 0; c < 3; c++) {
            assertEquals("dγ " + c, expectedGamma[c], dGamma[c], 1e-4);
            assertEquals("dβ " + c, expectedBeta[c], dBeta[c], 1e-4);
        }
        // and the finite-difference check on dense input in evaluation mode
        BatchNorm dense = trainedBatchNorm(4, r);
        GradChecks.assertLayerGradients(dense, GradChecks.gaussian(r, 3, 4), 1e-3);
    }

    @Test
    public void batchNormTrainingAfterEvaluationStillUsesBatchStatistics() {
        Random r = new Random(14);
        BatchNorm bn = trainedBatchNorm(2, r);
        bn.forward(GradChecks.gaussian(r, 2, 2, 3, 3)); // evaluation
        bn.train(true);
        Tensor x = GradChecks.gaussian(r, 4, 2, 3, 3);
        float[] y = bn.forward(x).data();
        float[] dx = bn.backward(Tensor.ones(4, 2, 3, 3)).data();
        // with batch statistics, a constant upstream gradient has no effect on x (the mean absorbs it)
        for (float v : dx) {
            assertEquals(0, v, 1e-5);
        }
        assertNotNull(y);
    }

    /** The maxima of an evaluation forward equal the indexed (training) forward's, and so do the backwards. */
    @Test
    public void maxPoolEvaluationEqualsTheIndexedForwardAndBackward() {
        Random r = new Random(15);
        MaxPool2d[] pools = {new MaxPool2d(3, 2, 1, false), new MaxPool2d(3, 2, 1, true), new MaxPool2d(3, 1, 1, false),
            new MaxPool2d(2, 2), new MaxPool2d(3, 3), new MaxPool2d(3, 2, 0, true)};
        int[][] shapes = {{1, 1, 7, 9}, {1, 3, 11, 5}, {2, 4, 13, 13}, {1, 2, 3, 3}, {3, 5, 112, 112}};
        for (MaxPool2d pool : pools) {
            for (int[] shape : shapes) {
                for (int threads : new int[] {1, 3}) {
                    Parallel.setThreads(threads);
                    Tensor x = Tensor.randn(r, shape);
                    pool.train(true);
                    float[] indexed = pool.forward(x).data().clone();
                    Tensor dy = Tensor.randn(r, pool.forward(x).shape());
                    float[] dxIndexed = pool.backward(dy).data().clone();
                    pool.train(false);
                    String what = pool + " on " + java.util.Arrays.toString(shape) + ", " + threads + " thread(s)";
                    assertArrayEquals(what, indexed, pool.forward(x).data(), 0f);
                    assertArrayEquals(what + " backward", dxIndexed, pool.backward(dy).data(), 0f);
                }
            }
        }
    }

    @Test
    public void residualSumIsBranchPlusShortcutThenReLU() {
        Random r = new Random(16);
        for (int threads : new int[] {1, 3}) {
            Parallel.setThreads(threads);
            Sequential branch = new Sequential().add("bn1", trainedBatchNorm(3, r));
            for (boolean relu : new boolean[] {false, true}) {
                Residual block = new Residual(branch, null, relu);
                block.train(false);
                Tensor x = Tensor.randn(r, 2, 3, 101, 167); // 101,202 values: split over threads
                float[] b = branch.forward(x).data();
                float[] y = block.forward(x).data();
                for (int i = 0; i < y.length; i++) {
                    float sum = b[i] + x.data()[i];
                    assertEquals("at " + i, relu ? Math.max(sum, 0f) : sum, y[i], 0f);
                }
            }
        }
    }
}
