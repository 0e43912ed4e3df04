package io.neuronlab.mllib.init;

/**
 * Xavier (Glorot) initialisation as the book uses it: N(0, 1/fanIn), i.e. std = sqrt(1/fanIn) — suited to
 * sigmoid and tanh. (Glorot's paper also averages in fanOut; the book, and this class, use fanIn only.)
 */
public final class Xavier extends GaussianInitializer {
    @Override
    public double std(int fanIn, int fanOut) {
        return Math.sqrt(1.0 / fanIn);
    }

    @Override
    public String toString() {
        return "Xavier";
    }
}
