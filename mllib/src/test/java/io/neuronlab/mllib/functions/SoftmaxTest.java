package io.neuronlab.mllib.functions;

import static io.neuronlab.mllib.tensor.FiniteDifferences.check;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

public class SoftmaxTest {

    @Test
    public void bookExample() {
        // np: softmax(np.array([0.3, 2.9, 4.0])) = [0.01821127, 0.24519181, 0.73659691]
        float[] y = Softmax.softmax(new float[] {0.3f, 2.9f, 4.0f});
        assertArrayEquals(new float[] {0.01821127f, 0.24519181f, 0.73659691f}, y, 1e-7f);
        assertEquals(1f, y[0] + y[1] + y[2], 1e-6f);
    }

    @Test
    public void overflowGuard() {
        // the book: naive softmax of [1010, 1000, 990] is [nan, nan, nan]; with the guard
        // [9.99954600e-01, 4.53978686e-05, 2.06106005e-09]
        float[] expected = {9.99954600e-01f, 4.53978686e-05f, 2.06106005e-09f};
        float[] x = {1010f, 1000f, 990f};
        float[] y = Softmax.softmax(x);
        for (float v : y) {
            assertTrue(Float.isFinite(v));
        }
        assertRelative(expected, y);
        assertRelative(expected, Softmax.softmax(Tensor.of(x, 3)).data());
    }

    @Test
    public void rowWiseOnBatches() {
        Tensor x = Tensor.of(new double[][] {{0.3, 2.9, 4.0}, {1010, 1000, 990}});
        Tensor y = Softmax.softmax(x);
        assertArrayEquals(new int[] {2, 3}, y.shape());
        assertRelative(new float[] {0.01821127f, 0.24519181f, 0.73659691f, 9.99954600e-01f, 4.53978686e-05f,
            2.06106005e-09f}, y.data());
    }

    @Test
    public void logSoftmaxIsTheLogOfSoftmaxAndStaysFinite() {
        float[] x = {0.3f, 2.9f, 4.0f};
        float[] p = Softmax.softmax(x);
        float[] lp = Softmax.logSoftmax(x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.log(p[i]), lp[i], 1e-6);
        }
        // softmax(0, -200) underflows to 0 for the second entry in float; its log is still -200
        assertArrayEquals(new float[] {0f, -200f}, Softmax.logSoftmax(new float[] {0f, -200f}), 1e-6f);
        Tensor t = Softmax.logSoftmax(Tensor.of(new double[][] {{0.3, 2.9, 4.0}, {0, -200, 0}}));
        assertArrayEquals(lp, java.util.Arrays.copyOf(t.data(), 3), 1e-6f);
        assertEquals(-200f - Math.log(2), t.data()[4], 1e-4);
    }

    @Test
    public void gradientsMatchCentralDifferences() {
        check(t -> Softmax.softmax(t[0]), Tensor.of(new double[][] {{0.3, 2.9, 4.0}, {-1, 0.5, 0.2}}));
        check(t -> Softmax.logSoftmax(t[0]), Tensor.of(new double[][] {{0.3, 2.9, 4.0}, {-1, 0.5, 0.2}}));
    }

    @Test(expected = IllegalArgumentException.class)
    public void emptyInputIsRejected() {
        Softmax.softmax(new float[0]);
    }

    private static void assertRelative(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals("element " + i, expected[i], actual[i], Math.abs(expected[i]) * 1e-5);
        }
    }
}
