package io.neuronlab.mllib.optim;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.Collection;

/** Stochastic gradient descent, the book's {@code SGD}: {@code w −= lr·g}. */
public final class SGD extends Optimizer {
    public SGD(Collection<Tensor> params, float learningRate) {
        super(params, learningRate);
    }

    @Override
    protected void update(int index, float[] w, float[] grad) {
        for (int i = 0; i < w.length; i++) {
            w[i] -= learningRate * grad[i];
        }
    }

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate + ")";
    }
}
