package io.neuronlab.mllib.tensor;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

/** The autograd engine through the operations: chain rule, accumulation, non-scalar backward, NoGrad. */
public class AutogradTest {

    @Test
    public void seedExampleChainRule() {
        Tensor a = Tensor.scalar(2).requiresGrad(true);
        Tensor b = Tensor.scalar(1).requiresGrad(true);
        Tensor x = a.mul(2).add(b.mul(3));
        Tensor y = a.pow(2).mul(5).add(b.pow(3).mul(3));
        Tensor z = x.mul(2).add(y.mul(3));
        assertEquals(2 * 7 + 3 * 23, z.item(), 1e-5);
        z.backward();
        // dz/da = 2*2 + 3*10a = 64; dz/db = 2*3 + 3*9b² = 33
        assertEquals(64f, a.grad().item(), 1e-5);
        assertEquals(33f, b.grad().item(), 1e-5);
    }

    @Test
    public void tensorUsedTwiceGetsBothPaths() {
        Tensor x = Tensor.of(new float[] {3}, 1).requiresGrad(true);
        x.mul(x).sum().backward();
        assertEquals(6f, x.grad().item(), 0f);
    }

    @Test
    public void gradientsAccumulateAcrossBackwardCallsUntilZeroGrad() {
        Tensor w = Tensor.of(new float[] {1, 2}, 2).requiresGrad(true);
        w.mul(3).sum().backward();
        w.mul(3).sum().backward();
        assertArrayEquals(new float[] {6, 6}, w.grad().data(), 0f);
        w.zeroGrad();
        assertNull(w.grad());
        w.pow(2).sum().backward();
        assertArrayEquals(new float[] {2, 4}, w.grad().data(), 0f);
    }

    @Test
    public void nonScalarBackwardTakesTheOutputGradient() {
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 3).requiresGrad(true);
        Tensor y = x.pow(2);
        try {
            y.backward();
            fail("backward() on a vector needs a gradient");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("[3]"));
        }
        y.backward(Tensor.of(new float[] {1, 0.5f, -1}, 3));
        assertArrayEquals(new float[] {2, 2, -6}, x.grad().data(), 1e-6f);
    }

    @Test
    public void noGradScopeRecordsNothing() {
        Tensor x = Tensor.ones(2).requiresGrad(true);
        Tensor y;
        try (NoGrad scope = NoGrad.enter()) {
            y = x.mul(2).sum();
        }
        assertFalse(y.requiresGrad());
        assertNull(y.gradFnName());
        Tensor z = x.mul(2).sum();
        assertTrue(z.requiresGrad());
        assertEquals("sum", z.gradFnName());
    }

    @Test
    public void constantsGetNoGradient() {
        Tensor w = Tensor.ones(2, 2).requiresGrad(true);
        Tensor c = Tensor.ones(2, 2);
        w.matmul(c).sum().backward();
        assertNull(c.grad());
        assertArrayEquals(new float[] {2, 2, 2, 2}, w.grad().data(), 0f);
    }

    @Test
    public void broadcastBiasGradientIsSummedOverTheBatch() {
        Tensor x = Tensor.ones(4, 3);
        Tensor b = Tensor.zeros(3).requiresGrad(true);
        x.add(b).sum().backward();
        assertArrayEquals(new int[] {3}, b.grad().shape());
        assertArrayEquals(new float[] {4, 4, 4}, b.grad().data(), 0f);
    }
}
