package io.neuronlab.mllib.functions;

import static io.neuronlab.mllib.tensor.FiniteDifferences.check;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

public class Convolution1dTest {
    private static final float[] SIGNAL = {0, 5, 13, 18, 12, 8, 5, 14, 15, 14};

    @Test
    public void smoothingExample() {
        float[] expected = {11.5f, 24.5f, 30.5f, 25f, 16.5f, 16f, 24f, 29f};
        float[] kernel = {0.5f, 1f, 0.5f};
        assertArrayEquals(expected, Convolution1d.convolve(SIGNAL, kernel), 1e-6f);
        assertArrayEquals(expected, Convolution1d.convolve(Tensor.of(SIGNAL, 10), Tensor.of(kernel, 3)).data(), 1e-6f);
    }

    @Test
    public void kernelIsFlippedUnlikeCrossCorrelation() {
        // np.convolve([1, 2, 3, 4], [1, 0, -1], 'valid') = [2, 2]; the unflipped slide gives [-2, -2]
        float[] x = {1, 2, 3, 4};
        float[] w = {1, 0, -1};
        assertArrayEquals(new float[] {2, 2}, Convolution1d.convolve(x, w), 0f);
        assertArrayEquals(new float[] {-2, -2}, Convolution1d.crossCorrelate(x, w), 0f);
        assertArrayEquals(new float[] {3, 6, 9}, Convolution1d.convolve(new float[] {1, 2, 3}, new float[] {3}), 0f);
    }

    @Test
    public void gradientsInSignalAndKernel() {
        check(t -> Convolution1d.convolve(t[0], t[1]),
            Tensor.of(new float[] {0.5f, -1, 2, 0.3f, 1.2f, -0.7f}, 6), Tensor.of(new float[] {0.2f, -0.4f, 0.9f}, 3));
    }

    @Test
    public void kernelLongerThanSignalIsRejected() {
        try {
            Convolution1d.convolve(new float[] {1, 2}, new float[] {1, 2, 3});
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("length 3") && e.getMessage().contains("length 2"));
        }
    }
}
