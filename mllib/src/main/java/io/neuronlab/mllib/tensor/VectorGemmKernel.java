package io.neuronlab.mllib.tensor;

import io.neuronlab.mllib.DesktopOnly;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The desktop GEMM kernel on the JDK's Vector API ({@code jdk.incubator.vector}, JVM flag
 * {@code --add-modules jdk.incubator.vector}): a register-blocked micro-kernel in the GotoBLAS layout. op(B) is
 * packed per {@link #KC}×{@link #NC} block into strips {@link #NR} columns wide, op(A) per {@link #MC} rows into
 * blocks of {@link #MR} rows interleaved along k, and each MR×NR tile of C is summed in 2·MR vector registers:
 * per step two loads of B and MR broadcasts of A feed 2·MR fused multiply-adds (the plain kernel loads and stores
 * its accumulator row for every four). Loaded by name from {@link GemmKernels}; Android never links it.
 *
 * <p>Same contract as {@link GemmKernel}, results equal within float rounding (the sums are ordered differently):
 * <ul>
 *   <li>Zero entries of op(A) add nothing. A step p is skipped when all MR rows of a block are 0 there (gradients
 *   after ReLU and pooling are mostly zeros); a zero beside non-zeros is multiplied in, which adds exactly 0 as long
 *   as op(B) is finite — so a product whose op(B) holds an Inf or NaN is handed to the plain kernel, which skips
 *   every zero (0 · Inf adds 0, not NaN, in both kernels).</li>
 *   <li>beta == 0 overwrites C without reading it.</li>
 * </ul>
 */
@DesktopOnly
final class VectorGemmKernel implements RectangleKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of one register tile. */
    static final int MR = 4;
    /** Columns of one register tile: two vectors. */
    static final int NR = 2 * L;
    /** Depth of one packed block (a strip of B, NR × KC floats, stays in L1). */
    static final int KC = 256;
    /** Width of one packed B block (KC × NC floats stay in L2). */
    static final int NC = 512;
    /** Rows of A packed at a time. */
    static final int MC = 64;

    /** Per-thread scratch that only grows. */
    private static final class Workspace {
        final float[] b = new float[KC * ((NC + NR - 1) / NR) * NR];
        final float[] a = new float[MC * KC];
        final int[] steps = new int[(MC / MR) * KC];
        final int[] counts = new int[MC / MR];
        final float[] tile = new float[MR * NR];
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    @Override
    public String name() {
        return "vector (jdk.incubator.vector, " + S.vectorBitSize() + "-bit, " + MR + "x" + NR + " tiles)";
    }

    @Override
    public void multiply(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k, float alpha,
                         float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                         float beta, float[] c, int cOffset, int ldc) {
        if (i1 - i0 < 2 * MR || k < MR || !finite(transB, k, j0, j1, b, bOffset, ldb)
            || !zerosLineUp(transA, i0, i1, k, a, aOffset, lda)) {
            GemmKernel.multiply(transA, transB, i0, i1, j0, j1, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc, GemmKernel.workspace());
            return;
        }
        Workspace ws = WORKSPACE.get();
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            int strips = (nc + NR - 1) / NR;
            // op(B) = B: full strips are read in place (rows ldb apart); only a partial last strip is packed
            int packedFrom = transB ? 0 : nc / NR;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(transB, pc, kc, jc + packedFrom * NR, nc - packedFrom * NR, b, bOffset, ldb, ws.b);
                float stepBeta = pc == 0 ? beta : 1f;
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    int blocks = (mc + MR - 1) / MR;
                    packA(transA, ic, mc, pc, kc, alpha, a, aOffset, lda, ws);
                    for (int s = 0; s < strips; s++) {
                        int width = Math.min(NR, nc - s * NR);
                        boolean packed = s >= packedFrom;
                        float[] bp = packed ? ws.b : b;
                        int bBase = packed ? (s - packedFrom) * kc * NR : bOffset + pc * ldb + jc + s * NR;
                        int bStride = packed ? NR : ldb;
                        for (int blk = 0; blk < blocks; blk++) {
                            int rows = Math.min(MR, mc - blk * MR);
                            tile(ws, blk, bp, bBase, bStride, stepBeta, c,
                                cOffset + (ic + blk * MR) * ldc + jc + s * NR, ldc, rows, width);
                        }
                    }
                }
            }
        }
    }

    /** True when op(B)[:, j0:j1] has no Inf or NaN (x - x is 0 for every finite x, NaN otherwise). */
    private static boolean finite(boolean transB, int k, int j0, int j1, float[] b, int bOffset, int ldb) {
        FloatVector acc = FloatVector.zero(S);
        float tail = 0f;
        int rows = transB ? j1 - j0 : k;
        int len = transB ? k : j1 - j0;
        for (int r = 0; r < rows; r++) {
            int from = transB ? bOffset + (j0 + r) * ldb : bOffset + r * ldb + j0;
            int j = 0;
            for (; j + L <= len; j += L) {
                FloatVector v = FloatVector.fromArray(S, b, from + j);
                acc = acc.add(v.sub(v));
            }
            for (; j < len; j++) {
                float v = b[from + j];
                tail += v - v;
            }
        }
        float sum = acc.reduceLanes(jdk.incubator.vector.VectorOperators.ADD) + tail;
        return sum == 0f;
    }

    /** Strip s holds {@code op(B)[pc + p, jc + s·NR + j]} at {@code s·kc·NR + p·NR + j}, zero past column nc. */
    private static void packB(boolean transB, int pc, int kc, int jc, int nc, float[] b, int bOffset, int ldb,
                              float[] dst) {
        int strips = (nc + NR - 1) / NR;
        for (int s = 0; s < strips; s++) {
            int base = s * kc * NR;
            int col0 = jc + s * NR;
            int width = Math.min(NR, nc - s * NR);
            if (!transB) {
                for (int p = 0; p < kc; p++) {
                    int src = bOffset + (pc + p) * ldb + col0;
                    int d = base + p * NR;
                    System.arraycopy(b, src, dst, d, width);
                    for (int j = width; j < NR; j++) {
                        dst[d + j] = 0f;
                    }
                }
            } else {
                // op(B)[p, j] = b[j·ldb + p]: each column of the strip is a row of B, read along memory
                for (int j = 0; j < NR; j++) {
                    if (j < width) {
                        int src = bOffset + (col0 + j) * ldb + pc;
                        for (int p = 0; p < kc; p++) {
                            dst[base + p * NR + j] = b[src + p];
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            dst[base + p * NR + j] = 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * Packs {@code alpha · op(A)[ic + blk·MR + r, pc + p]} for the MC rows: block blk keeps only the steps p where
     * one of its MR rows is non-zero, as {@code a[(blk·KC + q)·MR + r]} with p in {@code steps[blk·KC + q]}.
     * Rows past mc are zero.
     */
    private static void packA(boolean transA, int ic, int mc, int pc, int kc, float alpha, float[] a, int aOffset,
                              int lda, Workspace ws) {
        float[] dst = ws.a;
        int[] steps = ws.steps;
        int blocks = (mc + MR - 1) / MR;
        for (int blk = 0; blk < blocks; blk++) {
            int row0 = ic + blk * MR;
            int rows = Math.min(MR, mc - blk * MR);
            int count = 0;
            int base = blk * KC;
            for (int p = 0; p < kc; p++) {
                int d = (base + count) * MR;
                boolean any = false;
                for (int r = 0; r < MR; r++) {
                    float v = 0f;
                    if (r < rows) {
                        v = transA ? a[aOffset + (pc + p) * lda + row0 + r] : a[aOffset + (row0 + r) * lda + pc + p];
                    }
                    dst[d + r] = alpha * v;
                    any |= v != 0f;
                }
                steps[base + count] = p;
                count += any ? 1 : 0;
            }
            ws.counts[blk] = count;
        }
    }

    /**
     * False when op(A)'s zeros are so scattered that MR-row tiles, which skip a step only when all MR rows are 0
     * there, would multiply more than twice as many entries as there are non-zeros: the plain kernel skips zeros
     * row by row (gradients after ReLU and pooling, zeros in different places in every row).
     */
    private static boolean zerosLineUp(boolean transA, int i0, int i1, int k, float[] a, int aOffset, int lda) {
        long nonZeros = 0;
        long tileSteps = 0;
        for (int row0 = i0; row0 < i1; row0 += MR) {
            int rows = Math.min(MR, i1 - row0);
            for (int p = 0; p < k; p++) {
                int any = 0;
                for (int r = 0; r < rows; r++) {
                    float v = transA ? a[aOffset + p * lda + row0 + r] : a[aOffset + (row0 + r) * lda + p];
                    int nz = v != 0f ? 1 : 0;
                    nonZeros += nz;
                    any |= nz;
                }
                tileSteps += any * MR;
            }
        }
        return tileSteps <= 2 * nonZeros;
    }

    /**
     * One MR×NR tile: {@code C = beta·C + Σ_q a[q]·B[steps[q]]} over the block's packed steps (B's step p at
     * {@code bp[bBase + p·bStride]}: the packed strip, or B itself), for the first
     * {@code rows} rows and {@code width} columns (beta 0: C not read).
     */
    private static void tile(Workspace ws, int blk, float[] bp, int bBase, int bStride, float beta, float[] c, int cAt,
                             int ldc, int rows, int width) {
        float[] ap = ws.a;
        int[] steps = ws.steps;
        int count = ws.counts[blk];
        int base = blk * KC;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        for (int q = 0; q < count; q++) {
            int bo = bBase + steps[base + q] * bStride;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            int ao = (base + q) * MR;
            FloatVector x = FloatVector.broadcast(S, ap[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        if (rows == MR && width == NR) {
            store(c00, c01, beta, c, cAt);
            store(c10, c11, beta, c, cAt + ldc);
            store(c20, c21, beta, c, cAt + 2 * ldc);
            store(c30, c31, beta, c, cAt + 3 * ldc);
            return;
        }
        float[] t = ws.tile;
        c00.intoArray(t, 0);
        c01.intoArray(t, L);
        c10.intoArray(t, NR);
        c11.intoArray(t, NR + L);
        c20.intoArray(t, 2 * NR);
        c21.intoArray(t, 2 * NR + L);
        c30.intoArray(t, 3 * NR);
        c31.intoArray(t, 3 * NR + L);
        for (int r = 0; r < rows; r++) {
            int row = cAt + r * ldc;
            for (int j = 0; j < width; j++) {
                float sum = t[r * NR + j];
                c[row + j] = beta == 0f ? sum : beta == 1f ? c[row + j] + sum : beta * c[row + j] + sum;
            }
        }
    }

    private static void store(FloatVector v0, FloatVector v1, float beta, float[] c, int at) {
        if (beta == 0f) {
            v0.intoArray(c, at);
            v1.intoArray(c, at + L);
        } else if (beta == 1f) {
            FloatVector.fromArray(S, c, at).add(v0).intoArray(c, at);
            FloatVector.fromArray(S, c, at + L).add(v1).intoArray(c, at + L);
        } else {
            FloatVector.fromArray(S, c, at).mul(beta).add(v0).intoArray(c, at);
            FloatVector.fromArray(S, c, at + L).mul(beta).add(v1).intoArray(c, at + L);
        }
    }
}
