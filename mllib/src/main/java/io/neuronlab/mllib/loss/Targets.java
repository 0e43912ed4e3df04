package io.neuronlab.mllib.loss;

import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

/**
 * Reads class targets the two ways the book allows: one-hot (same shape as the output) or label indices
 * ({@code [N]} for an output {@code [N, C]}; a one-element tensor for a single output {@code [C]}).
 */
final class Targets {
    private Targets() {
    }

    /** Rows (samples) of an output {@code [N, C]}; a 1-D output {@code [C]} is one sample, as the book reshapes it. */
    static int rows(Tensor output, String loss) {
        if (output.dim() == 1) {
            return 1;
        }
        if (output.dim() == 2) {
            return output.size(0);
        }
        throw new IllegalArgumentException(loss + " expects an output [N, C] (or [C] for one sample), got "
            + Shapes.toString(output.shape()));
    }

    /**
     * The target as a dense {@code [rows, cols]} array: one-hot targets are returned as they are, label
     * indices are expanded to one-hot. Labels outside {@code [0, cols)} are rejected with their position.
     */
    static float[] dense(Tensor output, Tensor target, int rows, String loss) {
        int cols = output.numel() / Math.max(rows, 1);
        if (target.numel() == output.numel() && target.numel() != rows || sameShape(output, target)) {
            return target.data();
        }
        if (target.numel() == rows && target.dim() <= 1) {
            float[] oneHot = new float[rows * cols];
            float[] labels = target.data();
            for (int i = 0; i < rows; i++) {
                oneHot[i * cols + label(labels[i], i, cols, loss)] = 1f;
            }
            return oneHot;
        }
        throw new IllegalArgumentException(loss + ": target " + Shapes.toString(target.shape())
            + " fits neither one-hot targets " + Shapes.toString(output.shape()) + " nor label indices [" + rows
            + "] for output " + Shapes.toString(output.shape()));
    }

    /** True when {@code target} holds label indices rather than one-hot rows. */
    static boolean isLabels(Tensor output, Tensor target, int rows) {
        return !sameShape(output, target) && target.numel() == rows && target.dim() <= 1;
    }

    static int label(float value, int sample, int classes, String loss) {
        int k = (int) value;
        if (k != value || k < 0 || k >= classes) {
            throw new IllegalArgumentException(loss + ": label " + value + " of sample " + sample
                + " is not a class index in [0, " + classes + ")");
        }
        return k;
    }

    private static boolean sameShape(Tensor a, Tensor b) {
        return java.util.Arrays.equals(a.shape(), b.shape());
    }
}
