package io.neuronlab.mllib.models;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.init.Initializer;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;

import java.util.Arrays;
import java.util.Random;

/**
 * The book's {@code MultiLayerNet}: fully connected layers with ReLU between them, e.g. 784-100-10.
 * Input {@code [N, ...]} is flattened to {@code [N, sizes[0]]}; output {@code [N, sizes[last]]} class scores.
 */
public final class Mlp {
    private Mlp() {
    }

    /** {@code Flatten → Linear(s0→s1) → ReLU → … → Linear(s(k-1)→sk)}, He-initialised from {@code seed}. */
    public static Sequential create(long seed, int... sizes) {
        return create(new He(), new Random(seed), sizes);
    }

    /** As {@link #create(long, int...)} with a chosen initialiser and random source. */
    public static Sequential create(Initializer init, Random random, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least input and output sizes, got " + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("layer sizes must be >= 1, got " + Arrays.toString(sizes));
            }
        }
        Sequential net = new Sequential();
        net.add("flatten", new Flatten());
        for (int i = 1; i < sizes.length; i++) {
            net.add("fc" + i, new Linear(sizes[i - 1], sizes[i], init, random));
            if (i < sizes.length - 1) {
                net.add("relu" + i, new ReLU());
            }
        }
        return net;
    }
}
