package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

public class ActivationTest {
    private final Tensor x = Tensor.of(new float[] {-2, -0.5f, 0.5f, 3}, 2, 2);

    @Test
    public void reluForwardBackward() {
        ReLU r = new ReLU();
        assertArrayEquals(new float[] {0, 0, 0.5f, 3}, r.forward(x).data(), 0f);
        assertArrayEquals(new float[] {0, 0, 7, 8}, r.backward(Tensor.of(new float[] {5, 6, 7, 8}, 2, 2)).data(), 0f);
        GradChecks.assertLayerGradients(new ReLU(), GradChecks.awayFromZero(new Random(1), 0.15f, 3, 4), 1e-3);
    }

    @Test
    public void reluMaskIsExactAtTheKink() {
        // x <= 0 blocks (0 and -0 included); every positive float passes, down to the smallest subnormal
        float[] in = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, Float.MAX_VALUE, Float.POSITIVE_INFINITY};
        ReLU r = new ReLU();
        float[] y = r.forward(Tensor.of(in, 7)).data();
        assertArrayEquals(new float[] {0, 0, Float.MIN_VALUE, 0, 1e-30f, Float.MAX_VALUE, Float.POSITIVE_INFINITY}, y, 0f);
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(y[1])); // max(-0, 0) is +0
        float[] dx = r.backward(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7}, 7)).data();
        assertArrayEquals(new float[] {0, 0, 3, 0, 5, 6, 7}, dx, 0f);
    }

    @Test
    public void reluMatchesTheBooksMaskOnRandomValues() {
        Random random = new Random(9);
        int n = 5000; // several SIMD widths and a tail
        float[] in = new float[n];
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            in[i] = i % 9 == 0 ? 0f : (float) random.nextGaussian();
            g[i] = (float) random.nextGaussian();
        }
        ReLU r = new ReLU();
        float[] y = r.forward(Tensor.of(in, n)).data();
        float[] dx = r.backward(Tensor.of(g, n)).data();
        for (int i = 0; i < n; i++) {
            boolean off = in[i] <= 0f; // the book: mask = (x <= 0); out[mask] = 0; dx = dout; dx[mask] = 0
            assertEquals("y[" + i + "]", off ? 0f : in[i], y[i], 0f);
            assertEquals("dx[" + i + "]", off ? 0f : g[i], dx[i], 0f);
        }
    }

    @Test
    public void leakyReluForwardBackward() {
        LeakyReLU r = new LeakyReLU(0.1f);
        assertArrayEquals(new float[] {-0.2f, -0.05f, 0.5f, 3}, r.forward(x).data(), 1e-7f);
        assertArrayEquals(new float[] {0.5f, 0.6f, 7, 8}, r.backward(Tensor.of(new float[] {5, 6, 7, 8}, 2, 2)).data(), 1e-6f);
        GradChecks.assertLayerGradients(new LeakyReLU(0.2f), GradChecks.awayFromZero(new Random(2), 0.15f, 3, 4), 1e-3);
    }

    @Test
    public void sigmoidValuesAndGradient() {
        Sigmoid s = new Sigmoid();
        float[] y = s.forward(x).data();
        assertEquals(1 / (1 + Math.exp(2)), y[0], 1e-7);
        assertEquals(1 / (1 + Math.exp(-3)), y[3], 1e-7);
        // no overflow at the extremes
        float[] ext = s.forward(Tensor.of(new float[] {-1000, 1000}, 1, 2)).data();
        assertArrayEquals(new float[] {0, 1}, ext, 0f);
        GradChecks.assertLayerGradients(new Sigmoid(), GradChecks.gaussian(new Random(3), 3, 4), 1e-3);
    }

    @Test
    public void tanhValuesAndGradient() {
        assertEquals(Math.tanh(-0.5), new Tanh().forward(x).data()[1], 1e-7);
        GradChecks.assertLayerGradients(new Tanh(), GradChecks.gaussian(new Random(4), 3, 4), 1e-3);
    }

    @Test
    public void softmaxRowsSumToOneAndSurviveHugeInputs() {
        Softmax s = new Softmax();
        float[] y = s.forward(Tensor.of(new float[] {0.3f, 2.9f, 4.0f, 1000, 1001, 1002}, 2, 3)).data();
        // the book's example a = [0.3, 2.9, 4.0] → [0.01821127, 0.24519181, 0.73659691]
        assertArrayEquals(new float[] {0.01821127f, 0.24519181f, 0.73659691f}, new float[] {y[0], y[1], y[2]}, 1e-6f);
        for (float v : y) {
            assertFalse(Float.isNaN(v));
        }
        // shift-invariant: [1000, 1001, 1002] equals softmax of [0, 1, 2]
        double z = 1 + Math.E + Math.E * Math.E;
        assertEquals(Math.E * Math.E / z, y[5], 1e-6);
        GradChecks.assertLayerGradients(new Softmax(), GradChecks.gaussian(new Random(5), 3, 4), 1e-3);
    }

    @Test
    public void flattenKeepsBatchAxis() {
        Flatten f = new Flatten();
        Tensor img = GradChecks.gaussian(new Random(6), 2, 3, 4, 5);
        Tensor y = f.forward(img);
        assertArrayEquals(new int[] {2, 60}, y.shape());
        assertArrayEquals(img.data(), y.data(), 0f);
        assertArrayEquals(new int[] {2, 3, 4, 5}, f.backward(Tensor.ones(2, 60)).shape());
        GradChecks.assertLayerGradients(new Flatten(), GradChecks.gaussian(new Random(7), 2, 2, 2, 2), 1e-3);
    }
}
