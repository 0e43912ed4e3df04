package io.neuronlab.mllib.tensor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Random;

import org.junit.After;
import org.junit.Test;

/** The blocked, threaded sgemm against a plain triple loop in double precision. */
public class GemmTest {
    private final int savedThreads = Parallel.threads();

    @After
    public void restoreThreads() {
        Parallel.setThreads(savedThreads);
    }

    /** Reference: C = alpha·op(A)·op(B) + beta·C, summed in double. */
    private static float[] naive(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                                 float[] b, int bOff, int ldb, float beta, float[] c0, int cOff, int ldc) {
        float[] c = c0.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bv = tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += av * bv;
                }
                int idx = cOff + i * ldc + j;
                c[idx] = (float) (alpha * s + (beta == 0f ? 0 : beta * (double) c0[idx]));
            }
        }
        return c;
    }

    private static float[] random(Random r, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = r.nextFloat() * 2f - 1f;
        }
        return x;
    }

    /** Runs one case with padded strides and offsets, so only the addressed window may change. */
    private static void check(Random r, boolean ta, boolean tb, int m, int n, int k, float alpha, float beta) {
        int aRows = ta ? k : m;
        int aCols = ta ? m : k;
        int bRows = tb ? n : k;
        int bCols = tb ? k : n;
        int lda = aCols + r.nextInt(3);
        int ldb = bCols + r.nextInt(3);
        int ldc = n + r.nextInt(3);
        int aOff = r.nextInt(4);
        int bOff = r.nextInt(4);
        int cOff = r.nextInt(4);
        float[] a = random(r, aOff + Math.max(0, aRows * lda) + 2);
        float[] b = random(r, bOff + Math.max(0, bRows * ldb) + 2);
        float[] c = random(r, cOff + m * ldc + 2);
        float[] expected = naive(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        Gemm.sgemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        String what = "m=" + m + " n=" + n + " k=" + k + " transA=" + ta + " transB=" + tb + " alpha=" + alpha
            + " beta=" + beta + " threads=" + Parallel.threads();
        for (int i = 0; i < c.length; i++) {
            // float sums of k terms of size <= 1: error grows like k·eps
            float tol = 1e-5f * (k + 4) * Math.max(1f, Math.abs(expected[i]));
            if (Math.abs(c[i] - expected[i]) > tol) {
                fail(what + ": c[" + i + "] = " + c[i] + ", expected " + expected[i]);
            }
        }
    }

    private static final int[][] SHAPES = {
        {1, 1, 1}, {7, 7, 7}, {65, 65, 65}, {129, 129, 129}, {1, 300, 5}, {300, 1, 5}, {3, 517, 260},
        {130, 17, 600}, {6, 784, 25}, {16, 100, 150}, {64, 120, 400}, {2, 3, 0}, {33, 1030, 9},
    };

    @Test
    public void matchesTripleLoopOnOddSizesAllTransposesSingleThread() {
        Parallel.setThreads(1);
        runAll(new Random(1));
    }

    @Test
    public void matchesTripleLoopOnOddSizesAllTransposesTwoThreads() {
        Parallel.setThreads(2);
        runAll(new Random(2));
    }

    @Test
    public void matchesTripleLoopWithMoreThreadsThanCores() {
        Parallel.setThreads(5);
        Random r = new Random(3);
        check(r, false, false, 257, 300, 70, 1f, 0f);   // row bands
        check(r, true, true, 9, 2000, 40, 0.5f, 1f);    // column bands
        check(r, false, true, 5, 5, 5000, 1f, 0f);      // deep k: several panels
    }

    private static void runAll(Random r) {
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0;
                boolean tb = (t & 2) != 0;
                check(r, ta, tb, s[0], s[1], s[2], 1f, 0f);
                check(r, ta, tb, s[0], s[1], s[2], -0.75f, 1f);
                check(r, ta, tb, s[0], s[1], s[2], 2f, 0.5f);
            }
        }
    }

    @Test
    public void sparseARowsSkipTheirZerosAndStillMatch() {
        // the kernel gathers each A row's non-zeros (any count, any positions, mod 4 remainders, all-zero rows);
        // where A is 0 the matching B row holds Inf: skipped, it must not turn the sum into NaN
        for (int threads : new int[] {1, 2}) {
            Parallel.setThreads(threads);
            Random r = new Random(10 + threads);
            for (int[] s : new int[][] {{16, 100, 150}, {100, 150, 16}, {6, 784, 25}, {9, 33, 300}}) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                float[] a = random(r, m * k);
                for (int i = 0; i < m; i++) {
                    double density = i % 5 == 0 ? 0 : i % 5 / 5.0; // 0 (a zero row), 0.2, 0.4, 0.6, 0.8
                    for (int p = 0; p < k; p++) {
                        if (r.nextDouble() >= density) {
                            a[i * k + p] = r.nextBoolean() ? 0f : -0f;
                        }
                    }
                }
                float[] b = random(r, k * n);
                int zeroColumn = r.nextInt(k); // make column p of A all zero, then row p of B may be infinite
                for (int i = 0; i < m; i++) {
                    a[i * k + zeroColumn] = 0f;
                }
                float[] finiteB = b.clone();
                for (int j = 0; j < n; j++) {
                    b[zeroColumn * n + j] = Float.POSITIVE_INFINITY;
                    finiteB[zeroColumn * n + j] = 0f;
                }
                float[] c = new float[m * n];
                float[] expected = naive(false, false, m, n, k, 1f, a, 0, k, finiteB, 0, n, 0f, c, 0, n);
                Gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
                for (int i = 0; i < c.length; i++) {
                    assertEquals("m=" + m + " n=" + n + " k=" + k + " threads=" + threads + " c[" + i + "]",
                        expected[i], c[i], 1e-5f * (k + 4));
                }
            }
        }
    }

    @Test
    public void betaZeroIgnoresGarbageInC() {
        float[] a = {1, 2, 3, 4};
        float[] b = {5, 6, 7, 8};
        float[] c = {Float.NaN, Float.POSITIVE_INFINITY, Float.NaN, 1e30f};
        Gemm.sgemm(false, false, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
        assertEquals(19f, c[0], 0f);
        assertEquals(22f, c[1], 0f);
        assertEquals(43f, c[2], 0f);
        assertEquals(50f, c[3], 0f);
    }

    @Test
    public void alphaZeroOnlyScalesC() {
        float[] c = {2, 4};
        Gemm.sgemm(false, false, 1, 2, 3, 0f, new float[3], 0, 3, new float[6], 0, 2, 0.5f, c, 0, 2);
        assertEquals(1f, c[0], 0f);
        assertEquals(2f, c[1], 0f);
    }

    @Test
    public void rejectsArraysTooSmallForTheShape() {
        try {
            Gemm.sgemm(false, false, 4, 4, 4, 1f, new float[15], 0, 4, new float[16], 0, 4, 0f, new float[16], 0, 4);
            fail("expected an exception for a 15-float A");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("A") && e.getMessage().contains("15"));
        }
        try {
            Gemm.sgemm(false, false, 2, 3, 2, 1f, new float[4], 0, 2, new float[6], 0, 2, 0f, new float[6], 0, 3);
            fail("expected an exception for ldb < n");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("leading dimension of B"));
        }
    }

    @Test
    public void parallelForRangeCoversEveryIndexOnce() {
        Parallel.setThreads(3);
        int[] hits = new int[1000];
        int parts = Parallel.forRange(hits.length, 8, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                hits[i]++;
            }
        });
        assertEquals(3, parts);
        for (int i = 0; i < hits.length; i++) {
            assertEquals("index " + i, 1, hits[i]);
        }
    }
}
