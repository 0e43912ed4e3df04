package io.neuronlab.mllib.tensor;

/**
 * General matrix multiply on row-major float arrays, in BLAS's form:
 * {@code C = alpha * op(A) * op(B) + beta * C}, where op(X) is X or its transpose.
 * op(A) is [m, k], op(B) is [k, n], C is [m, n]; lda/ldb/ldc are the row strides of the arrays as stored.
 * This is the one hot loop of the library (Linear and Conv2d via im2col both land here).
 */
public final class Gemm {
    private Gemm() {
    }

    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc) {
        for (int i = 0; i < m; i++) {
            int cRow = cOffset + i * ldc;
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                    float bv = transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
                    sum += av * bv;
                }
                c[cRow + j] = alpha * sum + (beta == 0f ? 0f : beta * c[cRow + j]);
            }
        }
    }

    /** C[m,n] = A[m,k] · B[k,n], all dense row-major, C overwritten. */
    public static void matmul(float[] a, float[] b, float[] c, int m, int k, int n) {
        sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
    }
}
