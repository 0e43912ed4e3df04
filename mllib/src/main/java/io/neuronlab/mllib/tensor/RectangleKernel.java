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

    /** What the bench prints: "plain" or "vector (…)". */
    String name();
}
