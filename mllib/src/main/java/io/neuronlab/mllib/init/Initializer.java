package io.neuronlab.mllib.init;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.Random;

/**
 * Fills a freshly created weight tensor with starting values, as the book's {@code weight_init_std}:
 * the spread depends on the fan-in (inputs feeding one output unit) and fan-out. Biases start at zero.
 * All draws come from the given {@link Random}, so one seed gives one network.
 */
public interface Initializer {
    /** Overwrites every value of {@code weight} (any shape) using {@code random}. */
    void fill(Tensor weight, int fanIn, int fanOut, Random random);

    /** Fills {@code weight} with fans computed from its shape (see {@link Fans#of}). */
    default void fill(Tensor weight, Random random) {
        Fans fans = Fans.of(weight.shape());
        fill(weight, fans.fanIn(), fans.fanOut(), random);
    }
}
