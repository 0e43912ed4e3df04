package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

/** Shared checks for the element-wise layers' backward. */
final class ActivationChecks {
    private ActivationChecks() {
    }

    /** Throws unless a forward ran and {@code gradOutput} has that forward's output shape. */
    static void requireForward(int[] forwardShape, Tensor gradOutput, String layer) {
        if (forwardShape == null) {
            throw new IllegalStateException(layer + ".backward called before forward");
        }
        Shapes.requireSame(layer + ".backward: gradOutput vs output", gradOutput.shape(), forwardShape);
    }
}
