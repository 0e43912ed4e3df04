package io.neuronlab.app.train;

import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.os.Looper;
import io.neuronlab.mllib.lab.LabProgress;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The lab tests' one wait: background threads (a run, an experiment, WorkManager's workers) go on while the test
 * thread lets Robolectric's main looper deliver what they post, until a condition holds or two minutes pass.
 */
final class MainLooperWait {
    private static final long TIMEOUT_NANOS = 120_000_000_000L;

    private MainLooperWait() {
    }

    /** Waits until {@code done} holds; on time-out fails with {@code failure}'s message, read then. */
    static void waitFor(BooleanSupplier done, Supplier<String> failure) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (true) {
            shadowOf(Looper.getMainLooper()).idle();
            if (done.getAsBoolean()) {
                return;
            }
            assertTrue(failure.get(), System.nanoTime() < deadline);
            Thread.sleep(5);
        }
    }

    /** Waits until {@code done} holds; on time-out fails saying it timed out waiting for {@code what}. */
    static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
        waitFor(done, () -> "timed out waiting for " + what);
    }

    /** Waits until {@code runner} has posted progress that meets {@code condition}. */
    static void waitForProgress(LabRunner runner, Predicate<LabProgress> condition) throws InterruptedException {
        waitFor(() -> {
            LabProgress p = runner.progress().getValue();
            return p != null && condition.test(p);
        }, () -> {
            LabProgress p = runner.progress().getValue();
            return "timed out; progress " + (p == null ? null : p.status);
        });
    }
}
