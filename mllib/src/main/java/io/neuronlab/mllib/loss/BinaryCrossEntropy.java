package io.neuronlab.mllib.loss;

import io.neuronlab.mllib.tensor.Tensor;

/**
 * Binary cross-entropy, averaged over every element (as PyTorch's {@code BCELoss}):
 * {@code L = −(1/M) Σ [t·log p + (1 − t)·log(1 − p)]}, targets t in [0, 1], M = number of values.
 *
 * <ul>
 *   <li>{@code new BinaryCrossEntropy()} takes probabilities p (after a Sigmoid); p is clamped to
 *       [1e-7, 1 − 1e-7] so log(0) never occurs. Backward: {@code (p − t) / (p(1 − p)·M)}.</li>
 *   <li>{@link #withLogits()} takes raw scores z and applies the sigmoid itself, in the stable form
 *       {@code max(z, 0) − z·t + log(1 + e^−|z|)}. Backward: {@code (σ(z) − t) / M}.</li>
 * </ul>
 */
public final class BinaryCrossEntropy implements Loss {
    private static final double CLAMP = 1e-7;

    private final boolean logits;
    private Tensor output;
    private Tensor target;

    /** On probabilities. */
    public BinaryCrossEntropy() {
        this(false);
    }

    private BinaryCrossEntropy(boolean logits) {
        this.logits = logits;
    }

    /** On raw scores (logits): the sigmoid is fused in, numerically stable for any score. */
    public static BinaryCrossEntropy withLogits() {
        return new BinaryCrossEntropy(true);
    }

    public boolean takesLogits() {
        return logits;
    }

    @Override
    public float forward(Tensor output, Tensor target) {
        Regression.requireSameShape(output, target, "BinaryCrossEntropy");
        this.output = output;
        this.target = target;
        float[] y = output.data();
        float[] t = target.data();
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            if (t[i] < 0f || t[i] > 1f) {
                throw new IllegalArgumentException("BinaryCrossEntropy: target " + t[i] + " at index " + i
                    + " is outside [0, 1]");
            }
            if (logits) {
                double z = y[i];
                sum += Math.max(z, 0) - z * t[i] + Math.log1p(Math.exp(-Math.abs(z)));
            } else {
                double p = clamp(y[i]);
                sum -= t[i] * Math.log(p) + (1 - t[i]) * Math.log(1 - p);
            }
        }
        return (float) (sum / Math.max(y.length, 1));
    }

    @Override
    public Tensor backward() {
        if (output == null) {
            throw new IllegalStateException("BinaryCrossEntropy.backward called before forward");
        }
        float[] y = output.data();
        float[] t = target.data();
        double m = Math.max(y.length, 1);
        float[] dx = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            if (logits) {
                double s = y[i] >= 0 ? 1 / (1 + Math.exp(-y[i])) : Math.exp(y[i]) / (1 + Math.exp(y[i]));
                dx[i] = (float) ((s - t[i]) / m);
            } else {
                double p = clamp(y[i]);
                dx[i] = (float) ((p - t[i]) / (p * (1 - p) * m));
            }
        }
        return Tensor.of(dx, output.shape());
    }

    private static double clamp(double p) {
        return Math.min(Math.max(p, CLAMP), 1 - CLAMP);
    }

    @Override
    public String toString() {
        return logits ? "BinaryCrossEntropy(withLogits)" : "BinaryCrossEntropy";
    }
}
