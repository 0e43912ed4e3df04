package io.neuronlab.mllib.tensor;

/**
 * The cache-blocked single-thread kernel behind {@link Gemm}: computes {@code C[rows, cols] += alpha · op(A) ·
 * op(B)} for a rectangle of C.
 *
 * <p>Blocking: op(B) is copied block by block ({@link #KC} rows × {@link #NC} columns) into a panel that stays
 * in L2 while every row of the rectangle sweeps over it. Each panel row is its own array and a C row slice is
 * accumulated in a scratch array, so the inner loop
 * {@code acc[j] += a0·b0[j] + a1·b1[j] + a2·b2[j] + a3·b3[j]} indexes every array by plain {@code j}: HotSpot's
 * superword pass can then prove the store never feeds a later load and emits SIMD code (with differing offsets
 * into possibly-aliased arrays it falls back to scalar code, about 5× slower). Four rank-1 updates per sweep
 * mean one load/store of the accumulator per four multiply-adds. Plain Java, so it runs on Android too.
 *
 * <p>Scratch lives in a per-thread {@link Workspace} that only grows: repeated shapes make no garbage.
 */
final class GemmKernel {
    /** Depth of one packed panel (rows of op(B)). */
    static final int KC = 256;
    /** Width of one packed panel (columns of op(B)); a C row slice of this width stays in L1. */
    static final int NC = 512;

    private GemmKernel() {
    }

    /**
     * Per-thread scratch: the packed B panel (one array per row), one gathered A row, one C accumulator, and
     * the positions and values of an A row's non-zeros.
     */
    static final class Workspace {
        final float[][] panel = new float[KC][];
        final float[] aRow = new float[KC];
        final float[] acc = new float[NC];
        final int[] nonZero = new int[KC];
        final float[] values = new float[KC];

        float[][] panel(int rows) {
            for (int p = 0; p < rows; p++) {
                if (panel[p] == null) {
                    panel[p] = new float[NC];
                }
            }
            return panel;
        }
    }

    private static final ThreadLocal<Workspace> WORKSPACE = new ThreadLocal<Workspace>() {
        @Override
        protected Workspace initialValue() {
            return new Workspace();
        }
    };

    static Workspace workspace() {
        return WORKSPACE.get();
    }

    /**
     * Adds {@code alpha · op(A)[i0:i1, :] · op(B)[:, j0:j1]} into C's rows {@code [i0, i1)} and columns
     * {@code [j0, j1)} after scaling them by {@code beta} (0: overwritten without being read). Needs k >= 1.
     */
    static void multiply(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k, float alpha,
                         float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                         float beta, float[] c, int cOffset, int ldc, Workspace ws) {
        float[][] panel = ws.panel(Math.min(KC, k));
        float[] aRow = ws.aRow;
        float[] acc = ws.acc;
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                pack(transB, pc, kc, jc, nc, b, bOffset, ldb, panel);
                for (int i = i0; i < i1; i++) {
                    float[] ar;
                    int ai;
                    if (transA) {
                        // op(A)[i, pc + p] = a[(pc + p)·lda + i]: gather the strided column once
                        int src = aOffset + pc * lda + i;
                        for (int p = 0; p < kc; p++, src += lda) {
                            aRow[p] = a[src];
                        }
                        ar = aRow;
                        ai = 0;
                    } else {
                        ar = a;
                        ai = aOffset + i * lda + pc;
                    }
                    int cr = cOffset + i * ldc + jc;
                    if (pc > 0 || beta == 1f) {
                        System.arraycopy(c, cr, acc, 0, nc);
                    } else if (beta == 0f) {
                        for (int j = 0; j < nc; j++) {
                            acc[j] = 0f;
                        }
                    } else {
                        System.arraycopy(c, cr, acc, 0, nc);
                        for (int j = 0; j < nc; j++) {
                            acc[j] *= beta;
                        }
                    }
                    rowUpdate(ar, ai, kc, alpha, panel, nc, acc, ws.nonZero, ws.values);
                    System.arraycopy(acc, 0, c, cr, nc);
                }
            }
        }
    }

    /** {@code panel[p][j] = op(B)[pc + p, jc + j]}. */
    private static void pack(boolean transB, int pc, int kc, int jc, int nc, float[] b, int bOffset, int ldb,
                             float[][] panel) {
        if (!transB) {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, bOffset + (pc + p) * ldb + jc, panel[p], 0, nc);
            }
        } else {
            // op(B)[pc + p, jc + j] = b[(jc + j)·ldb + pc + p]: read B's rows along memory
            for (int j = 0; j < nc; j++) {
                int src = bOffset + (jc + j) * ldb + pc;
                for (int p = 0; p < kc; p++) {
                    panel[p][j] = b[src + p];
                }
            }
        }
    }

    /**
     * {@code acc[j] += alpha · Σ_p a[ai + p] · panel[p][j]} for j in [0, nc). The non-zero entries of the A row
     * are gathered first (branch-free: every entry is written, only non-zeros advance the count), so a sparse row
     * — gradients after ReLU and max-pooling are mostly zeros — costs sweeps only for its non-zeros, still four
     * per sweep. A zero entry is skipped entirely: {@code 0 · Inf} contributes nothing rather than NaN.
     */
    private static void rowUpdate(float[] a, int ai, int kc, float alpha, float[][] panel, int nc, float[] acc,
                                  int[] nonZero, float[] values) {
        int count = 0;
        for (int p = 0; p < kc; p++) {
            float v = a[ai + p];
            nonZero[count] = p;
            values[count] = alpha * v;
            count += v != 0f ? 1 : 0;
        }
        int q = 0;
        for (; q + 3 < count; q += 4) {
            float a0 = values[q];
            float a1 = values[q + 1];
            float a2 = values[q + 2];
            float a3 = values[q + 3];
            float[] b0 = panel[nonZero[q]];
            float[] b1 = panel[nonZero[q + 1]];
            float[] b2 = panel[nonZero[q + 2]];
            float[] b3 = panel[nonZero[q + 3]];
            for (int j = 0; j < nc; j++) {
                acc[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
            }
        }
        for (; q < count; q++) {
            float a0 = values[q];
            float[] b0 = panel[nonZero[q]];
            for (int j = 0; j < nc; j++) {
                acc[j] += a0 * b0[j];
            }
        }
    }
}
