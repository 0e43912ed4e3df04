package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.Random;

/**
 * Dropout, in the "inverted" form: during training each value is zeroed with probability {@code ratio} and
 * the survivors are scaled by {@code 1 / (1 − ratio)}, so evaluation passes values through unchanged (scale 1).
 * (The book instead leaves survivors unscaled and multiplies by {@code 1 − ratio} at evaluation; expected
 * outputs are the same.) Any shape. Masks are drawn from the given {@link Random}: one seed, one run.
 *
 * <p>Weights trained with the book's convention do not carry over unchanged: at evaluation the book's network
 * feeds {@code (1 − ratio)·x} to the next layer where this one feeds {@code x}. Whoever loads such weights must
 * multiply the weights (not the bias) of the layer after each dropout by {@link #bookEvaluationScale()} — the
 * same predictions then follow, image for image.
 */
public final class Dropout extends Layer {
    private final float ratio;
    private final Random random;
    private boolean[] keep;       // reused while the size repeats
    private final ReusableArray out = new ReusableArray();
    private final ReusableArray gradIn = new ReusableArray();
    private int[] shape;
    private boolean dropped;      // whether the last forward applied a mask

    public Dropout(float ratio, Random random) {
        if (!(ratio >= 0f && ratio < 1f)) {
            throw new IllegalArgumentException("Dropout ratio must be in [0, 1), got " + ratio);
        }
        if (random == null) {
            throw new IllegalArgumentException("Dropout needs a Random (seed it for reproducible runs)");
        }
        this.ratio = ratio;
        this.random = random;
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = x.shape();
        shape = s;
        float[] in = x.data();
        dropped = isTraining();
        if (!dropped) {
            return Tensor.of(in.clone(), s); // evaluation: a plain copy, safe for concurrent callers
        }
        if (keep == null || keep.length != in.length) {
            keep = new boolean[in.length];
        }
        float scale = 1f / (1f - ratio);
        float[] y = out.get(in.length, reusesBuffers());
        for (int i = 0; i < in.length; i++) {
            keep[i] = random.nextFloat() >= ratio;
            y[i] = keep[i] ? in[i] * scale : 0f;
        }
        return Tensor.of(y, s);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        ActivationChecks.requireForward(shape, gradOutput, "Dropout");
        float[] g = gradOutput.data();
        if (!dropped) {
            return Tensor.of(g.clone(), shape);
        }
        float scale = 1f / (1f - ratio);
        float[] dx = gradIn.get(g.length, reusesBuffers());
        for (int i = 0; i < g.length; i++) {
            dx[i] = keep[i] ? g[i] * scale : 0f;
        }
        return Tensor.of(dx, shape);
    }

    public float ratio() {
        return ratio;
    }

    /**
     * {@code 1 − ratio}: the factor the book's dropout applies at evaluation. Scale the next layer's weights by it
     * when loading weights trained with the book's convention into a network with this (inverted) dropout.
     */
    public float bookEvaluationScale() {
        return 1f - ratio;
    }

    @Override
    public String toString() {
        return "Dropout(" + ratio + ")";
    }
}
