package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Gemm;
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
        Gemm.sgemm(false, false, g.outC, g.plane, g.kk, 1f, weight, 0, g.kk, col, colOffset, g.plane, 1f, y, yOff, g.plane);
    }

    /** {@code db [O] += Σ_t dout_i[o, t]}. */
    static void addBiasGradient(ConvGeometry g, float[] dout, int i, float[] dBias) {
        int gOff = i * g.outputPerImage();
        for (int o = 0; o < g.outC; o++) {
            float sum = 0f;
            for (int p = gOff + o * g.plane, end = p + g.plane; p < end; p++) {
                sum += dout[p];
            }
            dBias[o] += sum;
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
