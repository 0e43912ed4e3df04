package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.ScalarMath;
import io.neuronlab.mllib.tensor.Tensor;

/** {@code y = 1 / (1 + e^-x)}, any shape; the backward uses the cached output: {@code dx = dy·y·(1 − y)}. */
public final class Sigmoid extends Layer {
    private Tensor out;

    @Override
    public Tensor forward(Tensor x) {
        float[] in = x.data();
        float[] y = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            y[i] = ScalarMath.sigmoid(in[i]);
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

    @Override
    public String toString() {
        return "Sigmoid";
    }
}
