package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Arrays;

/**
 * The book's {@code im2col} and {@code col2im}: unroll every filter-sized patch of an image into a row, so
 * that convolution becomes one matrix product.
 *
 * <p>Layout (as the book): for input {@code [N, C, H, W]}, filter {@code kh × kw}, the column matrix is
 * {@code [N·OH·OW, C·kh·kw]}; row {@code (n·OH + oy)·OW + ox} holds the patch under output position
 * (oy, ox) of image n, ordered channel, then filter row, then filter column. Positions in the zero padding
 * read as 0. The rows of one image are contiguous, so layers can work image by image.
 */
public final class Im2col {
    private Im2col() {
    }

    /** Output size along one axis: {@code (in + 2·pad − k) / stride + 1}; throws if the filter does not fit. */
    public static int outSize(int in, int k, int stride, int pad) {
        if (k <= 0 || stride <= 0 || pad < 0) {
            throw new IllegalArgumentException("need filter size > 0, stride > 0 and padding >= 0, got filter " + k
                + ", stride " + stride + ", padding " + pad);
        }
        long span = (long) in + 2L * pad - k; // long: a huge padding must not wrap around
        if (span < 0) {
            throw new IllegalArgumentException("a filter of size " + k + " does not fit an input of size " + in
                + " with padding " + pad);
        }
        long out = span / stride + 1;
        if (out > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("input size " + in + " with padding " + pad + " and filter " + k
                + " gives an output size of " + out + ", more than an int holds");
        }
        return (int) out;
    }

    /** {@code [N, C, H, W]} → {@code [N·OH·OW, C·kh·kw]}. */
    public static Tensor im2col(Tensor x, int kh, int kw, int stride, int pad) {
        int[] s = requireImages(x.shape(), "im2col");
        int oh = outSize(s[2], kh, stride, pad);
        int ow = outSize(s[3], kw, stride, pad);
        int rowsPerImage = oh * ow;
        int k = s[1] * kh * kw;
        float[] col = new float[s[0] * rowsPerImage * k];
        int imageSize = s[1] * s[2] * s[3];
        for (int n = 0; n < s[0]; n++) {
            im2col(x.data(), n * imageSize, s[1], s[2], s[3], kh, kw, stride, pad, col, n * rowsPerImage * k);
        }
        return Tensor.of(col, s[0] * rowsPerImage, k);
    }

    /**
     * The adjoint of {@link #im2col(Tensor, int, int, int, int)}: {@code [N·OH·OW, C·kh·kw]} → {@code inputShape}
     * {@code [N, C, H, W]}, adding up the values of overlapping patches (that is what the gradient needs).
     */
    public static Tensor col2im(Tensor col, int[] inputShape, int kh, int kw, int stride, int pad) {
        int[] s = requireImages(inputShape, "col2im");
        int oh = outSize(s[2], kh, stride, pad);
        int ow = outSize(s[3], kw, stride, pad);
        int rowsPerImage = oh * ow;
        int k = s[1] * kh * kw;
        Shapes.requireSame("col2im: columns vs the shape im2col gives for " + Shapes.toString(s), col.shape(),
            new int[] {s[0] * rowsPerImage, k});
        float[] x = new float[Shapes.numel(s)];
        int imageSize = s[1] * s[2] * s[3];
        for (int n = 0; n < s[0]; n++) {
            col2im(col.data(), n * rowsPerImage * k, s[1], s[2], s[3], kh, kw, stride, pad, x, n * imageSize);
        }
        return Tensor.of(x, s);
    }

    /** One image {@code [C, H, W]} at {@code xOffset} → its {@code [OH·OW, C·kh·kw]} rows at {@code colOffset}. */
    public static void im2col(float[] x, int xOffset, int c, int h, int w, int kh, int kw, int stride, int pad,
                              float[] col, int colOffset) {
        int oh = outSize(h, kh, stride, pad);
        int ow = outSize(w, kw, stride, pad);
        int k = c * kh * kw;
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                int row = colOffset + (oy * ow + ox) * k;
                int idx = row;
                for (int ch = 0; ch < c; ch++) {
                    int plane = xOffset + ch * h * w;
                    for (int ky = 0; ky < kh; ky++) {
                        int iy = oy * stride + ky - pad;
                        if (iy < 0 || iy >= h) {
                            Arrays.fill(col, idx, idx + kw, 0f);
                            idx += kw;
                            continue;
                        }
                        int line = plane + iy * w;
                        for (int kx = 0; kx < kw; kx++) {
                            int ix = ox * stride + kx - pad;
                            col[idx++] = ix < 0 || ix >= w ? 0f : x[line + ix];
                        }
                    }
                }
            }
        }
    }

    /**
     * Adds one image's rows at {@code colOffset} back into {@code [C, H, W]} at {@code xOffset} (which it does not
     * clear). Conv2d's backward runs this once per image, so the filter columns that fall into the padding are cut
     * off per output position up front rather than tested per value.
     */
    public static void col2im(float[] col, int colOffset, int c, int h, int w, int kh, int kw, int stride, int pad,
                              float[] x, int xOffset) {
        int oh = outSize(h, kh, stride, pad);
        int ow = outSize(w, kw, stride, pad);
        int k = c * kh * kw;
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                int ix0 = ox * stride - pad;          // input column under filter column 0
                int kxLo = Math.max(0, -ix0);         // filter columns [kxLo, kxHi) land inside the image
                int kxHi = Math.min(kw, w - ix0);
                int idx = colOffset + (oy * ow + ox) * k;
                for (int ch = 0; ch < c; ch++) {
                    int plane = xOffset + ch * h * w;
                    for (int ky = 0; ky < kh; ky++, idx += kw) {
                        int iy = oy * stride + ky - pad;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int line = plane + iy * w + ix0;
                        for (int kx = kxLo; kx < kxHi; kx++) {
                            x[line + kx] += col[idx + kx];
                        }
                    }
                }
            }
        }
    }

    /**
     * One image {@code [C, H, W]} at {@code xOffset} → its columns in the transposed (Caffe) layout
     * {@code [C·kh·kw, OH·OW]} at {@code colOffset}: row {@code (ch·kh + ky)·kw + kx} holds, for every output
     * position, the input value under filter tap (ch, ky, kx). With stride 1 every row segment is a straight copy
     * of an input line, and the convolution's GEMM then runs along output positions (long rows, no transposes).
     */
    public static void im2colRows(float[] x, int xOffset, int c, int h, int w, int kh, int kw, int stride, int pad,
                                  float[] col, int colOffset) {
        im2colRows(x, xOffset, c, h, w, kh, kw, stride, pad, col, colOffset,
            outSize(h, kh, stride, pad) * outSize(w, kw, stride, pad));
    }

    /**
     * As above, with the column rows {@code rowStride} floats apart instead of {@code OH·OW}: the batch-wide layout
     * {@code [C·kh·kw, N·OH·OW]} (image n's columns at {@code colOffset = n·OH·OW}, {@code rowStride = N·OH·OW}),
     * in which a convolution of small planes is one long GEMM for the whole batch.
     */
    public static void im2colRows(float[] x, int xOffset, int c, int h, int w, int kh, int kw, int stride, int pad,
                                  float[] col, int colOffset, int rowStride) {
        im2colRows(x, xOffset, c, h, w, kh, kw, stride, pad, col, colOffset, rowStride, 0,
            outSize(h, kh, stride, pad));
    }

    /**
     * As above for the output lines {@code [oyFrom, oyTo)} only: their entries are written where the whole
     * unfolding would put them (position {@code oy·OW + ox} of each row), the others are not touched. Threads that
     * each unfold a band of lines fill one column array together (a batch-1 convolution split by output lines).
     */
    public static void im2colRows(float[] x, int xOffset, int c, int h, int w, int kh, int kw, int stride, int pad,
                                  float[] col, int colOffset, int rowStride, int oyFrom, int oyTo) {
        int oh = outSize(h, kh, stride, pad);
        int ow = outSize(w, kw, stride, pad);
        requireRowStride(rowStride, oh * ow);
        if (oyFrom < 0 || oyTo > oh || oyFrom > oyTo) {
            throw new IllegalArgumentException("output lines [" + oyFrom + ", " + oyTo + ") are not within [0, " + oh
                + ")");
        }
        int row = colOffset;
        for (int ch = 0; ch < c; ch++) {
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++, row += rowStride) {
                    // output columns ox whose input column ox·stride + kx − pad lies inside the image
                    int lo = firstInside(kx, stride, pad, ow);
                    int hi = endInside(kx, stride, pad, w, ow, lo);
                    if (stride == 1 && ow == w && lo < hi) {
                        sameWidthRow(x, xOffset + ch * h * w, h, w, ky - pad, kx - pad, lo, hi, oyFrom, oyTo, col,
                            row);
                        continue;
                    }
                    for (int oy = oyFrom; oy < oyTo; oy++) {
                        int dst = row + oy * ow;
                        int iy = oy * stride + ky - pad;
                        if (iy < 0 || iy >= h) {
                            for (int ox = 0; ox < ow; ox++) {
                                col[dst + ox] = 0f;
                            }
                            continue;
                        }
                        int src = xOffset + (ch * h + iy) * w + kx - pad;
                        // the padding margins are a few floats: plain loops; the line itself: arraycopy (SIMD)
                        for (int ox = 0; ox < lo; ox++) {
                            col[dst + ox] = 0f;
                        }
                        if (stride == 1) {
                            System.arraycopy(x, src + lo, col, dst + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                col[dst + ox] = x[src + ox * stride];
                            }
                        }
                        for (int ox = hi; ox < ow; ox++) {
                            col[dst + ox] = 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * The adjoint of {@link #im2colRows}: adds one image's columns {@code [C·kh·kw, OH·OW]} at {@code colOffset}
     * back into {@code [C, H, W]} at {@code xOffset} (which it does not clear). Each column row is one filter tap
     * seen at every output position, so its values go to one shifted window of one input plane: long runs along
     * output lines (with stride 1, contiguous), where the book's row layout adds three or five floats at a time.
     */
    public static void col2imRows(float[] col, int colOffset, int c, int h, int w, int kh, int kw, int stride,
                                  int pad, float[] x, int xOffset) {
        col2imRows(col, colOffset, c, h, w, kh, kw, stride, pad, x, xOffset,
            outSize(h, kh, stride, pad) * outSize(w, kw, stride, pad));
    }

    /** As above, with the column rows {@code rowStride} floats apart (the batch-wide layout, see {@link #im2colRows}). */
    public static void col2imRows(float[] col, int colOffset, int c, int h, int w, int kh, int kw, int stride,
                                  int pad, float[] x, int xOffset, int rowStride) {
        int oh = outSize(h, kh, stride, pad);
        int ow = outSize(w, kw, stride, pad);
        requireRowStride(rowStride, oh * ow);
        int row = colOffset;
        for (int ch = 0; ch < c; ch++) {
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++, row += rowStride) {
                    int lo = firstInside(kx, stride, pad, ow);
                    int hi = endInside(kx, stride, pad, w, ow, lo);
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * stride + ky - pad;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int src = row + oy * ow;
                        int dst = xOffset + (ch * h + iy) * w + kx - pad;
                        if (stride == 1) {
                            for (int ox = lo; ox < hi; ox++) {
                                x[dst + ox] += col[src + ox];
                            }
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                x[dst + ox * stride] += col[src + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * One row of {@link #im2colRows} when stride is 1 and the output is as wide as the input ("same" padding):
     * output position (oy, ox) then reads input (oy + dy, ox + dx), a fixed distance away in both flattened
     * arrays, so all inside rows are one copy. The copy also carries, at each line's ends, values from the
     * neighbouring input line where the filter hangs over the padding; those {@code ox < lo} and {@code ox >= hi}
     * entries are then zeroed, as are the lines above and below the image. Only output lines
     * {@code [oyFrom, oyTo)} are written.
     */
    private static void sameWidthRow(float[] x, int channelOffset, int h, int w, int dy, int dx, int lo, int hi,
                                     int oyFrom, int oyTo, float[] col, int row) {
        int oyLo = Math.min(oyTo, Math.max(oyFrom, -dy));
        int oyHi = Math.max(oyLo, Math.min(oyTo, h - dy));
        Arrays.fill(col, row + oyFrom * w, row + oyLo * w, 0f);
        Arrays.fill(col, row + oyHi * w, row + oyTo * w, 0f);
        if (oyLo == oyHi) {
            return;
        }
        int first = row + oyLo * w + lo;                 // inside the image: input (oyLo + dy, lo + dx)
        int last = row + (oyHi - 1) * w + hi;            // one past the last inside entry
        System.arraycopy(x, channelOffset + (oyLo + dy) * w + lo + dx, col, first, last - first);
        for (int oy = oyLo; oy < oyHi; oy++) {
            int line = row + oy * w;
            for (int ox = 0; ox < lo; ox++) {
                col[line + ox] = 0f;
            }
            for (int ox = hi; ox < w; ox++) {
                col[line + ox] = 0f;
            }
        }
    }

    /** The first output column whose filter column {@code kx} reads inside the image (not the left padding). */
    private static int firstInside(int kx, int stride, int pad, int ow) {
        return Math.min(ow, Math.max(0, ceilDiv(pad - kx, stride)));
    }

    /** One past the last output column whose filter column {@code kx} reads inside an image {@code w} wide. */
    private static int endInside(int kx, int stride, int pad, int w, int ow, int firstInside) {
        return Math.max(firstInside, Math.min(ow, ceilDiv(w + pad - kx, stride)));
    }

    /** ⌈a / b⌉ for b > 0 and any sign of a. */
    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    private static void requireRowStride(int rowStride, int plane) {
        if (rowStride < plane) {
            throw new IllegalArgumentException("column rows of " + plane + " output positions need a row stride >= "
                + plane + ", got " + rowStride);
        }
    }

    private static int[] requireImages(int[] shape, String what) {
        if (shape.length != 4) {
            throw new IllegalArgumentException(what + " needs images [N, C, H, W], got shape " + Shapes.toString(shape));
        }
        return shape;
    }
}
