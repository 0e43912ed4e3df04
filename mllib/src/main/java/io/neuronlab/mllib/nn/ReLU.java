package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Parallel;
import io.neuronlab.mllib.tensor.Tensor;

/** {@code y = max(0, x)}, any shape. The mask of non-positive inputs is kept for the backward, as the book. */
public final class ReLU extends Layer {
    private boolean[] mask;    // true where x <= 0 (gradient blocked); reused when the size repeats
    private int[] shape;
    private final ReusableArray out = new ReusableArray();
    private final ReusableArray gradIn = new ReusableArray();

    @Override
    public Tensor forward(Tensor x) {
        float[] in = x.data();
        if (mask == null || mask.length != in.length) {
            mask = new boolean[in.length];
        }
        shape = x.shape();
        float[] y = out.get(in.length, reusesBuffers());
        boolean[] m = mask;
        // big activations (a batch of conv outputs): both cores take a share
        Parallel.forRange(in.length, in.length / Parallel.ELEMENTS_PER_SHARE, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                boolean off = in[i] <= 0f;
                m[i] = off;
                y[i] = off ? 0f : in[i];
            }
        });
        return Tensor.of(y, shape);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        ActivationChecks.requireForward(shape, gradOutput, "ReLU");
        float[] g = gradOutput.data();
        float[] dx = gradIn.get(g.length, reusesBuffers());
        boolean[] m = mask;
        Parallel.forRange(g.length, g.length / Parallel.ELEMENTS_PER_SHARE, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                dx[i] = m[i] ? 0f : g[i];
            }
        });
        return Tensor.of(dx, shape);
    }

    @Override
    public String toString() {
        return "ReLU";
    }
}
