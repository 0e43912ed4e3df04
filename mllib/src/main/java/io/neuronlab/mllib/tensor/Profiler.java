package io.neuronlab.mllib.tensor;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Off-by-default nanosecond accumulators for the hot kernels, so the bench can say where training time goes.
 * When disabled, {@link #start()} returns 0 and {@link #stop(int, long)} does nothing: one volatile read per
 * kernel call. Times are summed over threads (two threads busy for 1 s count 2 s).
 */
public final class Profiler {
    public static final int GEMM = 0;
    public static final int IM2COL = 1;
    public static final int COL2IM = 2;
    private static final String[] NAMES = {"gemm", "im2col", "col2im"};

    private static volatile boolean enabled;
    private static final AtomicLongArray NANOS = new AtomicLongArray(NAMES.length);

    private Profiler() {
    }

    public static void setEnabled(boolean on) {
        enabled = on;
    }

    public static boolean isEnabled() {
        return enabled;
    }

    /** A start stamp, or 0 when profiling is off. */
    public static long start() {
        return enabled ? System.nanoTime() : 0L;
    }

    /** Adds the time since {@code start} to {@code slot} (nothing when {@code start} is 0). */
    public static void stop(int slot, long start) {
        if (start != 0L) {
            NANOS.addAndGet(slot, System.nanoTime() - start);
        }
    }

    public static long nanos(int slot) {
        return NANOS.get(slot);
    }

    public static String name(int slot) {
        return NAMES[slot];
    }

    public static int slots() {
        return NAMES.length;
    }

    public static void reset() {
        for (int i = 0; i < NAMES.length; i++) {
            NANOS.set(i, 0L);
        }
    }
}
