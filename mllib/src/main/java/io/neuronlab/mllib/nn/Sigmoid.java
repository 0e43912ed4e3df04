package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Tensor;

/** {@code y = 1 / (1 + e^-x)}, any shape; the backward uses the cached output: {@code dx = dy·y·(1 − y)}. */
public final class Sigmoid extends Layer {
    private Tensor out;

    @Override
    public Tensor forward(Tensor x) {
        float[] in = x.data();
        float[] y = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            y[i] = sigmoid(in[i]);
        }
        out = Tensor.of(y, x.shape());
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        ActivationChecks.requireForward(out == null ? null : out.shape(), gradOutput, "Sigmoid");
        float[] y = out.data();
        float[] g = gradOutput.data();
        float[] dx = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            dx[i] = g[i] * y[i] * (1f - y[i]);
        }
        return Tensor.of(dx, out.shape());
    }

    /** Numerically safe: never evaluates e^x for large positive x. */
    static float sigmoid(float x) {
        if (x >= 0f) {
            return (float) (1.0 / (1.0 + Math.exp(-x)));
        }
        double e = Math.exp(x);
        return (float) (e / (1.0 + e));
    }

    @Override
    public String toString() {
        return "Sigmoid";
    }
}
