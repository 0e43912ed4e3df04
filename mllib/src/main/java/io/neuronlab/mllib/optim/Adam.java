package io.neuronlab.mllib.optim;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.Collection;

/**
 * Adam (Kingma &amp; Ba) in the paper's and PyTorch's form, with bias correction, step t counted from 1:
 * <pre>
 *   m = β1·m + (1 − β1)·g          v = β2·v + (1 − β2)·g²
 *   m̂ = m / (1 − β1^t)              v̂ = v / (1 − β2^t)
 *   w −= lr · m̂ / (√v̂ + ε)
 * </pre>
 * β1 = 0.9, β2 = 0.999, ε = 1e-8 by default. The book folds the corrections into the learning rate and adds
 * its ε = 1e-7 to the uncorrected √v; the two agree except where √v is close to ε.
 */
public final class Adam extends Optimizer {
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final State first;
    private final State second;
    private final int[] steps;

    public Adam(Collection<Tensor> params, float learningRate) {
        this(params, learningRate, 0.9f, 0.999f, 1e-8f);
    }

    public Adam(Collection<Tensor> params, float learningRate, float beta1, float beta2, float eps) {
        super(params, learningRate);
        if (!(beta1 >= 0f && beta1 < 1f && beta2 >= 0f && beta2 < 1f)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got beta1=" + beta1 + ", beta2=" + beta2);
        }
        if (!(eps > 0f)) {
            throw new IllegalArgumentException("Adam eps must be > 0, got " + eps);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.first = new State(this.params);
        this.second = new State(this.params);
        this.steps = new int[this.params.size()];
    }

    @Override
    protected void update(int index, float[] w, float[] grad) {
        float[] m = first.of(index, w.length);
        float[] v = second.of(index, w.length);
        int t = ++steps[index];
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < w.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * grad[i];
            v[i] = beta2 * v[i] + (1 - beta2) * grad[i] * grad[i];
            double mHat = m[i] / c1;
            double vHat = v[i] / c2;
            w[i] -= (float) (learningRate * mHat / (Math.sqrt(vHat) + eps));
        }
    }

    @Override
    public String toString() {
        return "Adam(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps + ")";
    }
}
