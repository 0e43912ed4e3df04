package io.neuronlab.mllib.tensor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Random;

import org.junit.Test;

/**
 * The Vector API kernel against the plain-Java kernel on the same rectangles: equal within float rounding on odd
 * sizes, every transpose, offsets and padded strides, alpha/beta cases, sparse rows, and with the plain kernel's
 * handling of zeros, Inf and NaN (a zero of op(A) adds nothing even against an Inf of op(B)). The surefire JVM
 * runs with {@code --add-modules jdk.incubator.vector}, so the vector kernel must load here.
 */
public class GemmKernelsTest {
    private static final RectangleKernel PLAIN = GemmKernels.plain();
    private static final RectangleKernel VECTOR = GemmKernels.vector();

    @Test
    public void vectorKernelLoadsOnThisJvmAndIsChosen() {
        assertNotNull("jdk.incubator.vector missing: surefire must pass --add-modules jdk.incubator.vector", VECTOR);
        assertTrue(Gemm.kernelName(), Gemm.kernelName().startsWith("vector"));
        assertEquals("plain", PLAIN.name());
    }

    /** Sizes around the tile (MR × NR), block (KC, NC, MC) and lane edges, every transpose, several alpha/beta. */
    @Test
    public void oddSizesAndTransposesMatchThePlainKernel() {
        Random r = new Random(7);
        int[] sizes = {1, 2, 3, 5, 7, 15, 16, 17, 31, 33, 63, 65, 100, 257, 513};
        float[][] alphaBeta = {{1f, 0f}, {1f, 1f}, {0.5f, -1.25f}, {-2f, 0f}};
        for (int trial = 0; trial < 120; trial++) {
            int m = sizes[r.nextInt(sizes.length)];
            int n = sizes[r.nextInt(sizes.length)];
            int k = sizes[r.nextInt(sizes.length)];
            if ((long) m * n * k > 8_000_000) {
                continue;
            }
            float[] ab = alphaBeta[trial % alphaBeta.length];
            compare(r, (trial & 1) != 0, (trial & 2) != 0, m, n, k, ab[0], ab[1], 0.0);
        }
    }

    /** Mostly-zero rows of op(A), as gradients after ReLU and pooling, including all-zero rows and blocks. */
    @Test
    public void sparseRowsMatchThePlainKernel() {
        Random r = new Random(11);
        for (double zeros : new double[] {0.5, 0.9, 1.0}) {
            for (int trial = 0; trial < 8; trial++) {
                compare(r, (trial & 1) != 0, (trial & 2) != 0, 37 + trial, 70, 300, 1f, trial % 3 == 0 ? 1f : 0f,
                    zeros);
            }
        }
    }

    /** Gemm.sgemmSparseA (the plain kernel, always) gives sgemm's results: sparse A, transposes, Inf/NaN in B. */
    @Test
    public void sparseAEntryMatchesSgemm() {
        Random r = new Random(13);
        for (int trial = 0; trial < 16; trial++) {
            boolean transA = (trial & 1) != 0;
            boolean transB = (trial & 2) != 0;
            int m = 5 + 11 * (trial % 5);
            int n = 3 + 17 * (trial % 4);
            int k = 1 + 7 * (trial % 3);
            float[] a = new float[m * k];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextInt(4) == 0 ? (float) r.nextGaussian() : 0f;
            }
            float[] b = new float[k * n];
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) r.nextGaussian();
            }
            if (trial >= 8) {
                b[trial % b.length] = trial % 2 == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
            }
            float[] expected = new float[m * n];
            float[] got = new float[m * n];
            java.util.Arrays.fill(expected, 0.5f);
            java.util.Arrays.fill(got, 0.5f);
            float beta = trial % 3 == 0 ? 0f : 1f;
            Gemm.sgemm(transA, transB, m, n, k, 1.5f, a, 0, transA ? m : k, b, 0, transB ? k : n, beta, expected, 0, n);
            Gemm.sgemmSparseA(transA, transB, m, n, k, 1.5f, a, 0, transA ? m : k, b, 0, transB ? k : n, beta, got, 0, n);
            for (int i = 0; i < got.length; i++) {
                if (Float.isNaN(expected[i]) || Float.isInfinite(expected[i])) {
                    assertEquals("trial " + trial + " entry " + i, expected[i], got[i], 0f);
                } else {
                    assertEquals("trial " + trial + " entry " + i, expected[i], got[i], 1e-4f * (1 + Math.abs(expected[i])));
                }
            }
        }
    }

    /** Inf and NaN in op(B) next to zeros of op(A): 0 · Inf adds 0 in both kernels; non-zeros carry Inf/NaN. */
    @Test
    public void infAndNanPropagateAsInThePlainKernel() {
        int m = 9;
        int n = 40;
        int k = 21;
        Random r = new Random(3);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextFloat() - 0.5f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextFloat() - 0.5f;
        }
        b[5 * n + 3] = Float.POSITIVE_INFINITY; // row 5 of B
        b[6 * n + 30] = Float.NaN;             // row 6 of B
        for (int i = 0; i < m; i++) {
            a[i * k + 5] = 0f; // every row: a zero against the Inf ...
        }
        a[2 * k + 5] = 0.5f;  // ... except row 2: + Inf in C[2, 3]
        a[7 * k + 5] = -0.5f; // row 7: - Inf in C[7, 3]
        a[4 * k + 6] = 0f;    // row 4 skips the NaN row, every other row picks it up in column 30
        float[] plain = new float[m * n];
        float[] vector = new float[m * n];
        PLAIN.multiply(false, false, 0, m, 0, n, k, 1f, a, 0, k, b, 0, n, 0f, plain, 0, n);
        VECTOR.multiply(false, false, 0, m, 0, n, k, 1f, a, 0, k, b, 0, n, 0f, vector, 0, n);
        for (int i = 0; i < m; i++) {
            float expected3 = i == 2 ? Float.POSITIVE_INFINITY : i == 7 ? Float.NEGATIVE_INFINITY : Float.NaN;
            if (i == 2 || i == 7) {
                assertEquals("C[" + i + ", 3]", expected3, vector[i * n + 3], 0f);
            } else {
                assertTrue("C[" + i + ", 3] finite: the zero skipped the Inf", Float.isFinite(vector[i * n + 3]));
            }
            assertEquals("NaN in C[" + i + ", 30]", i != 4, Float.isNaN(vector[i * n + 30]));
        }
        assertClose(plain, vector, 1e-5);
        // a NaN already in C survives beta = 1 and is dropped by beta = 0 (C is not read)
        float[] c = new float[m * n];
        c[0] = Float.NaN;
        VECTOR.multiply(false, false, 0, m, 0, n, k, 1f, a, 0, k, b, 0, n, 1f, c, 0, n);
        assertTrue(Float.isNaN(c[0]));
        VECTOR.multiply(false, false, 0, m, 0, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
        assertEquals(plain[0], c[0], 1e-5f);
    }

    /**
     * The same with B transposed and a long k (the dot-product path: a convolution's dW = dout · colᵀ): a zero of A
     * against an Inf of B adds 0, a non-zero carries it; sizes off the 4×4 tile and off the lane width.
     */
    @Test
    public void infAndNanPropagateAsInThePlainKernelWithBTransposed() {
        int m = 7;
        int n = 6;
        int k = 301;
        Random r = new Random(4);
        float[] a = random(r, m * k, 0);
        float[] b = random(r, n * k, 0); // stored [n, k]: op(B) = Bᵀ
        b[3 * k + 200] = Float.POSITIVE_INFINITY; // column 3 of op(B), step 200 (inside the vector part)
        b[5 * k + 300] = Float.NaN;               // column 5, step 300 (the scalar tail)
        for (int i = 0; i < m; i++) {
            a[i * k + 200] = 0f;
        }
        a[2 * k + 200] = 0.5f;
        a[4 * k + 300] = 0f;
        float[] plain = new float[m * n];
        float[] vector = new float[m * n];
        PLAIN.multiply(false, true, 0, m, 0, n, k, 1f, a, 0, k, b, 0, k, 0f, plain, 0, n);
        VECTOR.multiply(false, true, 0, m, 0, n, k, 1f, a, 0, k, b, 0, k, 0f, vector, 0, n);
        for (int i = 0; i < m; i++) {
            assertEquals("C[" + i + ", 3] infinite only where A is not zero", i == 2,
                Float.isInfinite(vector[i * n + 3]));
            assertEquals("NaN in C[" + i + ", 5]", i != 4, Float.isNaN(vector[i * n + 5]));
        }
        assertClose(plain, vector, 1e-4);
    }

    /**
     * A sum of products over a batch ({@code Σ_t A_t · B_tᵀ}, a convolution's dW over its images): the vector
     * kernel, which sums the whole batch in registers, agrees with one plain product per pair, for shapes off the
     * tile and lane sizes, sparse A, every beta, and an Inf of B under a zero of A in one pair only.
     */
    @Test
    public void batchedSumOfProductsMatchesOneProductPerPair() {
        Random r = new Random(9);
        int[][] shapes = {{16, 150, 64, 32}, {6, 25, 576, 3}, {7, 13, 49, 20}, {64, 576, 64, 5}, {5, 3, 17, 40}};
        for (int[] sh : shapes) {
            int m = sh[0], n = sh[1], k = sh[2], batch = sh[3];
            int aStride = m * k + 3, bStride = n * k + 5; // pairs not packed back to back
            float[] a = random(r, 2 + batch * aStride, 0.6);
            float[] b = random(r, 1 + batch * bStride, 0);
            b[1 + (batch / 2) * bStride + 2 * k + 1] = Float.POSITIVE_INFINITY; // pair batch/2, row 2 of B, step 1
            for (int i = 0; i < m; i++) {
                a[2 + (batch / 2) * aStride + i * k + 1] = 0f;
            }
            for (float beta : new float[] {0f, 1f, -0.5f}) {
                float[] c0 = random(r, m * n, 0);
                float[] plain = c0.clone();
                float[] vector = c0.clone();
                PLAIN.multiplySumNT(batch, m, n, k, 0.75f, a, 2, k, aStride, b, 1, k, bStride, beta, plain, 0, n);
                VECTOR.multiplySumNT(batch, m, n, k, 0.75f, a, 2, k, aStride, b, 1, k, bStride, beta, vector, 0, n);
                for (float v : vector) {
                    assertTrue("the Inf met only zeros: every sum finite", Float.isFinite(v));
                }
                assertClose(plain, vector, 4e-6 * batch * k);
            }
        }
    }

    /** A sub-rectangle of C (as Gemm's threads use) leaves everything else untouched. */
    @Test
    public void onlyTheRectangleIsWritten() {
        Random r = new Random(5);
        int m = 50;
        int n = 70;
        int k = 33;
        float[] a = random(r, m * k, 0);
        float[] b = random(r, k * n, 0);
        float[] c = random(r, m * n, 0);
        float[] before = c.clone();
        VECTOR.multiply(false, false, 10, 23, 17, 49, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                boolean inside = i >= 10 && i < 23 && j >= 17 && j < 49;
                if (!inside) {
                    assertEquals(before[i * n + j], c[i * n + j], 0f);
                } else {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += (double) a[i * k + p] * b[p * n + j];
                    }
                    assertEquals(s, c[i * n + j], 1e-4);
                }
            }
        }
    }

    /**
     * multiplyDenseA (A read in place) against the plain kernel: odd sizes around the tile and block edges, row
     * rectangles not starting at 0 or not a multiple of the tile's 4 rows, both layouts of B, beta cases, zeros in A
     * against Inf and NaN in B; and Gemm.sgemmDenseA on 1 and 2 threads against Gemm.sgemm.
     */
    @Test
    public void denseAInPlaceMatchesThePlainKernel() {
        Random r = new Random(17);
        int[] sizes = {1, 3, 4, 5, 8, 17, 31, 33, 49, 64, 65, 257, 300, 513};
        float[] betas = {0f, 1f, -0.5f};
        for (int trial = 0; trial < 90; trial++) {
            int m = sizes[r.nextInt(sizes.length)];
            int n = sizes[r.nextInt(sizes.length)];
            int k = sizes[r.nextInt(sizes.length)];
            boolean tb = (trial & 1) != 0;
            float beta = betas[trial % betas.length];
            int lda = k + r.nextInt(3);
            int ldb = (tb ? k : n) + r.nextInt(3);
            int ldc = n + r.nextInt(3);
            int aOff = r.nextInt(4);
            int bOff = r.nextInt(4);
            int cOff = r.nextInt(4);
            float[] a = random(r, aOff + m * lda + 1, trial % 5 == 0 ? 0.3 : 0);
            float[] b = random(r, bOff + (tb ? n : k) * ldb + 1, 0);
            if (trial % 7 == 3) {
                a[aOff] = 0f; // op(A)[0, 0] = 0 against an Inf (or NaN) at op(B)[0, j]: adds nothing to row 0
                b[bOff + (tb ? (n - 1) * ldb : n - 1)] = trial % 2 == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
            }
            float[] c = random(r, cOff + m * ldc + 1, 0);
            int i0 = m > 2 && trial % 3 == 1 ? 1 : 0; // a rectangle of rows not aligned to the tile
            float[] plain = c.clone();
            float[] dense = c.clone();
            PLAIN.multiply(false, tb, i0, m, 0, n, k, 1f, a, aOff, lda, b, bOff, ldb, beta, plain, cOff, ldc);
            VECTOR.multiplyDenseA(tb, i0, m, 0, n, k, a, aOff, lda, b, bOff, ldb, beta, dense, cOff, ldc);
            assertClose(plain, dense, 4e-6 * Math.max(1, k));
        }
        int saved = Parallel.threads();
        try {
            for (int threads : new int[] {1, 2}) {
                Parallel.setThreads(threads);
                for (int[] s : new int[][] {{64, 3136, 576}, {512, 49, 300}, {6, 100, 150}, {130, 17, 600}, {2, 900, 200}}) {
                    float[] a = random(r, s[0] * s[2], 0);
                    float[] b = random(r, s[2] * s[1], 0);
                    float[] expected = new float[s[0] * s[1]];
                    float[] got = new float[s[0] * s[1]];
                    Gemm.sgemm(false, false, s[0], s[1], s[2], 1f, a, 0, s[2], b, 0, s[1], 0f, expected, 0, s[1]);
                    Gemm.sgemmDenseA(false, s[0], s[1], s[2], a, 0, s[2], b, 0, s[1], 0f, got, 0, s[1]);
                    assertClose(expected, got, 4e-6 * s[2]);
                }
            }
        } finally {
            Parallel.setThreads(saved);
        }
    }

    private static void compare(Random r, boolean ta, boolean tb, int m, int n, int k, float alpha, float beta,
                                double zeros) {
        int lda = (ta ? m : k) + r.nextInt(3);
        int ldb = (tb ? k : n) + r.nextInt(3);
        int ldc = n + r.nextInt(3);
        int aOff = r.nextInt(4);
        int bOff = r.nextInt(4);
        int cOff = r.nextInt(4);
        float[] a = random(r, aOff + (ta ? k : m) * lda + 1, zeros);
        float[] b = random(r, bOff + (tb ? n : k) * ldb + 1, 0);
        float[] c = random(r, cOff + m * ldc + 1, 0);
        float[] plain = c.clone();
        float[] vector = c.clone();
        PLAIN.multiply(ta, tb, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, plain, cOff, ldc);
        VECTOR.multiply(ta, tb, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, vector, cOff, ldc);
        // both sum k products of values in [-1, 1] in float, in different orders
        assertClose(plain, vector, 4e-6 * Math.max(1, k));
    }

    private static void assertClose(float[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (Float.isNaN(expected[i])) {
                assertTrue("index " + i, Float.isNaN(actual[i]));
            } else if (Float.isInfinite(expected[i])) {
                assertEquals("index " + i, expected[i], actual[i], 0f);
            } else {
                assertEquals("index " + i, expected[i], actual[i], tolerance);
            }
        }
    }

    private static float[] random(Random r, int size, double zeros) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = r.nextDouble() < zeros ? 0f : r.nextFloat() * 2f - 1f;
        }
        return x;
    }
}
