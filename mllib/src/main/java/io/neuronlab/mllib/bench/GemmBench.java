package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.tensor.Gemm;

import java.util.Random;

/**
 * GFLOP/s of {@link Gemm#sgemm} on square n×n products (2n³ flops each), best of five timed rounds (a shared
 * machine only ever slows a round down).
 */
@DesktopOnly
final class GemmBench {
    private GemmBench() {
    }

    private static boolean warm;

    /** Runs the kernel on mixed shapes for a second, so the first size measured is not timing the JIT. */
    private static synchronized void warmUpOnce() {
        if (warm) {
            return;
        }
        warm = true;
        float[] a = new float[192 * 192];
        float[] b = new float[192 * 192];
        float[] c = new float[192 * 192];
        long end = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < end) {
            Gemm.sgemm(false, false, 192, 192, 192, 1f, a, 0, 192, b, 0, 192, 0f, c, 0, 192);
            Gemm.sgemm(true, true, 100, 37, 150, 1f, a, 0, 100, b, 0, 150, 1f, c, 0, 37);
        }
    }

    static double gflops(int n) {
        Random r = new Random(n);
        float[] a = new float[n * n];
        float[] b = new float[n * n];
        float[] c = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextFloat() - 0.5f;
            b[i] = r.nextFloat() - 0.5f;
        }
        double flops = 2.0 * n * n * n;
        warmUpOnce();
        // warm-up of this size (caches, page faults)
        long warmEnd = System.nanoTime() + 300_000_000L;
        int reps = 0;
        do {
            Gemm.matmul(a, b, c, n, n, n);
            reps++;
        } while (System.nanoTime() < warmEnd);
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long t = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                Gemm.matmul(a, b, c, n, n, n);
            }
            double s = (System.nanoTime() - t) / 1e9;
            best = Math.max(best, flops * reps / s / 1e9);
            reps = Math.max(1, (int) (reps * 0.3 / s)); // aim at ~0.3 s per round
        }
        return best;
    }
}
