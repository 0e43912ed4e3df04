package io.neuronlab.mllib.optim;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.Collection;

/**
 * The book's {@code RMSprop}: {@code h = ρ·h + (1 − ρ)·g²; w −= lr·g / (√h + 1e-7)}, decay ρ = 0.99 by default.
 */
public final class RMSprop extends Optimizer {
    private static final float EPS = 1e-7f;
    private final float decay;
    private final State squares;

    public RMSprop(Collection<Tensor> params, float learningRate) {
        this(params, learningRate, 0.99f);
    }

    public RMSprop(Collection<Tensor> params, float learningRate, float decay) {
        super(params, learningRate);
        if (!(decay >= 0f && decay < 1f)) {
            throw new IllegalArgumentException("RMSprop decay must be in [0, 1), got " + decay);
        }
        this.decay = decay;
        this.squares = new State(this.params);
    }

    @Override
    protected void update(int index, float[] w, float[] grad) {
        float[] h = squares.of(index, w.length);
        for (int i = 0; i < w.length; i++) {
            h[i] = decay * h[i] + (1 - decay) * grad[i] * grad[i];
            w[i] -= learningRate * grad[i] / ((float) Math.sqrt(h[i]) + EPS);
        }
    }

    @Override
    public String toString() {
        return "RMSprop(lr=" + learningRate + ", decay=" + decay + ")";
    }
}
