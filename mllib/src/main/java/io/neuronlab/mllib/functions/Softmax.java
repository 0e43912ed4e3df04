package io.neuronlab.mllib.functions;

import io.neuronlab.mllib.tensor.ScalarMath;
import io.neuronlab.mllib.tensor.Tensor;

/**
 * softmax(x)_k = e^{x_k} / Σ_i e^{x_i} and its logarithm, over a vector ({@code float[]} or a 1-D tensor)
 * or row-wise over a {@code [N, C]} tensor (generally: over the last axis). The maximum is subtracted first
 * (overflow guard: e^1010 is infinite in float, e^0 is not; the result is unchanged).
 */
public final class Softmax {
    private Softmax() {
    }

    public static float[] softmax(float[] x) {
        requireNonEmpty(x);
        float[] y = new float[x.length];
        ScalarMath.softmaxRows(x, y, 1, x.length); // subtracts the maximum first: the overflow guard
        return y;
    }

    /** log softmax(x)_k = (x_k - max) - log Σ e^{x_i - max}; finite even where softmax underflows to 0. */
    public static float[] logSoftmax(float[] x) {
        requireNonEmpty(x);
        float max = max(x);
        double sum = 0;
        for (float v : x) {
            sum += Math.exp(v - max);
        }
        double logSum = Math.log(sum);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] - max - logSum);
        }
        return y;
    }

    /** Softmax over the last axis ({@code [C]} or {@code [N, C]} row-wise); differentiable. */
    public static Tensor softmax(Tensor x) {
        Tensor e = shifted(x).exp();
        return e.div(e.sum(-1, true));
    }

    /** Log-softmax over the last axis; differentiable. */
    public static Tensor logSoftmax(Tensor x) {
        Tensor s = shifted(x);
        return s.sub(s.exp().sum(-1, true).log());
    }

    // x - max(x) along the last axis. The max is detached: softmax does not change under a shift, so no
    // gradient is lost.
    private static Tensor shifted(Tensor x) {
        if (x.dim() == 0 || x.size(-1) == 0) {
            throw new IllegalArgumentException("softmax needs a non-empty last axis, got shape "
                + java.util.Arrays.toString(x.shape()));
        }
        return x.sub(x.max(-1, true).detach());
    }

    private static float max(float[] x) {
        float m = x[0];
        for (float v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static void requireNonEmpty(float[] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("softmax of an empty array");
        }
    }
}
