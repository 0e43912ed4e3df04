package io.neuronlab.mllib.init;

/** N(0, std²) with a fixed std, the book's {@code weight_init_std=0.01} default. */
public final class ConstantStd extends GaussianInitializer {
    private final float std;

    public ConstantStd(float std) {
        if (!(std >= 0)) {
            throw new IllegalArgumentException("std must be >= 0, got " + std);
        }
        this.std = std;
    }

    @Override
    public double std(int fanIn, int fanOut) {
        return std;
    }

    @Override
    public String toString() {
        return "ConstantStd(" + std + ")";
    }
}
