package io.neuronlab.mllib.init;

/** He initialisation: N(0, 2/fanIn), i.e. std = sqrt(2/fanIn) — the book's choice for ReLU networks. */
public final class He extends GaussianInitializer {
    @Override
    public double std(int fanIn, int fanOut) {
        return Math.sqrt(2.0 / fanIn);
    }

    @Override
    public String toString() {
        return "He";
    }
}
