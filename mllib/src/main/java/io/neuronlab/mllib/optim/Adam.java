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
        // PyTorch's arrangement: w −= (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε), in float. The corrections are
        // per step, so the loop over the elements is float arithmetic only, which HotSpot vectorizes (it took
        // ~7 ns per element in double: 0.4 ms per LeNet step).
        float stepSize = (float) (learningRate / (1 - Math.pow(beta1, t)));
        float inverseSqrtCorrection2 = (float) (1 / Math.sqrt(1 - Math.pow(beta2, t)));
        float b1 = beta1;
        float b2 = beta2;
        float a1 = 1 - beta1;
        float a2 = 1 - beta2;
        float e = eps;
        for (int i = 0; i < w.length; i++) {
            float g = grad[i];
            float mi = b1 * m[i] + a1 * g;
            float vi = b2 * v[i] + a2 * g * g;
            m[i] = mi;
            v[i] = vi;
            w[i] -= stepSize * mi / ((float) Math.sqrt(vi) * inverseSqrtCorrection2 + e);
        }
    }

    @Override
    public String toString() {
        return "Adam(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps + ")";
    }
}
