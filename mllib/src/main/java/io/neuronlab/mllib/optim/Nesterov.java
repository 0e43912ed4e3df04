package io.neuronlab.mllib.optim;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.Collection;

/**
 * Nesterov's accelerated gradient in the book's formulation ({@code common/optimizer.py}):
 * <pre>
 *   w += α·α·v − (1 + α)·lr·g     with the velocity of the previous step
 *   v  = α·v − lr·g
 * </pre>
 * (the look-ahead step rewritten so that only the current gradient is needed); α = 0.9 by default. The order
 * matters: the weight step uses the old v, as the book's {@code Nesterov.update} does.
 */
public final class Nesterov extends Optimizer {
    private final float momentum;
    private final State velocity;

    public Nesterov(Collection<Tensor> params, float learningRate) {
        this(params, learningRate, 0.9f);
    }

    public Nesterov(Collection<Tensor> params, float learningRate, float momentum) {
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
            w[i] += momentum * momentum * v[i] - (1 + momentum) * learningRate * grad[i]; // old v
            v[i] = momentum * v[i] - learningRate * grad[i];
        }
    }

    @Override
    public String toString() {
        return "Nesterov(lr=" + learningRate + ", momentum=" + momentum + ")";
    }
}
