package io.neuronlab.mllib.tensor;

import org.junit.After;
import org.junit.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The worker crew: every index exactly once, errors rethrown, several callers at once, thread-count changes. */
public class ParallelTest {
    private final int saved = Parallel.threads();

    @After
    public void restore() {
        Parallel.setThreads(saved);
    }

    private static void coversEveryIndexOnce(int count, int threads) {
        int[] hits = new int[count];
        int parts = Parallel.forRange(count, Integer.MAX_VALUE, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                hits[i]++;
            }
        });
        assertEquals(Math.min(threads, count), parts);
        for (int i = 0; i < count; i++) {
            assertEquals("index " + i, 1, hits[i]);
        }
    }

    @Test
    public void everyIndexRunsExactlyOnceInManyBackToBackCalls() {
        Parallel.setThreads(3);
        for (int round = 0; round < 2000; round++) {
            coversEveryIndexOnce(1 + round % 37, 3);
        }
    }

    @Test
    public void anExceptionInAWorkersShareReachesTheCaller() {
        Parallel.setThreads(2);
        try {
            Parallel.forRange(10, 2, (part, from, to) -> {
                if (part == 1) {
                    throw new IllegalStateException("share " + part + " failed");
                }
            });
            fail("no exception");
        } catch (IllegalStateException e) {
            assertEquals("share 1 failed", e.getMessage());
        }
        coversEveryIndexOnce(10, 2); // and the crew still works
    }

    @Test
    public void callersOnSeveralThreadsAllGetTheirWorkDone() throws Exception {
        Parallel.setThreads(2);
        AtomicInteger total = new AtomicInteger();
        AtomicReference<Throwable> problem = new AtomicReference<>();
        Thread[] callers = new Thread[4];
        for (int c = 0; c < callers.length; c++) {
            callers[c] = new Thread(() -> {
                try {
                    for (int round = 0; round < 500; round++) {
                        int[] hits = new int[50];
                        Parallel.forRange(50, Integer.MAX_VALUE, (part, from, to) -> {
                            for (int i = from; i < to; i++) {
                                hits[i]++;
                            }
                        });
                        for (int h : hits) {
                            assertEquals(1, h);
                        }
                        total.incrementAndGet();
                    }
                } catch (Throwable t) {
                    problem.set(t);
                }
            });
            callers[c].start();
        }
        for (Thread t : callers) {
            t.join(60_000);
        }
        if (problem.get() != null) {
            throw new AssertionError(problem.get());
        }
        assertEquals(4 * 500, total.get());
    }

    @Test
    public void nestedCallsRunOnTheSharesOwnThread() {
        Parallel.setThreads(2);
        AtomicInteger nestedParts = new AtomicInteger();
        Parallel.forRange(2, 2, (part, from, to) -> nestedParts.addAndGet(Parallel.forRange(8, 8, (p, f, t) -> { })));
        assertEquals("each nested call used one share", 2, nestedParts.get());
    }

    @Test
    public void changingTheThreadCountTakesEffect() {
        Parallel.setThreads(1);
        coversEveryIndexOnce(20, 1);
        Parallel.setThreads(4);
        coversEveryIndexOnce(20, 4);
        Parallel.setThreads(2);
        coversEveryIndexOnce(20, 2);
        assertTrue(Parallel.threads() == 2);
    }

    /** Replays call gaps through the crew's burst counter; returns the spin the workers get after the last call. */
    private static long spinAfter(long... gapsNanos) {
        int burst = 0;
        for (long gap : gapsNanos) {
            burst = Parallel.Crew.nextCallsInBurst(burst, gap);
        }
        return Parallel.Crew.spinFor(burst);
    }

    private static long[] repeat(long gap, int times) {
        long[] g = new long[times];
        java.util.Arrays.fill(g, gap);
        return g;
    }

    @Test
    public void workersSpinLongOnlyDuringABurstOfCalls() {
        long idle = 1_000_000_000L;  // a second since the last call
        long step = 700_000L;        // training: a split call every 0.7 ms
        long brief = Parallel.Crew.BRIEF_SPIN_NANOS;
        long burst = Parallel.Crew.BURST_SPIN_NANOS;
        // a one-off inference after idling: a few calls microseconds apart, then sleep soon
        assertEquals(brief, spinAfter(idle, 10_000, 10_000, 10_000));
        // a training loop: after enough closely spaced calls the workers stay awake between steps
        assertEquals(brief, spinAfter(repeat(step, Parallel.Crew.BURST_CALLS - 1)));
        assertEquals(burst, spinAfter(repeat(step, Parallel.Crew.BURST_CALLS)));
        assertEquals(burst, spinAfter(repeat(step, 100_000))); // the count is capped, it does not wrap around
        // a pause longer than the burst spin ends the burst
        long[] pause = repeat(step, 50);
        pause[49] = burst + 1;
        assertEquals(brief, spinAfter(pause));
    }
}
