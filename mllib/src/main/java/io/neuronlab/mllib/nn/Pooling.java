package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

/** Input check shared by the pooling layers. */
final class Pooling {
    private Pooling() {
    }

    static int[] requireImages(Tensor x, Layer layer) {
        int[] s = x.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException(layer + " expects images [N, C, H, W], got " + Shapes.toString(s));
        }
        return s;
    }
}
