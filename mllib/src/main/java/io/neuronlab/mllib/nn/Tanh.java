package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Tensor;

/** {@code y = tanh(x)}, any shape; backward {@code dx = dy·(1 − y²)} from the cached output. */
public final class Tanh extends Layer {
    private Tensor out;

    @Override
    public Tensor forward(Tensor x) {
        float[] in = x.data();
        float[] y = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            y[i] = (float) Math.tanh(in[i]);
        }
        out = Tensor.of(y, x.shape());
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        ActivationChecks.requireForward(out == null ? null : out.shape(), gradOutput, "Tanh");
        float[] y = out.data();
        float[] g = gradOutput.data();
        float[] dx = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            dx[i] = g[i] * (1f - y[i] * y[i]);
        }
        return Tensor.of(dx, out.shape());
    }

    @Override
    public String toString() {
        return "Tanh";
    }
}
