package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Gemm;
import io.neuronlab.mllib.tensor.Parallel;
import io.neuronlab.mllib.tensor.Profiler;

import java.util.Arrays;

/**
 * The arithmetic of a convolution, one image at a time, in the transposed column layout of
 * {@link Im2col#im2colRows} ({@code col_i [C·KH·KW, OH·OW]}): what {@link Conv2d}'s forward and backward and the
 * Java engine run. Stateless: every array is the caller's.
 */
public final class ConvKernels {
    private ConvKernels() {
    }

    /**
     * {@code y_i [O, OH·OW] = W [O, C·KH·KW] · col_i + b}: image {@code i} of {@code x} unfolded into {@code col} at
     * {@code colOffset}, its output written (every value) into {@code y} at {@code i · O·OH·OW} — already NCHW.
     */
    public static void forwardImage(ConvGeometry g, float[] x, int i, float[] weight, float[] bias, float[] col,
                                    int colOffset, float[] y) {
        long t0 = Profiler.start();
        Im2col.im2colRows(x, i * g.imageSize(), g.inC, g.h, g.w, g.kh, g.kw, g.stride, g.pad, col, colOffset);
        Profiler.stop(Profiler.IM2COL, t0);
        int yOff = i * g.outputPerImage();
        for (int o = 0; o < g.outC; o++) {
            Arrays.fill(y, yOff + o * g.plane, yOff + (o + 1) * g.plane, bias[o]);
        }
        Gemm.sgemmDenseA(false, g.outC, g.plane, g.kk, weight, 0, g.kk, col, colOffset, g.plane, 1f, y, yOff, g.plane);
    }

    /**
     * Output positions an image needs for {@link #forwardImageByLines}: each thread's band then still spans dozens
     * of the GEMM kernel's column strips. Smaller planes (ResNet-18's last stages: 196 and 49 positions) are
     * better split by output channels inside {@link Gemm}, where each thread packs only its half of the filters.
     */
    static final int LINE_SPLIT_PLANE = 512;

    /** Whether {@link #forwardImageByLines} suits one image of this geometry on {@code threads} threads. */
    static boolean splitsByLines(ConvGeometry g, int threads) {
        return threads > 1 && g.plane >= LINE_SPLIT_PLANE && g.oh >= threads;
    }

    /**
     * {@link #forwardImage} with the work of the one image split over {@link Parallel}'s threads by output lines
     * (batch 1, where there are no images to share out): each thread unfolds the columns of its band of lines
     * ({@link Im2col#im2colRows(float[], int, int, int, int, int, int, int, int, float[], int, int, int, int) by
     * lines}) and multiplies them by all the filters, {@code y_i[:, band] = W · col_i[:, band] + b}. The threads
     * share nothing but the filters they read: no hand-over between the unfolding and the product, both cores
     * unfold, and each reads only its half of the columns.
     */
    static void forwardImageByLines(ConvGeometry g, float[] x, int i, float[] weight, float[] bias, float[] col,
                                    int colOffset, float[] y) {
        int yOff = i * g.outputPerImage();
        Parallel.forRange(g.oh, Parallel.threads(), (part, from, to) -> {
            int p0 = from * g.ow;
            int len = (to - from) * g.ow;
            long t0 = Profiler.start();
            Im2col.im2colRows(x, i * g.imageSize(), g.inC, g.h, g.w, g.kh, g.kw, g.stride, g.pad, col, colOffset,
                g.plane, from, to);
            Profiler.stop(Profiler.IM2COL, t0);
            for (int o = 0; o < g.outC; o++) {
                int at = yOff + o * g.plane + p0;
                Arrays.fill(y, at, at + len, bias[o]);
            }
            Gemm.sgemmDenseA(false, g.outC, len, g.kk, weight, 0, g.kk, col, colOffset + p0, g.plane, 1f, y,
                yOff + p0, g.plane);
        });
    }

    /** Planes with fewer output positions than this are convolved in groups of images (see {@link #imagesPerGroup}). */
    static final int SMALL_PLANE = 128;
    /** Output positions a group of images aims at: LeNet's conv2 (10×10 planes) takes 4 images at a time. */
    static final int GROUP_POSITIONS = 400;
    /**
     * Whether small planes are grouped: with the Vector API kernel, whose long products this feeds (with the plain
     * kernel, Android's, images stay one by one). Tests switch it to compare both layouts on one JVM.
     */
    static volatile boolean groupSmallPlanes = Gemm.sumsInRegisters();

    /**
     * How many images share one block of columns in the batch-wide layout {@code [C·KH·KW, G·OH·OW]}, 1 for the
     * per-image layout. A small plane makes each image's GEMM tiny (LeNet's conv2: 16×150 by 150×100, whose
     * 100 columns fill 3⅛ of the kernel's 32-wide strips); G images side by side make the forward and dW one
     * product each, with the filters packed once. Groups of {@link #GROUP_POSITIONS} positions beat the whole batch
     * and groups of 800 or 1600 (LeNet-bench training, 1 thread: conv2's forward 1,050 → 880 µs per batch of 64;
     * strided rows of bigger groups cost the GEMM more than the wider product saves). Group j holds images {@code [j·G, j·G + G)} at {@code j·G·C·KH·KW}: the columns of
     * the whole batch take the same array as one by one.
     */
    static int imagesPerGroup(ConvGeometry g) {
        if (!groupSmallPlanes || g.plane >= SMALL_PLANE || g.plane == 0) {
            return 1;
        }
        return Math.max(1, Math.min(g.n, GROUP_POSITIONS / g.plane));
    }

    /**
     * The forward of images {@code [first, first + count)} in the batch-wide layout: their columns into {@code col}
     * (rows {@code count·OH·OW} long, from {@code colOffset}: {@code first · C·KH·KW} in the whole batch's columns a
     * training forward keeps, 0 in a thread's scratch), {@code rows [O, count·OH·OW] = W · col}, then
     * each image's part plus the bias into {@code y} (NCHW, every value written). {@code rows} is scratch.
     */
    static void forwardGroup(ConvGeometry g, float[] x, int first, int count, float[] weight, float[] bias,
                             float[] col, int colOffset, float[] rows, float[] y) {
        int len = count * g.plane;
        long t0 = Profiler.start();
        for (int i = 0; i < count; i++) {
            Im2col.im2colRows(x, (first + i) * g.imageSize(), g.inC, g.h, g.w, g.kh, g.kw, g.stride, g.pad, col,
                colOffset + i * g.plane, len);
        }
        Profiler.stop(Profiler.IM2COL, t0);
        Gemm.sgemmDenseA(false, g.outC, len, g.kk, weight, 0, g.kk, col, colOffset, len, 0f, rows, 0, len);
        for (int i = 0; i < count; i++) {
            int yOff = (first + i) * g.outputPerImage();
            for (int o = 0; o < g.outC; o++) {
                float b = bias[o];
                int src = o * len + i * g.plane;
                int dst = yOff + o * g.plane;
                for (int t = 0; t < g.plane; t++) {
                    y[dst + t] = rows[src + t] + b;
                }
            }
        }
    }

    /**
     * {@code dW [O, C·KH·KW] += dout_G [O, count·OH·OW] · col_Gᵀ} for the group of images {@code [first, first + count)}
     * whose columns {@link #forwardGroup} left: their output gradients are first gathered side by side into
     * {@code rows} (scratch), then it is one product with sums {@code count·OH·OW} long.
     */
    static void addWeightGradientGroup(ConvGeometry g, float[] dout, int first, int count, float[] col, float[] rows,
                                       float[] dWeight) {
        int len = count * g.plane;
        for (int i = 0; i < count; i++) {
            int gOff = (first + i) * g.outputPerImage();
            for (int o = 0; o < g.outC; o++) {
                System.arraycopy(dout, gOff + o * g.plane, rows, o * len + i * g.plane, g.plane);
            }
        }
        Gemm.sgemm(false, true, g.outC, g.kk, len, 1f, rows, 0, len, col, first * g.columnsPerImage(), len, 1f,
            dWeight, 0, g.kk);
    }

    /** {@code db [O] += Σ_t dout_i[o, t]}. */
    static void addBiasGradient(ConvGeometry g, float[] dout, int i, float[] dBias) {
        int gOff = i * g.outputPerImage();
        for (int o = 0; o < g.outC; o++) {
            // four running sums: one chain of float additions waits on each add's latency
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            int p = gOff + o * g.plane;
            int end = p + g.plane;
            for (; p + 3 < end; p += 4) {
                s0 += dout[p];
                s1 += dout[p + 1];
                s2 += dout[p + 2];
                s3 += dout[p + 3];
            }
            for (; p < end; p++) {
                s0 += dout[p];
            }
            dBias[o] += (s0 + s1) + (s2 + s3);
        }
    }

    /**
     * Whether image planes are wide enough ({@code OH·OW ≥ 128}) for the input gradient to be computed along them:
     * {@code dcol_i = Wᵀ · dout_i} then {@link Im2col#col2imRows}, long runs on both. On small planes (LeNet's
     * second layer, the deep CNN's last ones) {@code dcolᵀ = dout_iᵀ · W}, whose sparse operand the GEMM skips,
     * then the book's col2im is faster.
     */
    static boolean wideImage(ConvGeometry g) {
        return g.plane >= 128;
    }

    /**
     * {@code dW [O, C·KH·KW] += Σ_i dout_i [O, OH·OW] · col_iᵀ} over images {@code [from, to)} (their columns at
     * {@code i · columnsPerImage}), as one summed product: the sums run along the output positions of all the
     * images at once (filter rows long enough).
     */
    static void addWeightGradient(ConvGeometry g, float[] dout, int from, int to, float[] col, float[] dWeight) {
        Gemm.sgemmSumNT(to - from, g.outC, g.kk, g.plane, 1f, dout, from * g.outputPerImage(), g.plane,
            g.outputPerImage(), col, from * g.columnsPerImage(), g.plane, g.columnsPerImage(), 1f, dWeight, 0, g.kk);
    }

    /** Whether at most a third of {@code length} values from {@code offset} are non-zero. */
    static boolean mostlyZeros(float[] values, int offset, int length) {
        int nonZeros = 0;
        for (int p = offset, end = offset + length; p < end; p++) {
            nonZeros += values[p] != 0f ? 1 : 0;
        }
        return nonZeros * 3 <= length;
    }

    /**
     * Image {@code i}'s input gradient: {@code dcolᵀ_i [OH·OW, C·KH·KW] = dout_iᵀ · W} into {@code dcol}, then
     * {@link Im2col#col2im col2im} into {@code dx} (this image's part cleared first). The gradient — mostly zeros
     * after ReLU and max-pooling — is the GEMM's A operand, whose zeros it skips.
     */
    static void inputGradientImage(ConvGeometry g, float[] dout, int i, float[] weight, float[] dcol, float[] dx) {
        boolean wide = wideImage(g);
        if (wide) {
            Gemm.sgemm(true, false, g.kk, g.plane, g.outC, 1f, weight, 0, g.kk, dout, i * g.outputPerImage(), g.plane,
                0f, dcol, 0, g.plane);
        } else if (mostlyZeros(dout, i * g.outputPerImage(), g.outputPerImage())) {
            // after max-pooling (LeNet's conv2): at most one in four non-zero, scattered; the plain kernel's case
            Gemm.sgemmSparseA(true, false, g.plane, g.kk, g.outC, 1f, dout, i * g.outputPerImage(), g.plane, weight, 0,
                g.kk, 0f, dcol, 0, g.kk);
        } else {
            Gemm.sgemm(true, false, g.plane, g.kk, g.outC, 1f, dout, i * g.outputPerImage(), g.plane, weight, 0, g.kk,
                0f, dcol, 0, g.kk);
        }
        long t0 = Profiler.start();
        int xOff = i * g.imageSize();
        Arrays.fill(dx, xOff, xOff + g.imageSize(), 0f); // col2im adds
        if (wide) {
            Im2col.col2imRows(dcol, 0, g.inC, g.h, g.w, g.kh, g.kw, g.stride, g.pad, dx, xOff);
        } else {
            Im2col.col2im(dcol, 0, g.inC, g.h, g.w, g.kh, g.kw, g.stride, g.pad, dx, xOff);
        }
        Profiler.stop(Profiler.COL2IM, t0);
    }
}
