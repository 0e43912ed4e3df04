package io.neuronlab.mllib.perceptron;

/**
 * The book's perceptron: it fires (outputs 1) when the weighted sum of its inputs plus the bias is above 0,
 * y = 1 if w·x + b > 0 else 0. The weights say how much each input matters; the bias how easily it fires.
 */
public final class Perceptron {
    private final float[] weights;
    private final float bias;

    public Perceptron(float[] weights, float bias) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("a perceptron needs at least one weight");
        }
        this.weights = weights.clone();
        this.bias = bias;
    }

    /** 0 or 1 for the inputs x (as many as there are weights). */
    public int output(float... x) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException("this perceptron has " + weights.length + " weights but got "
                + x.length + " inputs");
        }
        float sum = bias;
        for (int i = 0; i < x.length; i++) {
            sum += weights[i] * x[i];
        }
        return sum > 0f ? 1 : 0;
    }

    public float[] weights() {
        return weights.clone();
    }

    public float bias() {
        return bias;
    }
}
