package io.neuronlab.mllib.train;

import java.util.concurrent.CompletableFuture;

/**
 * The result of {@link Trainer#fitAsync}: completes with the {@link TrainingResult}, or exceptionally with the
 * {@link TrainingException} (or other error) that ended training. {@link #cancel(boolean)} — with either
 * argument — also stops the training, after the mini-batch in progress; {@link #stopped()} tells when the
 * training thread has actually let go of the model.
 */
public final class TrainingFuture extends CompletableFuture<TrainingResult> {
    private final CancelToken token = new CancelToken();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    TrainingFuture() {
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        // the future first, the token after: the training thread, once it sees the token, returns and completes the
        // future with its result; in the other order that completion could win, and a cancelled training would
        // report a normal end (isCancelled() false)
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        token.cancel();
        return cancelled;
    }

    /** The token the training loop polls; cancelling it stops training but leaves the future to complete normally. */
    public CancelToken cancelToken() {
        return token;
    }

    /** Completes when the training loop has returned (normally, by cancellation or by failure). */
    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    void markStopped() {
        stopped.complete(null);
    }
}
