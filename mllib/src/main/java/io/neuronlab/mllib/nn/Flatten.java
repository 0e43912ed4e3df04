package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

/**
 * Reshapes {@code [N, C, H, W]} (any {@code [N, ...]}) to {@code [N, C·H·W]}, sharing storage; the
 * backward reshapes the gradient back.
 */
public final class Flatten extends Layer {
    private int[] inShape;

    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() < 1) {
            throw new IllegalArgumentException("Flatten needs an input [N, ...], got a scalar");
        }
        int[] s = x.shape();
        inShape = s;
        int n = s[0];
        return Tensor.of(x.data(), n, n == 0 ? 0 : x.numel() / n);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (inShape == null) {
            throw new IllegalStateException("Flatten.backward called before forward");
        }
        if (gradOutput.numel() != Shapes.numel(inShape)) {
            throw new IllegalArgumentException("Flatten.backward: gradOutput " + Shapes.toString(gradOutput.shape())
                + " does not match the flattened input " + Shapes.toString(inShape));
        }
        return Tensor.of(gradOutput.data(), inShape);
    }

    @Override
    public String toString() {
        return "Flatten";
    }
}
