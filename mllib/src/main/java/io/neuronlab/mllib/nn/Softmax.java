package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.ScalarMath;
import io.neuronlab.mllib.tensor.Tensor;

/**
 * Softmax over the last axis: input {@code [N, C]} (or {@code [C]}, or any {@code [..., C]}), output of the
 * same shape whose rows are probabilities. For training a classifier prefer
 * {@link io.neuronlab.mllib.loss.SoftmaxCrossEntropy}, which fuses this with the loss.
 */
public final class Softmax extends Layer {
    private Tensor out;

    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() == 0) {
            throw new IllegalArgumentException("Softmax needs at least one axis, got a scalar");
        }
        int c = x.size(-1);
        float[] y = new float[x.numel()];
        ScalarMath.softmaxRows(x.data(), y, x.numel() / Math.max(c, 1), c);
        out = Tensor.of(y, x.shape());
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        ActivationChecks.requireForward(out == null ? null : out.shape(), gradOutput, "Softmax");
        int c = out.size(-1);
        float[] y = out.data();
        float[] g = gradOutput.data();
        float[] dx = new float[g.length];
        for (int r = 0; r < y.length / Math.max(c, 1); r++) {
            int o = r * c;
            // dx = y·(dy − Σ dy·y), the Jacobian of softmax applied to dy
            double dot = 0;
            for (int j = 0; j < c; j++) {
                dot += (double) g[o + j] * y[o + j];
            }
            for (int j = 0; j < c; j++) {
                dx[o + j] = (float) (y[o + j] * (g[o + j] - dot));
            }
        }
        return Tensor.of(dx, out.shape());
    }

    @Override
    public String toString() {
        return "Softmax";
    }
}
