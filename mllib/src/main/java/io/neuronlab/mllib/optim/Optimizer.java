package io.neuronlab.mllib.optim;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Updates parameters from their gradients, as the book's optimizers do with {@code update(params, grads)}.
 * Every optimizer takes an optional L2 weight decay λ: the gradient used is {@code grad + λ·param}.
 * State (velocities, moments) is kept per parameter, in the order the parameters were given.
 */
public abstract class Optimizer {
    protected final List<Tensor> params;
    protected float learningRate;
    protected float weightDecay;
    private float[][] decayedGradients; // per parameter, reused: weight decay makes no garbage per step

    protected Optimizer(Collection<Tensor> params, float learningRate) {
        if (!(learningRate > 0f)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        this.params = Collections.unmodifiableList(new ArrayList<>(params));
        this.learningRate = learningRate;
    }

    /** Applies one update to every parameter that has a gradient. */
    public final void step() {
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            Tensor g = p.grad();
            if (g == null) {
                continue;
            }
            float[] grad = g.data();
            if (weightDecay != 0f) {
                // L2 decay folded into the gradient, so every optimizer gets it the same way
                float[] w = p.data();
                float[] decayed = decayedGradient(i, grad.length);
                for (int j = 0; j < grad.length; j++) {
                    decayed[j] = grad[j] + weightDecay * w[j];
                }
                grad = decayed;
            }
            update(i, p.data(), grad);
        }
    }

    private float[] decayedGradient(int index, int length) {
        if (decayedGradients == null) {
            decayedGradients = new float[params.size()][];
        }
        float[] d = decayedGradients[index];
        if (d == null || d.length != length) {
            d = new float[length];
            decayedGradients[index] = d;
        }
        return d;
    }

    /** Updates parameter number {@code index} (values {@code w}, in place) from gradient {@code grad}. */
    protected abstract void update(int index, float[] w, float[] grad);

    public void zeroGrad() {
        for (Tensor p : params) {
            p.zeroGrad();
        }
    }

    public float learningRate() {
        return learningRate;
    }

    public void setLearningRate(float lr) {
        this.learningRate = lr;
    }

    public float weightDecay() {
        return weightDecay;
    }

    /** Sets the L2 weight decay λ (0 = none); returns this for chaining. */
    public Optimizer withWeightDecay(float lambda) {
        if (lambda < 0f) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + lambda);
        }
        this.weightDecay = lambda;
        return this;
    }

    public List<Tensor> parameters() {
        return params;
    }
}
