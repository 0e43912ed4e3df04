package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Gemm;

import java.util.Arrays;

/**
 * dW for short filter rows. dW's GEMM ({@code dout_i · col_iᵀ}) has rows of only {@code C·KH·KW} floats; when they
 * are short next to the {@code OH·OW}-long sums (LeNet's first layer: 25 against 784), it is faster to keep each
 * of dW's dot products as a vector of elementwise products summed over the batch — long loops HotSpot vectorizes —
 * and add each vector up once at the end. One instance per thread share; buffers of {@code O·C·KH·KW·OH·OW} floats.
 */
final class WeightProducts {
    /** Largest product buffer (floats, 16 MiB) per share: bigger layers keep the GEMM. */
    static final long MAX_FLOATS = 1L << 18;

    private final int outC;
    private final int kk;
    private final int plane;
    private final float[][] products; // [O·kk][plane]: running dout·col products
    private final float[][] rows;     // one image's dout rows then col rows, as zero-offset arrays

    WeightProducts(int outC, int kk, int plane) {
        this.outC = outC;
        this.kk = kk;
        this.plane = plane;
        this.products = new float[outC * kk][plane];
        this.rows = new float[outC + kk][plane];
    }

    /**
     * Whether this path beats the GEMM for a layer of this shape (and its buffers stay small): only against the
     * plain kernel; the Vector API kernel's summed product ({@link Gemm#sumsInRegisters}) is faster still.
     */
    static boolean suits(int outC, int kk, int plane) {
        return !Gemm.sumsInRegisters() && kk * 4 <= plane && (long) outC * kk * plane <= MAX_FLOATS;
    }

    boolean fits(int outC, int kk, int plane) {
        return this.outC == outC && this.kk == kk && this.plane == plane;
    }

    void clear() {
        for (float[] p : products) {
            Arrays.fill(p, 0f);
        }
    }

    /**
     * {@code products[o·kk + p][t] += dout_i[o, t] · col_i[p, t]}. The rows are first copied into zero-offset
     * arrays so that every index in the inner loop is plain {@code t}, which HotSpot vectorizes.
     */
    void add(float[] dout, int doutOffset, float[] col, int colOffset) {
        for (int o = 0; o < outC; o++) {
            System.arraycopy(dout, doutOffset + o * plane, rows[o], 0, plane);
        }
        for (int p = 0; p < kk; p++) {
            System.arraycopy(col, colOffset + p * plane, rows[outC + p], 0, plane);
        }
        for (int o = 0; o < outC; o++) {
            float[] d = rows[o];
            for (int p = 0; p < kk; p++) {
                float[] c = rows[outC + p];
                float[] pr = products[o * kk + p];
                for (int t = 0; t < plane; t++) {
                    pr[t] += d[t] * c[t];
                }
            }
        }
    }

    /** Writes each product vector's sum into {@code dWeight [O·kk]}. */
    void sumInto(float[] dWeight) {
        for (int q = 0; q < dWeight.length; q++) {
            float[] pr = products[q];
            float sum = 0f;
            for (int t = 0; t < plane; t++) {
                sum += pr[t];
            }
            dWeight[q] = sum;
        }
    }
}
