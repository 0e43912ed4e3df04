package io.neuronlab.mllib.gradient;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.tensor.Tensor;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.Test;

public class NumericalGradientTest {
    // the book's function_2: x0² + x1²
    private static final ToDoubleFunction<double[]> F2 = x -> x[0] * x[0] + x[1] * x[1];

    @Test
    public void bookValues() {
        assertArrayEquals(new double[] {6, 8}, NumericalGradient.gradient(F2, new double[] {3, 4}), 1e-7);
        assertArrayEquals(new double[] {0, 4}, NumericalGradient.gradient(F2, new double[] {0, 2}), 1e-7);
        assertArrayEquals(new double[] {6, 0}, NumericalGradient.gradient(F2, new double[] {3, 0}), 1e-7);
    }

    @Test
    public void pointIsRestored() {
        double[] x = {3, 4};
        NumericalGradient.gradient(F2, x);
        assertArrayEquals(new double[] {3, 4}, x, 0);
    }

    @Test
    public void tensorFormOnAMatrixAgreesWithAutograd() {
        // f(W) = Σ tanh(x W) for a fixed x; compare with backpropagation through the tensor ops
        Random random = new Random(3);
        Tensor x = Tensor.randn(random, 2, 3);
        Tensor w = Tensor.randn(random, 3, 4).mul(0.5).requiresGrad(true);
        ToDoubleFunction<Tensor> f = t -> x.matmul(t).tanh().sum().item();
        Tensor numeric = NumericalGradient.gradient(f, w.detach());
        x.matmul(w).tanh().sum().backward();
        assertArrayEquals(new int[] {3, 4}, numeric.shape());
        for (int i = 0; i < numeric.numel(); i++) {
            assertEquals("element " + i, w.grad().data()[i], numeric.data()[i], 1e-3);
        }
    }

    @Test
    public void tensorFormBookValues() {
        Tensor p = Tensor.of(new float[] {3, 4}, 2);
        Tensor g = NumericalGradient.gradient(t -> {
            double a = t.data()[0];
            double b = t.data()[1];
            return a * a + b * b;
        }, p);
        assertArrayEquals(new float[] {6, 8}, g.data(), 1e-4f);
        assertTrue(p.sameValues(Tensor.of(new float[] {3, 4}, 2)));
    }
}
