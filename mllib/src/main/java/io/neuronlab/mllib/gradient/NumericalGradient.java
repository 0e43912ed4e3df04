package io.neuronlab.mllib.gradient;

import io.neuronlab.mllib.tensor.Tensor;
import java.util.function.ToDoubleFunction;

/**
 * The gradient of f: R^n → R by central differences, one coordinate at a time (the book's
 * {@code numerical_gradient}): ∂f/∂x_i ≈ (f(x + h e_i) − f(x − h e_i)) / 2h. Slow (2n evaluations of f) but
 * independent of backpropagation, which is why it is the oracle for it.
 *
 * <p>x is changed in place during the evaluation and restored afterwards.
 */
public final class NumericalGradient {
    /** Step for float32 tensors: large enough that float rounding of f does not swamp the difference. */
    public static final double DEFAULT_TENSOR_STEP = 1e-2;

    private NumericalGradient() {
    }

    /** Gradient in double with h = 1e-4; same length as x. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        return gradient(f, x, NumericalDiff.DEFAULT_STEP);
    }

    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        NumericalDiff.requireStep(h);
        double[] grad = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double saved = x[i];
            x[i] = saved + h;
            double plus = f.applyAsDouble(x);
            x[i] = saved - h;
            double minus = f.applyAsDouble(x);
            x[i] = saved;
            grad[i] = (plus - minus) / (2 * h);
        }
        return grad;
    }

    /** Gradient of a scalar function of a tensor of any shape, with h = 1e-2; the result has x's shape. */
    public static Tensor gradient(ToDoubleFunction<Tensor> f, Tensor x) {
        return gradient(f, x, DEFAULT_TENSOR_STEP);
    }

    public static Tensor gradient(ToDoubleFunction<Tensor> f, Tensor x, double h) {
        NumericalDiff.requireStep(h);
        float[] d = x.data();
        float[] grad = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            float saved = d[i];
            float up = (float) (saved + h);
            float down = (float) (saved - h);
            d[i] = up;
            double plus = f.applyAsDouble(x);
            d[i] = down;
            double minus = f.applyAsDouble(x);
            d[i] = saved;
            // divide by the step float storage actually took, not the requested 2h
            grad[i] = (float) ((plus - minus) / ((double) up - (double) down));
        }
        return Tensor.of(grad, x.shape());
    }
}
