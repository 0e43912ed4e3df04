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
    private int[] argmax;   // training: flat input index of each output's maximum; reused while the size repeats
    private float[] evalInput; // evaluation: the input, from which a backward finds the indices
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
        float[] in = x.data();
        float[] y = out.get(outSize, reusesBuffers());
        if (!isTraining()) {
            // evaluation: the maxima only; a backward finds where they came from again (argmaxOf)
            if (k == 2 && stride == 2 && pad == 0 && !ceilMode) {
                forEachShare(s, (p0, p1) -> maxima2x2(in, y, p0, p1, s[2], s[3], oh, ow));
            } else {
                forEachShare(s, (p0, p1) -> maxima(in, y, p0, p1, s[2], s[3], oh, ow));
            }
            inShape = s;
            evalInput = in;
            argmax = null;
            return Tensor.of(y, s[0], s[1], oh, ow);
        }
        // training is single-caller: the indices are reused while the size repeats
        int[] from = argmax != null && argmax.length == outSize ? argmax : new int[outSize];
        fillArgmax(in, y, from, s, oh, ow);
        inShape = s;
        argmax = from;
        evalInput = null;
        return Tensor.of(y, s[0], s[1], oh, ow);
    }

    /** A body over the planes {@code [p0, p1)} of an input. */
    private interface PlaneBody {
        void run(int p0, int p1);
    }

    /** Planes are independent: both cores take a share of a big input. */
    private static void forEachShare(int[] s, PlaneBody body) {
        int planes = s[0] * s[1];
        long values = (long) planes * s[2] * s[3];
        Parallel.forRange(planes, (int) (values / Parallel.ELEMENTS_PER_SHARE), (part, p0, p1) -> body.run(p0, p1));
    }

    /** Each output's maximum and its flat input index (the book's {@code arg_max}). */
    private void fillArgmax(float[] in, float[] y, int[] from, int[] s, int oh, int ow) {
        if (k == 2 && stride == 2 && pad == 0 && !ceilMode) {
            forEachShare(s, (p0, p1) -> forward2x2(in, y, from, p0, p1, s[2], s[3], oh, ow));
        } else {
            forEachShare(s, (p0, p1) -> windows(in, y, from, p0, p1, s[2], s[3], oh, ow));
        }
    }

    /** The general case with indices: the first maximum in scan order (strict {@code >}) of each clipped window. */
    private void windows(float[] in, float[] y, int[] from, int fromPlane, int toPlane, int h, int w, int oh, int ow) {
        int o = fromPlane * oh * ow;
        for (int p = fromPlane; p < toPlane; p++) {
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
    }

    /**
     * Evaluation: each clipped window's maximum, without indices or compare-and-branch (which mispredicts on most
     * windows), in two passes per plane: the maxima of every input row over each output column's span, then of
     * those over each output row's span — the second pass runs along whole rows, which HotSpot vectorises, and
     * ResNet's 3×3 stride-2 pool reads each input row once instead of up to three times. The value equals the
     * indexed loops' except for the sign of a zero when −0 and +0 tie, and a NaN in a window wins here (as in
     * PyTorch) where the strict {@code >} skips it.
     */
    private void maxima(float[] in, float[] y, int fromPlane, int toPlane, int h, int w, int oh, int ow) {
        float[] rowMax = new float[h * ow]; // per share: concurrent forwards share nothing
        int[] x0 = new int[ow];
        int[] x1 = new int[ow];
        for (int ox = 0; ox < ow; ox++) {
            x0[ox] = Math.max(0, ox * stride - pad);
            x1[ox] = Math.min(w, ox * stride - pad + k);
        }
        for (int p = fromPlane; p < toPlane; p++) {
            int base = p * h * w;
            for (int iy = 0; iy < h; iy++) {
                int line = base + iy * w;
                int r = iy * ow;
                for (int ox = 0; ox < ow; ox++) {
                    float best = in[line + x0[ox]];
                    for (int ix = line + x0[ox] + 1, end = line + x1[ox]; ix < end; ix++) {
                        best = Math.max(best, in[ix]);
                    }
                    rowMax[r + ox] = best;
                }
            }
            int o = p * oh * ow;
            for (int oy = 0; oy < oh; oy++, o += ow) {
                int y0 = Math.max(0, oy * stride - pad);
                int y1 = Math.min(h, oy * stride - pad + k);
                System.arraycopy(rowMax, y0 * ow, y, o, ow);
                for (int iy = y0 + 1; iy < y1; iy++) {
                    for (int ox = 0, r = iy * ow; ox < ow; ox++) {
                        y[o + ox] = Math.max(y[o + ox], rowMax[r + ox]);
                    }
                }
            }
        }
    }

    /** {@link #maxima} for 2×2, stride 2. */
    private static void maxima2x2(float[] in, float[] y, int fromPlane, int toPlane, int h, int w, int oh, int ow) {
        int o = fromPlane * oh * ow;
        for (int p = fromPlane; p < toPlane; p++) {
            int base = p * h * w;
            for (int oy = 0; oy < oh; oy++) {
                int top = base + 2 * oy * w;
                int bottom = top + w;
                for (int ox = 0; ox < ow; ox++) {
                    int t = top + 2 * ox;
                    int b = bottom + 2 * ox;
                    y[o++] = Math.max(Math.max(in[t], in[t + 1]), Math.max(in[b], in[b + 1]));
                }
            }
        }
    }

    /** The indices the last evaluation forward did not keep, found again from its input. */
    private int[] argmaxOf(float[] in) {
        int oh = outSize(inShape[2]);
        int ow = outSize(inShape[3]);
        int outSize = inShape[0] * inShape[1] * oh * ow;
        int[] from = new int[outSize];
        fillArgmax(in, new float[outSize], from, inShape, oh, ow);
        return from;
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
        int[] from = argmax != null ? argmax : argmaxOf(evalInput);
        if (gradOutput.numel() != from.length) {
            throw new IllegalArgumentException("MaxPool2d.backward: gradOutput " + Shapes.toString(gradOutput.shape())
                + " does not match the last output (" + from.length + " values)");
        }
        float[] g = gradOutput.data();
        float[] dx = gradIn.get(Shapes.numel(inShape), reusesBuffers());
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
