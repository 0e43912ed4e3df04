package io.neuronlab.mllib.init;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.Random;

/** Draws every weight from N(0, std²), where the subclass chooses std from the fans. */
abstract class GaussianInitializer implements Initializer {
    /** Standard deviation for a weight with these fans. */
    public abstract double std(int fanIn, int fanOut);

    @Override
    public void fill(Tensor weight, int fanIn, int fanOut, Random random) {
        double std = std(fanIn, fanOut);
        float[] w = weight.data();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * std);
        }
    }
}
