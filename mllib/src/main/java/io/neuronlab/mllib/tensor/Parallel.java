package io.neuronlab.mllib.tensor;


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
    /** For elementwise loops (ReLU, pooling): a share of fewer elements costs more to hand out than it saves. */
    public static final int ELEMENTS_PER_SHARE = 1 << 15;

    private static volatile int threads = initialThreads();
    private static Crew crew;

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
        if (count != threads && crew != null) {
            crew.shutdown();
            crew = null;
        }
        threads = count;
    }

    private static synchronized Crew crew() {
        if (crew == null) {
            crew = new Crew(Math.max(1, threads - 1));
        }
        return crew;
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
        Crew c = crew();
        if (!c.tryRun(count, parts, body)) {
            // the crew is busy with another caller's work (or was replaced): do it all here, in order
            runShare(body, 0, 0, count);
            return 1;
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

    /**
     * The worker threads. A training step hands out ten or so short shares per batch; parking a thread and
     * waking it again costs tens of microseconds (more on a virtual machine), so idle workers first spin for
     * a moment, and the caller spins while it waits for the last share. One caller at a time: another
     * caller meanwhile runs its work itself.
     */
    static final class Crew {
        /**
         * How long an idle worker keeps checking for work before it parks, during a burst of calls. A training step
         * has serial stretches (small layers, the optimizer) between its parallel ones; a worker parked during one
         * of them took so long to wake on this virtual machine (its idle core sleeps) that 0.2 ms of spinning gave
         * 2-thread LeNet training 4,600–5,200 images/s and 5 ms gave 5,100–5,800. (OpenMP runtimes spin longer by
         * default.)
         */
        static final long BURST_SPIN_NANOS = 5_000_000;
        /**
         * The spin outside a burst: after a one-off call (on a phone, one digit recognition splits a GEMM or two)
         * the workers should go to sleep soon instead of keeping their cores busy.
         */
        static final long BRIEF_SPIN_NANOS = 200_000;
        /** Calls in a row, each within {@link #BURST_SPIN_NANOS} of the last, that make a burst (training). */
        static final int BURST_CALLS = 32;

        private long lastCall = System.nanoTime() - 2 * BURST_SPIN_NANOS;
        private int callsInBurst;
        private volatile long spinNanos = BRIEF_SPIN_NANOS;

        private final Worker[] workers;
        private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        private final java.util.concurrent.atomic.AtomicInteger remaining = new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean stopped;
        private volatile Throwable failure;

        Crew(int size) {
            workers = new Worker[size];
            for (int i = 0; i < size; i++) {
                workers[i] = new Worker(this, i);
                workers[i].start();
            }
        }

        /** False when another caller holds the crew; then nothing was run. */
        boolean tryRun(int count, int parts, RangeBody body) {
            if (!lock.tryLock()) {
                return false;
            }
            try {
                if (stopped) {
                    return false;
                }
                failure = null;
                long now = System.nanoTime();
                callsInBurst = nextCallsInBurst(callsInBurst, now - lastCall);
                lastCall = now;
                spinNanos = spinFor(callsInBurst);
                remaining.set(parts - 1);
                for (int part = 1; part < parts; part++) {
                    workers[part - 1].give(body, part, start(count, parts, part), start(count, parts, part + 1));
                }
                Throwable mine = null;
                try {
                    runShare(body, 0, 0, start(count, parts, 1));
                } catch (RuntimeException | Error e) {
                    mine = e;
                }
                for (int spins = 0; remaining.get() > 0; spins++) {
                    if (spins >= 1 << 16) {
                        Thread.yield(); // a share is taking long (or the machine is busy): let others run
                    }
                }
                Throwable t = mine != null ? mine : failure;
                if (t instanceof RuntimeException) {
                    throw (RuntimeException) t;
                }
                if (t instanceof Error) {
                    throw (Error) t;
                }
                return true;
            } finally {
                lock.unlock();
            }
        }

        /** The burst count after a call that came {@code gapNanos} after the previous one (capped: no overflow). */
        static int nextCallsInBurst(int callsInBurst, long gapNanos) {
            return gapNanos < BURST_SPIN_NANOS ? Math.min(callsInBurst + 1, BURST_CALLS) : 0;
        }

        /** The workers' spin after a call that is the {@code callsInBurst}-th in a row of closely spaced calls. */
        static long spinFor(int callsInBurst) {
            return callsInBurst >= BURST_CALLS ? BURST_SPIN_NANOS : BRIEF_SPIN_NANOS;
        }

        void finished(Throwable t) {
            if (t != null && failure == null) {
                failure = t;
            }
            remaining.decrementAndGet();
        }

        /** Waits for work in flight, then lets the workers end; later calls run on their callers' threads. */
        void shutdown() {
            lock.lock();
            try {
                stopped = true;
            } finally {
                lock.unlock();
            }
            for (Worker w : workers) {
                java.util.concurrent.locks.LockSupport.unpark(w);
            }
        }
    }

    private static final class Worker extends Thread {
        private final Crew crew;
        private volatile RangeBody body;
        private volatile boolean parked;
        private int part;
        private int from;
        private int to;

        Worker(Crew crew, int index) {
            super("neuronlab-worker-" + index);
            this.crew = crew;
            setDaemon(true);
        }

        void give(RangeBody work, int share, int first, int end) {
            part = share;
            from = first;
            to = end;
            body = work; // volatile write publishes part/from/to
            if (parked) {
                java.util.concurrent.locks.LockSupport.unpark(this);
            }
        }

        @Override
        public void run() {
            while (true) {
                RangeBody work = awaitWork();
                if (work == null) {
                    if (crew.stopped) {
                        return;
                    }
                    continue;
                }
                body = null;
                Throwable failed = null;
                try {
                    runShare(work, part, from, to);
                } catch (Throwable t) {
                    failed = t;
                }
                crew.finished(failed);
            }
        }

        /** Spins briefly, then parks, until work arrives (or the crew stops: null). */
        private RangeBody awaitWork() {
            long spinUntil = System.nanoTime() + crew.spinNanos;
            while (System.nanoTime() < spinUntil) {
                RangeBody work = body;
                if (work != null || crew.stopped) {
                    return work;
                }
                // (Thread.onSpinWait would be the polite pause, but Android has it only from API 26)
            }
            parked = true;
            try {
                RangeBody work = body; // re-check after announcing: give() unparks if it saw parked
                if (work != null || crew.stopped) {
                    return work;
                }
                java.util.concurrent.locks.LockSupport.park(this);
                return body;
            } finally {
                parked = false;
            }
        }
    }
}
