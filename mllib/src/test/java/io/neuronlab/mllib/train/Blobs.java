package io.neuronlab.mllib.train;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Random;

/** Three well-separated Gaussian clusters in 2-D: a classification problem a small net solves in seconds. */
final class Blobs {
    private static final double[][] CENTRES = {{-2, 0}, {2, 0}, {0, 3}};

    private Blobs() {
    }

    static Dataset make(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            labels[i] = c;
            x[2 * i] = (float) (CENTRES[c][0] + 0.5 * r.nextGaussian());
            x[2 * i + 1] = (float) (CENTRES[c][1] + 0.5 * r.nextGaussian());
        }
        return new Dataset(Tensor.of(x, n, 2), labels, 3);
    }
}
