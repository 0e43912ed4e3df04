package io.neuronlab.mllib.train;

/** Why {@link Trainer#fit} returned. */
public enum StopReason {
    /** All planned epochs ran. */
    COMPLETED,
    /** The monitored value did not improve for {@code patience} epochs. */
    EARLY_STOPPED,
    /** A {@link CancelToken} (or the future's {@code cancel}) asked to stop. */
    CANCELLED
}
