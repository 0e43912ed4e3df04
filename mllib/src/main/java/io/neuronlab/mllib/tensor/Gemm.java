package io.neuronlab.mllib.tensor;

/**
 * General matrix multiply on row-major float arrays, in BLAS's form:
 * {@code C = alpha * op(A) * op(B) + beta * C}, where op(X) is X or its transpose.
 * op(A) is [m, k], op(B) is [k, n], C is [m, n]; lda/ldb/ldc are the row strides of the arrays as stored.
 * This is the one hot loop of the library (Linear and Conv2d via im2col both land here).
 *
 * <p>As in BLAS, {@code beta == 0} overwrites C without reading it. Large products are cut into row (or column)
 * bands and spread over {@link Parallel}'s threads; each band runs the kernel {@link GemmKernels} chose (the
 * plain-Java {@link GemmKernel}, or the Vector API one on a desktop JVM with {@code jdk.incubator.vector}).
 * Zero entries of op(A) are skipped, so {@code 0 · Inf} contributes 0 rather than NaN.
 */
public final class Gemm {
    /** Below this many multiply-adds a product runs on the calling thread (handing off costs more). */
    static final long PARALLEL_MIN_WORK = 1L << 18;
    /** Chosen once: the Vector API kernel on a desktop JVM that has the module, else the plain-Java one. */
    private static final RectangleKernel KERNEL = GemmKernels.choose();

    private Gemm() {
    }

    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc) {
        if (trivial(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc)) {
            return;
        }
        long t0 = Profiler.start();
        multiply(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        Profiler.stop(Profiler.GEMM, t0);
    }

    /**
     * Checks the arguments and does the products that need no kernel: nothing when C is empty, C = beta·C when
     * k is 0 or alpha is 0. True when C is done.
     */
    private static boolean trivial(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                   float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                                   float beta, float[] c, int cOffset, int ldc) {
        check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        if (m == 0 || n == 0) {
            return true;
        }
        if (k == 0 || alpha == 0f) {
            scale(m, n, beta, c, cOffset, ldc);
            return true;
        }
        return false;
    }

    /**
     * {@link #sgemm} for an op(A) known to be mostly zeros in scattered places (a convolution's output gradient after
     * ReLU and max-pooling): always the plain kernel, which skips zeros row by row, on the calling thread. The Vector
     * API kernel would pack a block of A only to find it scattered and hand over to the plain kernel anyway.
     */
    public static void sgemmSparseA(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                    float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                                    float beta, float[] c, int cOffset, int ldc) {
        if (trivial(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc)) {
            return;
        }
        long t0 = Profiler.start();
        GemmKernels.plain().multiply(transA, transB, 0, m, 0, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c,
            cOffset, ldc);
        Profiler.stop(Profiler.GEMM, t0);
    }

    /**
     * {@link #sgemm} with A as stored ({@code transA} false) and alpha 1, for an A known to be dense — a
     * convolution's filters times its columns: the kernel reads A in place ({@link RectangleKernel#multiplyDenseA}).
     * Same results and contract as {@link #sgemm}.
     */
    public static void sgemmDenseA(boolean transB, int m, int n, int k, float[] a, int aOffset, int lda, float[] b,
                                   int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
        if (trivial(false, transB, m, n, k, 1f, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc)) {
            return;
        }
        long t0 = Profiler.start();
        long work = (long) m * n * k;
        int threads = Parallel.threads();
        if (threads == 1 || work < PARALLEL_MIN_WORK) {
            KERNEL.multiplyDenseA(transB, 0, m, 0, n, k, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        } else if (m >= 4 * threads || m >= n) {
            // row bands in whole register tiles (4 rows), so that every band is read in place
            int tiles = (m + 3) / 4;
            Parallel.forRange(tiles, threads, (part, from, to) -> KERNEL.multiplyDenseA(transB, from * 4,
                Math.min(m, to * 4), 0, n, k, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc));
        } else {
            int units = (n + 15) / 16;
            Parallel.forRange(units, threads, (part, from, to) -> KERNEL.multiplyDenseA(transB, 0, m, from * 16,
                Math.min(n, to * 16), k, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc));
        }
        Profiler.stop(Profiler.GEMM, t0);
    }

    private static void multiply(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                 float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                                 float beta, float[] c, int cOffset, int ldc) {
        long work = (long) m * n * k;
        int threads = Parallel.threads();
        if (threads == 1 || work < PARALLEL_MIN_WORK) {
            KERNEL.multiply(transA, transB, 0, m, 0, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc);
        } else if (m >= 4 * threads || m >= n) {
            // row bands share nothing but read all of B: each thread packs its own panels
            Parallel.forRange(m, threads, (part, from, to) -> KERNEL.multiply(transA, transB, from, to, 0, n, k,
                alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc));
        } else {
            // few rows (e.g. a convolution's output channels): cut the columns instead, in 16-wide units
            int units = (n + 15) / 16;
            Parallel.forRange(units, threads, (part, from, to) -> KERNEL.multiply(transA, transB, 0, m,
                from * 16, Math.min(n, to * 16), k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc));
        }
    }

    /**
     * {@code C[m, n] = beta · C + alpha · Σ_t A_t · B_tᵀ} over {@code batch} pairs of row-major matrices, A_t
     * {@code [m, k]} at {@code aOffset + t·aStride} and B_t {@code [n, k]} at {@code bOffset + t·bStride}; on the
     * calling thread (the callers, a convolution's backward, already split their batch over threads). Same contract
     * as {@link #sgemm}: beta 0 overwrites C, zero entries of A add nothing.
     */
    public static void sgemmSumNT(int batch, int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
                                  int aStride, float[] b, int bOffset, int ldb, int bStride, float beta, float[] c,
                                  int cOffset, int ldc) {
        if (batch < 0 || aStride < 0 || bStride < 0) {
            throw new IllegalArgumentException("sgemmSumNT needs batch and strides >= 0, got batch " + batch
                + ", strides " + aStride + " and " + bStride);
        }
        if (batch == 0 || k == 0 || alpha == 0f) {
            check(false, true, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
            if (m > 0 && n > 0) {
                scale(m, n, beta, c, cOffset, ldc);
            }
            return;
        }
        // the first and the last pair bound every other one
        check(false, true, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        check(false, true, m, n, k, a, aOffset + (batch - 1) * aStride, lda, b, bOffset + (batch - 1) * bStride, ldb,
            c, cOffset, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        long t0 = Profiler.start();
        KERNEL.multiplySumNT(batch, m, n, k, alpha, a, aOffset, lda, aStride, b, bOffset, ldb, bStride, beta, c,
            cOffset, ldc);
        Profiler.stop(Profiler.GEMM, t0);
    }

    /**
     * Whether {@link #sgemmSumNT} sums in vector registers (the Vector API kernel). A convolution with short filter
     * rows keeps elementwise products for its weight gradient only when it does not: LeNet's first layer's dW took
     * 400 µs per batch of 64 this way against 880 µs as products; with the plain kernel products are faster.
     */
    public static boolean sumsInRegisters() {
        return KERNEL.sumsInRegisters();
    }

    /** The kernel in use: "plain" (Java loops HotSpot may auto-vectorize; Android) or "vector (…)". */
    public static String kernelName() {
        return KERNEL.name();
    }

    /** C[m,n] = A[m,k] · B[k,n], all dense row-major, C overwritten. */
    public static void matmul(float[] a, float[] b, float[] c, int m, int k, int n) {
        sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
    }

    private static void scale(int m, int n, float beta, float[] c, int cOffset, int ldc) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, row, row + n, 0f);
            } else {
                for (int j = row; j < row + n; j++) {
                    c[j] *= beta;
                }
            }
        }
    }

    private static void check(boolean transA, boolean transB, int m, int n, int k,
                              float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                              float[] c, int cOffset, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("sgemm sizes must be >= 0, got m=" + m + ", n=" + n + ", k=" + k);
        }
        if (m == 0 || n == 0) {
            return;
        }
        // stored shapes: A is [m,k] or [k,m]; B is [k,n] or [n,k]
        requireFits("A", a, aOffset, lda, transA ? k : m, transA ? m : k);
        requireFits("B", b, bOffset, ldb, transB ? n : k, transB ? k : n);
        requireFits("C", c, cOffset, ldc, m, n);
    }

    private static void requireFits(String name, float[] x, int offset, int ld, int rows, int cols) {
        if (rows == 0 || cols == 0) {
            return;
        }
        if (ld < cols) {
            throw new IllegalArgumentException("sgemm: leading dimension of " + name + " is " + ld
                + " but its stored rows have " + cols + " columns");
        }
        long last = (long) offset + (long) (rows - 1) * ld + cols;
        if (offset < 0 || last > x.length) {
            throw new IllegalArgumentException("sgemm: " + name + " stored as [" + rows + ", " + cols + "] with stride "
                + ld + " from offset " + offset + " needs " + last + " floats but the array has " + x.length);
        }
    }
}
