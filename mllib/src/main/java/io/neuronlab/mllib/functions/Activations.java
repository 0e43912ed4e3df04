package io.neuronlab.mllib.functions;

import io.neuronlab.mllib.tensor.ScalarMath;
import io.neuronlab.mllib.tensor.Tensor;

/**
 * The book's activation functions ({@code functions.py}), element-wise, on {@code float[]} (a new array is
 * returned) and on tensors of any shape. The tensor forms are built from tensor operations, so they join
 * autograd (except {@link #step}, whose derivative is zero wherever it exists).
 */
public final class Activations {
    private Activations() {
    }

    /** 1 where x > 0, else 0: the perceptron's activation. */
    public static float[] step(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] > 0f ? 1f : 0f;
        }
        return y;
    }

    public static Tensor step(Tensor x) {
        return x.gt(0);
    }

    /** 1 / (1 + e^-x). */
    public static float[] sigmoid(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = ScalarMath.sigmoid(x[i]); // the stable form: e^-x never overflows
        }
        return y;
    }

    public static Tensor sigmoid(Tensor x) {
        return x.sigmoid();
    }

    public static float[] tanh(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
        return y;
    }

    public static Tensor tanh(Tensor x) {
        return x.tanh();
    }

    /** max(0, x). */
    public static float[] relu(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.max(0f, x[i]);
        }
        return y;
    }

    public static Tensor relu(Tensor x) {
        return x.relu();
    }

    /** x where x > 0, else alpha * x (a small slope keeps negative units learning). */
    public static float[] leakyRelu(float[] x, float alpha) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] > 0f ? x[i] : alpha * x[i];
        }
        return y;
    }

    public static Tensor leakyRelu(Tensor x, float alpha) {
        return Tensor.where(x.gt(0), x, x.mul(alpha));
    }

    /** log(1 + e^x), a smooth relu; computed as max(x, 0) + log(1 + e^-|x|) so it never overflows. */
    public static float[] softplus(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            y[i] = (float) (Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))));
        }
        return y;
    }

    public static Tensor softplus(Tensor x) {
        Tensor abs = Tensor.where(x.gt(0), x, x.neg());
        return x.relu().add(abs.neg().exp().add(1).log());
    }

    /** The output layer's activation for regression: y = x (a copy for arrays, the same tensor for tensors). */
    public static float[] identity(float[] x) {
        return x.clone();
    }

    public static Tensor identity(Tensor x) {
        return x;
    }
}
