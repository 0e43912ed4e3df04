package io.neuronlab.mllib.loss;

import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

/** Shared by the regression losses: shape check and batch size. */
final class Regression {
    private Regression() {
    }

    static void requireSameShape(Tensor output, Tensor target, String loss) {
        Shapes.requireSame(loss + ": output vs target", output.shape(), target.shape());
    }

    /** {@code Σ (y − t)²} over every value, accumulated in double (same shapes checked by the caller). */
    static double sumOfSquaredDifferences(Tensor output, Tensor target) {
        float[] y = output.data();
        float[] t = target.data();
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double d = y[i] - t[i];
            sum += d * d;
        }
        return sum;
    }

    /** N of an output {@code [N, ...]}; a 1-D output is one sample, as in the book. */
    static int batch(Tensor output) {
        return output.dim() <= 1 ? 1 : output.size(0);
    }
}
