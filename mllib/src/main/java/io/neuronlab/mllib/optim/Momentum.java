package io.neuronlab.mllib.optim;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.Collection;

/** The book's {@code Momentum}: {@code v = α·v − lr·g; w += v}, velocity v starting at 0 (α = 0.9 by default). */
public final class Momentum extends Optimizer {
    private final float momentum;
    private final State velocity;

    public Momentum(Collection<Tensor> params, float learningRate) {
        this(params, learningRate, 0.9f);
    }

    public Momentum(Collection<Tensor> params, float learningRate, float momentum) {
        super(params, learningRate);
        if (!(momentum >= 0f && momentum < 1f)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
        this.velocity = new State(this.params);
    }

    @Override
    protected void update(int index, float[] w, float[] grad) {
        float[] v = velocity.of(index, w.length);
        for (int i = 0; i < w.length; i++) {
            v[i] = momentum * v[i] - learningRate * grad[i];
            w[i] += v[i];
        }
    }

    @Override
    public String toString() {
        return "Momentum(lr=" + learningRate + ", momentum=" + momentum + ")";
    }
}
