package io.neuronlab.mllib.tensor;

/**
 * The cache-blocked single-thread kernel behind {@link Gemm}: computes {@code C[rows, cols] += alpha · op(A) ·
 * op(B)} for a rectangle of C.
 *
 * <p>Blocking: op(B) is taken block by block ({@link #KC} rows × {@link #NC} columns) so a block stays in L2
 * while every row of the rectangle sweeps over it; a transposed B block is first copied into a contiguous panel
 * (rows of op(B) then run along memory), an untransposed one is read in place. A transposed A row is gathered
 * into a contiguous strip first. The inner loop adds four rank-1 updates at once
 * ({@code c[j] += a0·b0[j] + a1·b1[j] + a2·b2[j] + a3·b3[j]}): unit stride over j, so HotSpot's superword pass
 * turns it into SIMD code, and one load/store of C per four multiply-adds. Plain Java, so it runs on Android too.
 *
 * <p>Scratch panels live in a per-thread {@link Workspace} that only grows: repeated shapes make no garbage.
 */
final class GemmKernel {
    /** Depth of one packed panel (rows of op(B)). */
    static final int KC = 256;
    /** Width of one packed panel (columns of op(B)); a C row slice of this width stays in L1. */
    static final int NC = 512;

    private GemmKernel() {
    }

    /** Per-thread scratch: the packed B panel and one gathered A row. */
    static final class Workspace {
        float[] panel = new float[0];
        float[] aRow = new float[KC];

        float[] panel(int size) {
            if (panel.length < size) {
                panel = new float[size];
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
     * {@code [j0, j1)}. C must already hold {@code beta · C}.
     */
    static void multiply(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k, float alpha,
                         float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                         float[] c, int cOffset, int ldc, Workspace ws) {
        int kcMax = Math.min(KC, k);
        float[] panel = transB ? ws.panel(kcMax * Math.min(NC, j1 - j0)) : null;
        float[] aRow = ws.aRow;
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float[] bp;
                int bOff;
                int bStride;
                if (transB) {
                    packTransposed(pc, kc, jc, nc, b, bOffset, ldb, panel);
                    bp = panel;
                    bOff = 0;
                    bStride = nc;
                } else {
                    // op(B) rows are already contiguous: read them in place, no copy
                    bp = b;
                    bOff = bOffset + pc * ldb + jc;
                    bStride = ldb;
                }
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
                    rowUpdate(ar, ai, kc, alpha, bp, bOff, bStride, nc, c, cOffset + i * ldc + jc);
                }
            }
        }
    }

    /** {@code panel[p·nc + j] = op(B)[pc + p, jc + j] = b[(jc + j)·ldb + pc + p]}. */
    private static void packTransposed(int pc, int kc, int jc, int nc, float[] b, int bOffset, int ldb, float[] panel) {
        for (int j = 0; j < nc; j++) {
            int src = bOffset + (jc + j) * ldb + pc;
            for (int p = 0, dst = j; p < kc; p++, dst += nc) {
                panel[dst] = b[src + p];
            }
        }
    }

    /** {@code c[cr + j] += alpha · Σ_p a[ai + p] · b[bo + p·bs + j]} for j in [0, nc). */
    private static void rowUpdate(float[] a, int ai, int kc, float alpha, float[] b, int bo, int bs, int nc,
                                  float[] c, int cr) {
        int p = 0;
        for (; p + 3 < kc; p += 4) {
            float a0 = alpha * a[ai + p];
            float a1 = alpha * a[ai + p + 1];
            float a2 = alpha * a[ai + p + 2];
            float a3 = alpha * a[ai + p + 3];
            if (a0 == 0f & a1 == 0f & a2 == 0f & a3 == 0f) {
                continue; // ReLU gradients and padding are often zero: skip the whole sweep
            }
            int b0 = bo + p * bs;
            int b1 = b0 + bs;
            int b2 = b1 + bs;
            int b3 = b2 + bs;
            for (int j = 0; j < nc; j++) {
                c[cr + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
            }
        }
        for (; p < kc; p++) {
            float a0 = alpha * a[ai + p];
            if (a0 == 0f) {
                continue;
            }
            int b0 = bo + p * bs;
            for (int j = 0; j < nc; j++) {
                c[cr + j] += a0 * b[b0 + j];
            }
        }
    }
}
