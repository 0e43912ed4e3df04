package io.neuronlab.mllib.optim;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.Collection;

/** The book's {@code AdaGrad}: {@code h += g²; w −= lr·g / (√h + 1e-7)}. */
public final class AdaGrad extends Optimizer {
    private static final float EPS = 1e-7f;
    private final State squares;

    public AdaGrad(Collection<Tensor> params, float learningRate) {
        super(params, learningRate);
        this.squares = new State(this.params);
    }

    @Override
    protected void update(int index, float[] w, float[] grad) {
        float[] h = squares.of(index, w.length);
        for (int i = 0; i < w.length; i++) {
            h[i] += grad[i] * grad[i];
            w[i] -= learningRate * grad[i] / ((float) Math.sqrt(h[i]) + EPS);
        }
    }

    @Override
    public String toString() {
        return "AdaGrad(lr=" + learningRate + ")";
    }
}
