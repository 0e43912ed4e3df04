package io.neuronlab.mllib.train;

/**
 * Asks a running {@link Trainer#fit} to stop. Any thread may call {@link #cancel()}; training checks the token
 * between mini-batches, so it stops after the batch in progress, with the model in a consistent state.
 */
public final class CancelToken {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
