package io.neuronlab.mllib.tensor;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * The library's one thread pool: splits a range of independent work items (rows of a matrix, images of a
 * batch) across cores. The calling thread does the first share itself, so with one thread nothing is handed
 * off at all. Calls made from inside a share run sequentially (no nested splitting, no deadlock).
 *
 * <p>The thread count defaults to the number of processors; the system property {@code neuronlab.threads}
 * or {@link #setThreads(int)} overrides it (the bench uses this to compare 1 and 2 threads).
 */
public final class Parallel {
    /** A body over the half-open range {@code [from, to)}; {@code part} in {@code [0, parts)} names the share. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int part, int from, int to);
    }

    private static final ThreadLocal<int[]> DEPTH = new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
            return new int[1];
        }
    };
    private static volatile int threads = initialThreads();
    private static ForkJoinPool pool;

    private Parallel() {
    }

    private static int initialThreads() {
        String p = System.getProperty("neuronlab.threads");
        if (p != null) {
            try {
                int t = Integer.parseInt(p.trim());
                if (t >= 1) {
                    return t;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the processor count
            }
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** The number of threads work is split across (at least 1). */
    public static int threads() {
        return threads;
    }

    /** Sets the thread count for later calls; 1 runs everything on the caller's thread. */
    public static synchronized void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, got " + count);
        }
        if (count != threads && pool != null) {
            pool.shutdown();
            pool = null;
        }
        threads = count;
    }

    private static synchronized ForkJoinPool pool() {
        if (pool == null) {
            pool = new ForkJoinPool(Math.max(1, threads - 1), p -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                t.setDaemon(true);
                t.setName("neuronlab-worker-" + t.getPoolIndex());
                return t;
            }, null, false);
        }
        return pool;
    }

    /**
     * Runs {@code body} over {@code [0, count)} cut into at most {@code maxParts} (and at most {@link #threads()})
     * contiguous shares of near-equal size, and returns the number of shares used. Blocks until all are done;
     * an exception in any share is rethrown.
     */
    public static int forRange(int count, int maxParts, RangeBody body) {
        int parts = Math.min(Math.min(threads, maxParts), count);
        if (parts <= 1 || insideParallel()) {
            if (count > 0) {
                body.run(0, 0, count);
            }
            return count > 0 ? 1 : 0;
        }
        ForkJoinPool p = pool();
        Future<?>[] futures = new Future<?>[parts];
        for (int part = 1; part < parts; part++) {
            final int s = part;
            try {
                futures[part] = p.submit(() -> runShare(body, s, start(count, parts, s), start(count, parts, s + 1)));
            } catch (RejectedExecutionException e) {
                // the pool was replaced by setThreads meanwhile: do this share here
                runShare(body, s, start(count, parts, s), start(count, parts, s + 1));
            }
        }
        Throwable failure = null;
        try {
            runShare(body, 0, 0, start(count, parts, 1));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (int part = 1; part < parts; part++) {
            if (futures[part] == null) {
                continue;
            }
            try {
                futures[part].get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure != null) {
            throw new IllegalStateException("parallel work failed", failure);
        }
        return parts;
    }

    /** True while this thread runs a share of some {@link #forRange} (nested calls then stay sequential). */
    public static boolean insideParallel() {
        return DEPTH.get()[0] > 0;
    }

    private static void runShare(RangeBody body, int part, int from, int to) {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            body.run(part, from, to);
        } finally {
            depth[0]--;
        }
    }

    private static int start(int count, int parts, int part) {
        return (int) ((long) count * part / parts);
    }
}
