package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Parallel;
import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Arrays;

/**
 * Max pooling over {@code k × k} windows moved by {@code stride}, per channel: {@code [N, C, H, W]} →
 * {@code [N, C, OH, OW]}, {@code OH = (H + 2·pad − k) / stride + 1}. The forward remembers where each maximum came
 * from (the book's {@code arg_max}); the backward sends each gradient there only.
 *
 * <p>Padding never wins a window (it counts as −∞, as in PyTorch), and {@code ceilMode} rounds {@code OH} up so a
 * last, partial window is kept (PyTorch's {@code ceil_mode=True}, used by GoogLeNet) as long as it starts inside
 * the input or its left padding. Inception's 3×3, stride-1, padding-1 pooling keeps the image size.
 */
public final class MaxPool2d extends Layer {
    private final int k;
    private final int stride;
    private final int pad;
    private final boolean ceilMode;
    private int[] inShape;
    private int[] argmax;   // flat input index of each output's maximum; reused while the size repeats
    private final ReusableArray out = new ReusableArray();
    private final ReusableArray gradIn = new ReusableArray();

    public MaxPool2d(int kernel, int stride) {
        this(kernel, stride, 0, false);
    }

    /** With {@code padding} on every side and PyTorch's {@code ceil_mode}. */
    public MaxPool2d(int kernel, int stride, int padding, boolean ceilMode) {
        if (kernel <= 0 || stride <= 0 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException("MaxPool2d needs kernel > 0, stride > 0 and 0 <= padding <= kernel / 2, got "
                + kernel + ", " + stride + ", " + padding);
        }
        this.k = kernel;
        this.stride = stride;
        this.pad = padding;
        this.ceilMode = ceilMode;
    }

    /** Output size along one axis of {@code size}, as PyTorch computes it. */
    int outSize(int size) {
        int span = size + 2 * pad - k;
        if (span < 0) {
            throw new IllegalArgumentException(this + " needs inputs of at least " + (k - 2 * pad) + " pixels, got " + size);
        }
        int out = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
        if (ceilMode && (out - 1) * stride >= size + pad) {
            out--; // the last window would start in the right padding
        }
        return out;
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = Pooling.requireImages(x, this);
        int oh = outSize(s[2]);
        int ow = outSize(s[3]);
        int planes = s[0] * s[1];
        int outSize = planes * oh * ow;
        // per call unless single-caller (training or reuse): concurrent inference never shares the indices
        int[] from = keepsScratch() && argmax != null && argmax.length == outSize ? argmax : new int[outSize];
        float[] in = x.data();
        float[] y = out.get(outSize, reusesBuffers());
        if (k == 2 && stride == 2 && pad == 0 && !ceilMode) {
            // planes are independent: both cores take a share of a big batch
            int perPlane = s[2] * s[3];
            Parallel.forRange(planes, (int) ((long) planes * perPlane / Parallel.ELEMENTS_PER_SHARE), (part, p0, p1) ->
                forward2x2(in, y, from, p0, p1, s[2], s[3], oh, ow));
            inShape = s;
            argmax = from;
            return Tensor.of(y, s[0], s[1], oh, ow);
        }
        int o = 0;
        int h = s[2];
        int w = s[3];
        for (int p = 0; p < planes; p++) {
            int base = p * h * w;
            for (int oy = 0; oy < oh; oy++) {
                // the window clipped to the image: padding is -inf, so it never holds the maximum
                int y0 = Math.max(0, oy * stride - pad);
                int y1 = Math.min(h, oy * stride - pad + k);
                for (int ox = 0; ox < ow; ox++) {
                    int x0 = Math.max(0, ox * stride - pad);
                    int x1 = Math.min(w, ox * stride - pad + k);
                    int best = base + y0 * w + x0;
                    for (int iy = y0; iy < y1; iy++) {
                        int line = base + iy * w;
                        for (int ix = x0; ix < x1; ix++) {
                            if (in[line + ix] > in[best]) {
                                best = line + ix;
                            }
                        }
                    }
                    from[o] = best;
                    y[o++] = in[best];
                }
            }
        }
        inShape = s;
        argmax = from;
        return Tensor.of(y, s[0], s[1], oh, ow);
    }

    /**
     * The common 2×2, stride-2 case: the same maximum (first one in scan order on ties, strict {@code >}) as the
     * general loop, found without branches — maxima of the two pairs, then of the pairs — because a branch per
     * comparison mispredicts on most windows. (The value is {@code Math.max}'s: it differs from the general loop
     * only in the sign of a zero when −0 and +0 tie.)
     */
    private static void forward2x2(float[] in, float[] y, int[] argmax, int fromPlane, int toPlane, int h, int w,
                                   int oh, int ow) {
        int o = fromPlane * oh * ow;
        for (int p = fromPlane; p < toPlane; p++) {
            int base = p * h * w;
            for (int oy = 0; oy < oh; oy++) {
                int top = base + 2 * oy * w;
                int bottom = top + w;
                for (int ox = 0; ox < ow; ox++) {
                    int t = top + 2 * ox;
                    int b = bottom + 2 * ox;
                    float t0 = in[t];
                    float t1 = in[t + 1];
                    float b0 = in[b];
                    float b1 = in[b + 1];
                    int topBest = t1 > t0 ? t + 1 : t;
                    int bottomBest = b1 > b0 ? b + 1 : b;
                    float topMax = Math.max(t0, t1);
                    float bottomMax = Math.max(b0, b1);
                    argmax[o] = bottomMax > topMax ? bottomBest : topBest;
                    y[o++] = Math.max(topMax, bottomMax);
                }
            }
        }
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (inShape == null) {
            throw new IllegalStateException("MaxPool2d.backward called before forward");
        }
        if (gradOutput.numel() != argmax.length) {
            throw new IllegalArgumentException("MaxPool2d.backward: gradOutput " + Shapes.toString(gradOutput.shape())
                + " does not match the last output (" + argmax.length + " values)");
        }
        float[] g = gradOutput.data();
        float[] dx = gradIn.get(Shapes.numel(inShape), reusesBuffers());
        int[] from = argmax;
        // each plane's maxima lie in that plane: planes are independent shares, and each share clears its own
        // planes (clearing all first on one thread would make the other core fetch its half from that one's cache)
        int planes = inShape[0] * inShape[1];
        int perPlane = g.length / Math.max(1, planes);
        int inPlane = dx.length / Math.max(1, planes);
        Parallel.forRange(planes, (int) ((long) dx.length / Parallel.ELEMENTS_PER_SHARE), (part, p0, p1) -> {
            Arrays.fill(dx, p0 * inPlane, p1 * inPlane, 0f);
            for (int i = p0 * perPlane, end = p1 * perPlane; i < end; i++) {
                dx[from[i]] += g[i];
            }
        });
        return Tensor.of(dx, inShape);
    }

    /** Window size k (k × k). */
    public int kernel() {
        return k;
    }

    public int stride() {
        return stride;
    }

    public int padding() {
        return pad;
    }

    /** Whether the output size rounds up (PyTorch's {@code ceil_mode}). */
    public boolean ceilMode() {
        return ceilMode;
    }

    @Override
    public String toString() {
        return "MaxPool2d(kernel=" + k + ", stride=" + stride + (pad == 0 ? "" : ", padding=" + pad)
            + (ceilMode ? ", ceil_mode" : "") + ")";
    }
}
