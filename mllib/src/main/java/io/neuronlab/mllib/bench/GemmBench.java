package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.tensor.Gemm;

import java.util.Random;

/** GFLOP/s of {@link Gemm#sgemm} on square n×n products (2n³ flops each), best of three timed rounds. */
@DesktopOnly
final class GemmBench {
    private GemmBench() {
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
        // warm-up long enough for C2 to compile the kernel
        long warmEnd = System.nanoTime() + 300_000_000L;
        int reps = 0;
        do {
            Gemm.matmul(a, b, c, n, n, n);
            reps++;
        } while (System.nanoTime() < warmEnd);
        double best = 0;
        for (int round = 0; round < 3; round++) {
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
