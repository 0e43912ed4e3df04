package io.neuronlab.mllib.tensor;

/**
 * A single-thread GEMM kernel for one rectangle of C: {@code C[i0:i1, j0:j1] = beta · C + alpha · op(A)[i0:i1, :] ·
 * op(B)[:, j0:j1]} (beta 0: C overwritten without being read; needs k >= 1). Zero entries of op(A) contribute
 * nothing, so {@code 0 · Inf} adds 0 rather than NaN. {@link Gemm} splits a product over threads and hands each
 * share to the kernel {@link GemmKernels} chose: the plain-Java {@link GemmKernel} everywhere, or, on a desktop
 * JVM started with {@code --add-modules jdk.incubator.vector}, the Vector API kernel.
 */
interface RectangleKernel {
    void multiply(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k, float alpha,
                  float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                  float beta, float[] c, int cOffset, int ldc);

    /**
     * {@link #multiply} with op(A) = A as stored and {@code alpha = 1}, for an A that is dense (a convolution's
     * filters): the Vector API kernel then reads A in place instead of packing it and looking for zero steps, which
     * for a short product (ResNet-18's last stage: 49 output positions against 4,608-long filter rows) costs as
     * much as the multiplications. Same results and the same contract: a zero of A still adds nothing.
     */
    default void multiplyDenseA(boolean transB, int i0, int i1, int j0, int j1, int k, float[] a, int aOffset,
                                int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
        multiply(false, transB, i0, i1, j0, j1, k, 1f, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    /**
     * {@code C[m, n] = beta · C + alpha · Σ_t A_t · B_tᵀ} for t below {@code batch} (batch ≥ 1), with A_t {@code [m, k]}
     * at {@code aOffset + t·aStride} and B_t {@code [n, k]} at {@code bOffset + t·bStride}, on the calling thread: a
     * sum of products over a batch, as a convolution's weight gradient over its images. By default one product
     * per t; the Vector API kernel sums the whole batch in registers.
     */
    default void multiplySumNT(int batch, int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
                               int aStride, float[] b, int bOffset, int ldb, int bStride, float beta, float[] c,
                               int cOffset, int ldc) {
        for (int t = 0; t < batch; t++) {
            multiply(false, true, 0, m, 0, n, k, alpha, a, aOffset + t * aStride, lda, b, bOffset + t * bStride, ldb,
                t == 0 ? beta : 1f, c, cOffset, ldc);
        }
    }

    /**
     * Whether {@link #multiplySumNT} sums dot products in vector registers (the Vector API kernel): then it beats
     * keeping elementwise products for a convolution's weight gradient even when filter rows are short.
     */
    default boolean sumsInRegisters() {
        return false;
    }

    /** What the bench prints: "plain" or "vector (…)". */
    String name();
}
