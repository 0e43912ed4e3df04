package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Tensor;

/** {@code y = x} for x > 0, {@code alpha·x} otherwise; any shape. */
public final class LeakyReLU extends Layer {
    private final float alpha;
    private Tensor x;

    public LeakyReLU(float alpha) {
        if (!(alpha >= 0f && alpha < 1f)) {
            throw new IllegalArgumentException("LeakyReLU slope alpha must be in [0, 1), got " + alpha);
        }
        this.alpha = (float) alpha;
    }

    @Override
    public Tensor forward(Tensor x) {
        this.x = x;
        float[] in = x.data();
        float[] y = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            y[i] = in[i] > 0f ? in[i] : alpha * in[i];
        }
        return Tensor.of(y, x.shape());
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        ActivationChecks.requireForward(x == null ? null : x.shape(), gradOutput, "LeakyReLU");
        float[] in = x.data();
        float[] g = gradOutput.data();
        float[] dx = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            dx[i] = in[i] > 0f ? g[i] : alpha * g[i];
        }
        return Tensor.of(dx, x.shape());
    }

    public float alpha() {
        return alpha;
    }

    @Override
    public String toString() {
        return "LeakyReLU(" + alpha + ")";
    }
}
