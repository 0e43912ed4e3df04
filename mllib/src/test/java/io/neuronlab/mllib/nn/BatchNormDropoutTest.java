package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class BatchNormDropoutTest {
    @Test
    public void batchNormNormalisesEachFeatureAndTracksRunningStatistics() {
        // feature 0: [1, 3] (mean 2, var 1); feature 1: [10, 10] (mean 10, var 0)
        BatchNorm bn = new BatchNorm(2);
        Tensor y = bn.forward(Tensor.of(new double[][] {{1, 10}, {3, 10}}));
        float s = (float) (1 / Math.sqrt(1 + 1e-6));
        assertArrayEquals(new float[] {-s, 0, s, 0}, y.data(), 1e-6f);
        // running = 0.9·running + 0.1·batch, from mean 0 and var 1
        assertArrayEquals(new float[] {0.2f, 1.0f}, bn.runningMean().data(), 1e-6f);
        assertArrayEquals(new float[] {1.0f, 0.9f}, bn.runningVar().data(), 1e-6f);
        assertEquals(Arrays.asList("running_mean", "running_var"), new ArrayList<>(bn.buffers().keySet()));
        assertEquals(Arrays.asList("gamma", "beta"), new ArrayList<>(bn.parameters().keySet()));
        // evaluation uses the running statistics
        bn.train(false);
        Tensor e = bn.forward(Tensor.of(new double[][] {{1.2, 1.0}}));
        assertEquals((1.2 - 0.2) / Math.sqrt(1 + 1e-6), e.get(0, 0), 1e-6);
        assertEquals(0, e.get(0, 1), 1e-6);
    }

    @Test
    public void batchNormWithPyTorchsConventions() {
        // one feature, batch [1, 2, 3, 6]: mean 3, biased variance 14/4 = 3.5, unbiased 14/3
        BatchNorm bn = BatchNorm.pytorch(1);
        assertEquals(1e-5f, bn.eps(), 0f);
        Tensor y = bn.forward(Tensor.of(new double[][] {{1}, {2}, {3}, {6}}));
        // the batch is normalised with the biased variance and PyTorch's eps
        assertEquals((1 - 3) / Math.sqrt(3.5 + 1e-5), y.get(0, 0), 1e-6);
        assertEquals((6 - 3) / Math.sqrt(3.5 + 1e-5), y.get(3, 0), 1e-6);
        // the running variance averages the unbiased one: 0.9·1 + 0.1·14/3
        assertEquals(0.9 + 0.1 * 14 / 3.0, bn.runningVar().data()[0], 1e-6);
        assertEquals(0.3, bn.runningMean().data()[0], 1e-6);
        bn.train(false);
        double rv = 0.9 + 0.1 * 14 / 3.0;
        assertEquals((5 - 0.3) / Math.sqrt(rv + 1e-5), bn.forward(Tensor.of(new double[][] {{5}})).get(0, 0), 1e-5);

        // the book's defaults on the same batch: biased running variance, eps 1e-6
        BatchNorm book = new BatchNorm(1);
        book.forward(Tensor.of(new double[][] {{1}, {2}, {3}, {6}}));
        assertEquals(0.9 + 0.1 * 3.5, book.runningVar().data()[0], 1e-6);
        assertEquals(BatchNorm.BOOK_EPS, book.eps(), 0f);
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(1, 0.9f, 0f, false));
    }

    @Test
    public void bookEvaluationScaleIsOneMinusTheRatio() {
        assertEquals(0.5f, new Dropout(0.5f, new Random(1)).bookEvaluationScale(), 0f);
        assertEquals(0.75f, new Dropout(0.25f, new Random(1)).bookEvaluationScale(), 0f);
    }

    @Test
    public void batchNormOnImagesUsesChannelStatistics() {
        BatchNorm bn = new BatchNorm(3);
        Tensor x = GradChecks.gaussian(new Random(1), 4, 3, 2, 2);
        float[] y = bn.forward(x).data();
        for (int c = 0; c < 3; c++) {
            double sum = 0, sq = 0;
            for (int n = 0; n < 4; n++) {
                for (int p = 0; p < 4; p++) {
                    double v = y[(n * 3 + c) * 4 + p];
                    sum += v;
                    sq += v * v;
                }
            }
            assertEquals(0, sum / 16, 1e-6);
            assertEquals(1, sq / 16, 1e-4);
        }
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(4, 2, 2, 2)));
        assertTrue(ex.getMessage(), ex.getMessage().contains("[4, 2, 2, 2]"));
    }

    @Test
    public void batchNormGradientChecks() {
        Random r = new Random(2);
        BatchNorm dense = new BatchNorm(3);
        System.arraycopy(new float[] {1.5f, -0.7f, 0.3f}, 0, dense.gamma().data(), 0, 3);
        System.arraycopy(new float[] {0.1f, 0.2f, -0.3f}, 0, dense.beta().data(), 0, 3);
        GradChecks.assertLayerGradients(dense, GradChecks.gaussian(r, 5, 3), 1e-3);
        BatchNorm conv = new BatchNorm(2);
        System.arraycopy(new float[] {0.8f, 1.3f}, 0, conv.gamma().data(), 0, 2);
        GradChecks.assertLayerGradients(conv, GradChecks.gaussian(r, 3, 2, 2, 3), 1e-3);
        conv.train(false);
        GradChecks.assertLayerGradients(conv, GradChecks.gaussian(r, 3, 2, 2, 3), 1e-3);
    }

    @Test
    public void dropoutZeroesAboutRatioAndScalesSurvivors() {
        Dropout d = new Dropout(0.3f, new Random(3));
        Tensor x = Tensor.full(2f, 100, 100);
        float[] y = d.forward(x).data();
        int zeros = 0;
        for (float v : y) {
            if (v == 0f) {
                zeros++;
            } else {
                assertEquals(2f / 0.7f, v, 1e-6f);
            }
        }
        assertEquals(0.3, zeros / 10000.0, 0.02);
        // the gradient passes exactly where the value did, with the same scale: dx = dy·y/x
        Tensor dy = GradChecks.gaussian(new Random(4), 100, 100);
        float[] dx = d.backward(dy).data();
        for (int i = 0; i < y.length; i++) {
            assertEquals(dy.data()[i] * y[i] / 2f, dx[i], 1e-6f);
        }
        // evaluation: identity
        d.train(false);
        assertArrayEquals(x.data(), d.forward(x).data(), 0f);
        assertArrayEquals(dy.data(), d.backward(dy).data(), 0f);
    }

    @Test
    public void dropoutMasksFollowTheSeed() {
        Tensor x = GradChecks.gaussian(new Random(5), 4, 6);
        float[] a = new Dropout(0.5f, new Random(9)).forward(x).data();
        float[] b = new Dropout(0.5f, new Random(9)).forward(x).data();
        float[] c = new Dropout(0.5f, new Random(10)).forward(x).data();
        assertArrayEquals(a, b, 0f);
        assertTrue(!Arrays.equals(a, c));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1f, new Random()));
    }
}
