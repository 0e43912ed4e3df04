package io.neuronlab.mllib.tensor;

import io.neuronlab.mllib.DesktopOnly;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
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
 *   as op(B) is finite there. Where it is not, {@code 0 · Inf} would put a NaN into the tile's sums: a tile whose
 *   sums hold a NaN is therefore summed again in scalar code that skips every zero, as the plain kernel does
 *   (0 · Inf adds 0, not NaN, in both kernels). Checking the finished tile costs a few instructions; scanning all
 *   of op(B) up front, as this kernel first did, cost a quarter of a convolution network's training time.</li>
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
        final float[] sums = new float[16]; // one 4×4 tile of rowsTimesRows
        float[] sumA = new float[0];
        float[] sumB = new float[0];

        float[] sumA(int size) {
            if (sumA.length < size) {
                sumA = new float[size];
            }
            return sumA;
        }

        float[] sumB(int size) {
            if (sumB.length < size) {
                sumB = new float[size];
            }
            return sumB;
        }
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    @Override
    public boolean sumsInRegisters() {
        return true;
    }

    @Override
    public String name() {
        return "vector (jdk.incubator.vector, " + S.vectorBitSize() + "-bit, " + MR + "x" + NR + " tiles)";
    }

    @Override
    public void multiply(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k, float alpha,
                         float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                         float beta, float[] c, int cOffset, int ldc) {
        if (!transA && transB && k >= 12 * L) { // shorter sums: the lanes' final additions cost more than they save
            rowsTimesRows(WORKSPACE.get().sums, i0, i1, j0, j1, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c,
                cOffset, ldc);
            return;
        }
        if (i1 - i0 < MR || k < MR) {
            GemmKernel.multiply(transA, transB, i0, i1, j0, j1, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc, GemmKernel.workspace());
            return;
        }
        Workspace ws = WORKSPACE.get();
        boolean judged = false;
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
                    int nonZeros = packA(transA, ic, mc, pc, kc, alpha, a, aOffset, lda, ws);
                    if (!judged) {
                        judged = true;
                        if (scattered(ws, blocks, nonZeros)) { // nothing of C written yet
                            GemmKernel.multiply(transA, transB, i0, i1, j0, j1, k, alpha, a, aOffset, lda, b, bOffset,
                                ldb, beta, c, cOffset, ldc, GemmKernel.workspace());
                            return;
                        }
                    }
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

    /**
     * The loops of {@link #multiply} without packing A: each MR-row block of A is read where it lies (MR rows
     * {@code lda} apart), every step multiplied in. Blocks of fewer than MR rows (only at the end of an odd row count)
     * go through the packing path.
     */
    @Override
    public void multiplyDenseA(boolean transB, int i0, int i1, int j0, int j1, int k, float[] a, int aOffset, int lda,
                               float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
        if (transB && k >= 12 * L) { // the dot-product path, which packs nothing
            multiply(false, true, i0, i1, j0, j1, k, 1f, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            return;
        }
        int full = i0 + (i1 - i0) / MR * MR;
        if (full < i1) {
            multiply(false, transB, full, i1, j0, j1, k, 1f, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        }
        if (full == i0) {
            return;
        }
        Workspace ws = WORKSPACE.get();
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            int strips = (nc + NR - 1) / NR;
            int packedFrom = transB ? 0 : nc / NR;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(transB, pc, kc, jc + packedFrom * NR, nc - packedFrom * NR, b, bOffset, ldb, ws.b);
                float stepBeta = pc == 0 ? beta : 1f;
                for (int ic = i0; ic < full; ic += MC) {
                    int end = Math.min(full, ic + MC);
                    for (int s = 0; s < strips; s++) {
                        int width = Math.min(NR, nc - s * NR);
                        boolean packed = s >= packedFrom;
                        float[] bp = packed ? ws.b : b;
                        int bBase = packed ? (s - packedFrom) * kc * NR : bOffset + pc * ldb + jc + s * NR;
                        int bStride = packed ? NR : ldb;
                        for (int row = ic; row < end; row += MR) {
                            denseTile(ws, a, aOffset + row * lda + pc, lda, kc, bp, bBase, bStride, stepBeta, c,
                                cOffset + row * ldc + jc + s * NR, ldc, width);
                        }
                    }
                }
            }
        }
    }

    /**
     * One MR×NR tile of {@link #multiplyDenseA}: {@code C = beta·C + Σ_p A[r, p]·B[p]} for p below {@code kc}, the MR
     * rows of A from {@code a[at + r·lda]}, B's step p at {@code bp[bBase + p·bStride]}; the first {@code width}
     * columns are stored. A NaN in the sums (0 · Inf) sends the tile to the zero-skipping scalar sum.
     */
    private static void denseTile(Workspace ws, float[] a, int at, int lda, int kc, float[] bp, int bBase, int bStride,
                                  float beta, float[] c, int cAt, int ldc, int width) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        int a1 = at + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        for (int p = 0; p < kc; p++) {
            int bo = bBase + p * bStride;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector x = FloatVector.broadcast(S, a[at + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        FloatVector all = c00.add(c01).add(c10).add(c11).add(c20).add(c21).add(c30).add(c31);
        if (all.compare(VectorOperators.NE, all).anyTrue()) {
            for (int r = 0; r < MR; r++) {
                int row = cAt + r * ldc;
                int ar = at + r * lda;
                for (int j = 0; j < width; j++) {
                    float sum = 0f;
                    for (int p = 0; p < kc; p++) {
                        float v = a[ar + p];
                        if (v != 0f) {
                            sum += v * bp[bBase + p * bStride + j];
                        }
                    }
                    c[row + j] = beta == 0f ? sum : beta == 1f ? c[row + j] + sum : beta * c[row + j] + sum;
                }
            }
            return;
        }
        // the edge store below repeats tile()'s on purpose: one method taking the eight accumulators, tried on 5 Dec
        // 2026, took GEMM 128 from 150 to 14 GFLOP/s and ResNet-18 from 46 to 615 ms (vectors passed to a call the
        // JIT does not inline are boxed)
        if (width == NR) {
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
        for (int r = 0; r < MR; r++) {
            int row = cAt + r * ldc;
            for (int j = 0; j < width; j++) {
                float sum = t[r * NR + j];
                c[row + j] = beta == 0f ? sum : beta == 1f ? c[row + j] + sum : beta * c[row + j] + sum;
            }
        }
    }

    /** Floats of one packed chunk of B rows in {@link #multiplySumNT} (1 MiB: stays in L2). */
    static final int SUM_CHUNK_FLOATS = 1 << 18;

    /**
     * Sums over the batch by packing a chunk of pairs side by side along k — {@code [A_t | A_t+1 | …]} and the same
     * for B, every row one contiguous run — and taking the chunk as one long {@link #rowsTimesRows} product. The
     * copies cost one pass over the operands; what they buy is sums long enough for the lanes' final additions not
     * to matter, in the simple loop C2 compiles best (a loop over the pairs around the loop over k made it box the
     * sixteen sums, and a flat loop that jumped between pairs kept every load's bounds check).
     */
    @Override
    public void multiplySumNT(int batch, int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
                              int aStride, float[] b, int bOffset, int ldb, int bStride, float beta, float[] c,
                              int cOffset, int ldc) {
        int chunk = (int) Math.max(1, Math.min(batch, Math.min(SUM_CHUNK_FLOATS / ((long) n * k), 2048 / k)));
        if (chunk * k < 12 * L) {
            RectangleKernel.super.multiplySumNT(batch, m, n, k, alpha, a, aOffset, lda, aStride, b, bOffset, ldb,
                bStride, beta, c, cOffset, ldc);
            return;
        }
        Workspace ws = WORKSPACE.get();
        int width = chunk * k;
        float[] pa = ws.sumA(m * width);
        float[] pb = ws.sumB(n * width);
        for (int t0 = 0; t0 < batch; t0 += chunk) {
            int pairs = Math.min(chunk, batch - t0);
            int len = pairs * k;
            for (int t = 0; t < pairs; t++) {
                for (int i = 0; i < m; i++) {
                    System.arraycopy(a, aOffset + (t0 + t) * aStride + i * lda, pa, i * len + t * k, k);
                }
                for (int j = 0; j < n; j++) {
                    System.arraycopy(b, bOffset + (t0 + t) * bStride + j * ldb, pb, j * len + t * k, k);
                }
            }
            rowsTimesRows(ws.sums, 0, m, 0, n, len, alpha, pa, 0, len, pb, 0, len, t0 == 0 ? beta : 1f, c, cOffset,
                ldc);
        }
    }

    /**
     * {@code op(A) · op(B)} with A as stored and B transposed, over a long k: every entry of C is the dot product of
     * an A row and a B row, both contiguous in memory. So no packing: 4×4 entries at a time, each summed in its own
     * vector register along k (per step four loads of A, four of B, sixteen fused multiply-adds), the lanes added
     * up at the end. A convolution's weight gradient {@code dout · colᵀ} is this shape, with k the output positions.
     */
    private static void rowsTimesRows(float[] sums, int i0, int i1, int j0, int j1, int k, float alpha, float[] a,
                                      int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c,
                                      int cOffset, int ldc) {
        int kv = k - k % L;
        for (int i = i0; i < i1; i += 4) {
            int rows = Math.min(4, i1 - i);
            for (int j = j0; j < j1; j += 4) {
                int cols = Math.min(4, j1 - j);
                if (rows == 4 && cols == 4) {
                    dots4x4(a, aOffset + i * lda, lda, b, bOffset + j * ldb, ldb, kv, sums);
                } else {
                    for (int r = 0; r < rows; r++) {
                        for (int q = 0; q < cols; q++) {
                            sums[r * 4 + q] = dot(a, aOffset + (i + r) * lda, b, bOffset + (j + q) * ldb, kv);
                        }
                    }
                }
                for (int r = 0; r < rows; r++) {
                    int ar = aOffset + (i + r) * lda;
                    int row = cOffset + (i + r) * ldc + j;
                    for (int q = 0; q < cols; q++) {
                        int br = bOffset + (j + q) * ldb;
                        float sum = sums[r * 4 + q];
                        for (int p = kv; p < k; p++) {
                            sum += a[ar + p] * b[br + p];
                        }
                        if (sum != sum) {
                            sum = dotSkippingZeros(a, ar, b, br, k); // 0 · Inf must add 0, as in the plain kernel
                        }
                        float v = alpha * sum;
                        c[row + q] = beta == 0f ? v : beta == 1f ? c[row + q] + v : beta * c[row + q] + v;
                    }
                }
            }
        }
    }

    /** {@code sums[r·4 + q] = Σ_{p < kv} a[a0 + r·lda + p] · b[b0 + q·ldb + p]} for a 4×4 tile, kv a multiple of L. */
    private static void dots4x4(float[] a, int a0, int lda, float[] b, int b0, int ldb, int kv, float[] sums) {
        FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S), s02 = FloatVector.zero(S), s03 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S), s12 = FloatVector.zero(S), s13 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S), s22 = FloatVector.zero(S), s23 = FloatVector.zero(S);
        FloatVector s30 = FloatVector.zero(S), s31 = FloatVector.zero(S), s32 = FloatVector.zero(S), s33 = FloatVector.zero(S);
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int b1 = b0 + ldb;
        int b2 = b1 + ldb;
        int b3 = b2 + ldb;
        for (int p = 0; p < kv; p += L) {
            FloatVector x0 = FloatVector.fromArray(S, a, a0 + p);
            FloatVector x1 = FloatVector.fromArray(S, a, a1 + p);
            FloatVector x2 = FloatVector.fromArray(S, a, a2 + p);
            FloatVector x3 = FloatVector.fromArray(S, a, a3 + p);
            FloatVector y = FloatVector.fromArray(S, b, b0 + p);
            s00 = x0.fma(y, s00);
            s10 = x1.fma(y, s10);
            s20 = x2.fma(y, s20);
            s30 = x3.fma(y, s30);
            y = FloatVector.fromArray(S, b, b1 + p);
            s01 = x0.fma(y, s01);
            s11 = x1.fma(y, s11);
            s21 = x2.fma(y, s21);
            s31 = x3.fma(y, s31);
            y = FloatVector.fromArray(S, b, b2 + p);
            s02 = x0.fma(y, s02);
            s12 = x1.fma(y, s12);
            s22 = x2.fma(y, s22);
            s32 = x3.fma(y, s32);
            y = FloatVector.fromArray(S, b, b3 + p);
            s03 = x0.fma(y, s03);
            s13 = x1.fma(y, s13);
            s23 = x2.fma(y, s23);
            s33 = x3.fma(y, s33);
        }
        sums[0] = s00.reduceLanes(VectorOperators.ADD);
        sums[1] = s01.reduceLanes(VectorOperators.ADD);
        sums[2] = s02.reduceLanes(VectorOperators.ADD);
        sums[3] = s03.reduceLanes(VectorOperators.ADD);
        sums[4] = s10.reduceLanes(VectorOperators.ADD);
        sums[5] = s11.reduceLanes(VectorOperators.ADD);
        sums[6] = s12.reduceLanes(VectorOperators.ADD);
        sums[7] = s13.reduceLanes(VectorOperators.ADD);
        sums[8] = s20.reduceLanes(VectorOperators.ADD);
        sums[9] = s21.reduceLanes(VectorOperators.ADD);
        sums[10] = s22.reduceLanes(VectorOperators.ADD);
        sums[11] = s23.reduceLanes(VectorOperators.ADD);
        sums[12] = s30.reduceLanes(VectorOperators.ADD);
        sums[13] = s31.reduceLanes(VectorOperators.ADD);
        sums[14] = s32.reduceLanes(VectorOperators.ADD);
        sums[15] = s33.reduceLanes(VectorOperators.ADD);
    }

    /** {@code Σ_{p < kv} a[ai + p] · b[bi + p]}, kv a multiple of L. */
    private static float dot(float[] a, int ai, float[] b, int bi, int kv) {
        FloatVector s0 = FloatVector.zero(S);
        for (int p = 0; p < kv; p += L) {
            s0 = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bi + p), s0);
        }
        return s0.reduceLanes(VectorOperators.ADD);
    }

    /** The plain kernel's sum: zero entries of the A row skipped. */
    private static float dotSkippingZeros(float[] a, int ai, float[] b, int bi, int k) {
        float sum = 0f;
        for (int p = 0; p < k; p++) {
            float x = a[ai + p];
            if (x != 0f) {
                sum += x * b[bi + p];
            }
        }
        return sum;
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
     * Rows past mc are zero. Returns how many entries of the block are not zero.
     */
    private static int packA(boolean transA, int ic, int mc, int pc, int kc, float alpha, float[] a, int aOffset,
                              int lda, Workspace ws) {
        float[] dst = ws.a;
        int[] steps = ws.steps;
        int blocks = (mc + MR - 1) / MR;
        int nonZeros = 0;
        for (int blk = 0; blk < blocks; blk++) {
            int row0 = ic + blk * MR;
            int rows = Math.min(MR, mc - blk * MR);
            int count = 0;
            int base = blk * KC;
            if (rows == MR) {
                // a full block: four reads per step without the per-value row and transpose tests below
                int at = transA ? aOffset + pc * lda + row0 : aOffset + row0 * lda + pc;
                int rowStep = transA ? 1 : lda;
                int pStep = transA ? lda : 1;
                for (int p = 0; p < kc; p++, at += pStep) {
                    float v0 = a[at];
                    float v1 = a[at + rowStep];
                    float v2 = a[at + 2 * rowStep];
                    float v3 = a[at + 3 * rowStep];
                    int d = (base + count) * MR;
                    dst[d] = alpha * v0;
                    dst[d + 1] = alpha * v1;
                    dst[d + 2] = alpha * v2;
                    dst[d + 3] = alpha * v3;
                    int nz = (v0 != 0f ? 1 : 0) + (v1 != 0f ? 1 : 0) + (v2 != 0f ? 1 : 0) + (v3 != 0f ? 1 : 0);
                    nonZeros += nz;
                    steps[base + count] = p;
                    count += nz != 0 ? 1 : 0;
                }
                ws.counts[blk] = count;
                continue;
            }
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
                    nonZeros += v != 0f ? 1 : 0;
                }
                steps[base + count] = p;
                count += any ? 1 : 0;
            }
            ws.counts[blk] = count;
        }
        return nonZeros;
    }

    /**
     * True when op(A)'s zeros are so scattered that MR-row tiles, which skip a step only when all MR rows are 0
     * there, would multiply more than twice as many entries as there are non-zeros: the plain kernel skips zeros
     * row by row (gradients after ReLU and pooling, zeros in different places in every row). Judged on the first
     * packed block of A (up to MC rows × KC steps), which packing reads anyway: a separate scan of all of A cost
     * more than the product itself for a small convolution's GEMM.
     */
    private static boolean scattered(Workspace ws, int blocks, int nonZeros) {
        long tileSteps = 0;
        for (int blk = 0; blk < blocks; blk++) {
            tileSteps += (long) ws.counts[blk] * MR;
        }
        return tileSteps > 2L * nonZeros;
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
        // NaN != NaN: a lane of any sum that is NaN (0 · Inf, or a NaN or Inf in op(B)) shows in the mask
        FloatVector all = c00.add(c01).add(c10).add(c11).add(c20).add(c21).add(c30).add(c31);
        if (all.compare(VectorOperators.NE, all).anyTrue()) {
            skippingZeros(ws, blk, bp, bBase, bStride, beta, c, cAt, ldc, rows, width);
            return;
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

    /** The tile as the plain kernel sums it: every zero of op(A) skipped, so {@code 0 · Inf} adds nothing. */
    private static void skippingZeros(Workspace ws, int blk, float[] bp, int bBase, int bStride, float beta, float[] c,
                                      int cAt, int ldc, int rows, int width) {
        float[] ap = ws.a;
        int[] steps = ws.steps;
        int count = ws.counts[blk];
        int base = blk * KC;
        for (int r = 0; r < rows; r++) {
            int row = cAt + r * ldc;
            for (int j = 0; j < width; j++) {
                float sum = 0f;
                for (int q = 0; q < count; q++) {
                    float x = ap[(base + q) * MR + r];
                    if (x != 0f) {
                        sum += x * bp[bBase + steps[base + q] * bStride + j];
                    }
                }
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
