package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Parallel;
import io.neuronlab.mllib.tensor.Tensor;

/**
 * {@code y = max(0, x)}, any shape. The book keeps the mask {@code x <= 0} for the backward; here the mask is read
 * off the output the forward returned (which callers must not modify): {@code mask = min(y · 2¹²⁷ · 2¹²⁷, 1)} is 1
 * where {@code x > 0} and 0 where {@code x <= 0} (NaN stays NaN), and the backward is {@code dx = dout · mask}.
 * Both loops are branch-free arithmetic ({@code Math.max}, {@code Math.min}, {@code ·}) that HotSpot turns into
 * SIMD code; the book's {@code x <= 0} test per element mispredicts on half the values and was 20× slower, and
 * not storing a mask saves a pass over memory.
 */
public final class ReLU extends Layer {
    /** {@code y · 2¹²⁷ · 2¹²⁷ >= 1} for every float {@code y > 0}, even the smallest subnormal (2⁻¹⁴⁹). */
    private static final float TO_ONE = 0x1p127f;

    private float[] y;         // the last output: the backward's mask
    private int[] shape;
    private final ReusableArray out = new ReusableArray();
    private final ReusableArray gradIn = new ReusableArray();

    @Override
    public Tensor forward(Tensor x) {
        float[] in = x.data();
        int[] s = x.shape();
        float[] out = this.out.get(in.length, reusesBuffers());
        // big activations (a batch of conv outputs): both cores take a share
        Parallel.forRange(in.length, in.length / Parallel.ELEMENTS_PER_SHARE, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = Math.max(in[i], 0f);
            }
        });
        shape = s; // what the backward needs, written once the output is done (see Layer: Threads)
        y = out;
        return Tensor.of(out, s);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        ActivationChecks.requireForward(shape, gradOutput, "ReLU");
        float[] g = gradOutput.data();
        float[] dx = gradIn.get(g.length, reusesBuffers());
        float[] out = y;
        Parallel.forRange(g.length, g.length / Parallel.ELEMENTS_PER_SHARE, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                dx[i] = g[i] * Math.min(out[i] * TO_ONE * TO_ONE, 1f);
            }
        });
        return Tensor.of(dx, shape);
    }

    @Override
    public String toString() {
        return "ReLU";
    }
}
