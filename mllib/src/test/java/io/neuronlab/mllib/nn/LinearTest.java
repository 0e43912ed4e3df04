package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.init.ConstantStd;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class LinearTest {
    private static Linear withWeights(float[] w, float[] b, int in, int out) {
        Linear l = new Linear(in, out, new ConstantStd(0f), new Random(0));
        System.arraycopy(w, 0, l.weight().data(), 0, w.length);
        System.arraycopy(b, 0, l.bias().data(), 0, b.length);
        return l;
    }

    @Test
    public void forwardAndBackwardByHand() {
        // x [2,3], W [3,2], b [2]
        Linear l = withWeights(new float[] {1, 2, 3, 4, 5, 6}, new float[] {0.5f, -1}, 3, 2);
        Tensor x = Tensor.of(new float[] {1, 0, -1, 2, 1, 0}, 2, 3);
        Tensor y = l.forward(x);
        // row0: [1-5, 2-6] + b = [-3.5, -5]; row1: [2+3, 4+4] + b = [5.5, 7]
        assertArrayEquals(new int[] {2, 2}, y.shape());
        assertArrayEquals(new float[] {-3.5f, -5f, 5.5f, 7f}, y.data(), 1e-6f);
        Tensor dx = l.backward(Tensor.of(new float[] {1, 0, 0, 1}, 2, 2));
        // dx = dy·Wᵀ: row0 = W[:,0] = [1,3,5], row1 = W[:,1] = [2,4,6]
        assertArrayEquals(new float[] {1, 3, 5, 2, 4, 6}, dx.data(), 1e-6f);
        // dW = xᵀ·dy: column 0 = x row 0, column 1 = x row 1
        assertArrayEquals(new float[] {1, 2, 0, 1, -1, 0}, l.weight().grad().data(), 1e-6f);
        assertArrayEquals(new float[] {1, 1}, l.bias().grad().data(), 1e-6f);
    }

    @Test
    public void gradientsAccumulateUntilZeroGrad() {
        Linear l = new Linear(3, 2, new ConstantStd(1f), new Random(3));
        Tensor x = GradChecks.gaussian(new Random(1), 4, 3);
        l.forward(x);
        l.backward(Tensor.ones(4, 2));
        float[] once = l.weight().grad().data().clone();
        l.forward(x);
        l.backward(Tensor.ones(4, 2));
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], l.weight().grad().data()[i], 1e-5f);
        }
        l.zeroGrad();
        assertEquals(null, l.weight().grad());
    }

    @Test
    public void flattensImageInputsAndReturnsGradientInTheirShape() {
        Linear l = new Linear(12, 4, new ConstantStd(0.5f), new Random(5));
        Tensor x = GradChecks.gaussian(new Random(2), 2, 3, 2, 2);
        assertArrayEquals(new int[] {2, 4}, l.forward(x).shape());
        assertArrayEquals(new int[] {2, 3, 2, 2}, l.backward(Tensor.ones(2, 4)).shape());
    }

    @Test
    public void gradientCheck() {
        Linear l = new Linear(5, 4, new ConstantStd(0.5f), new Random(11));
        System.arraycopy(GradChecks.gaussian(new Random(9), 4).data(), 0, l.bias().data(), 0, 4);
        GradChecks.assertLayerGradients(l, GradChecks.gaussian(new Random(12), 3, 5), 1e-3);
    }

    @Test
    public void wrongInputShapeIsNamed() {
        Linear l = new Linear(5, 4, new ConstantStd(0.5f), new Random(11));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.forward(Tensor.zeros(3, 6)));
        assertTrue(e.getMessage(), e.getMessage().contains("[3, 6]") && e.getMessage().contains("Linear(5, 4)"));
    }
}
