package io.neuronlab.mllib.train;

/**
 * Training cannot go on: the loss became NaN or infinite (a learning rate too high, exploding gradients,
 * bad inputs). {@link #epoch()} and {@link #batch()} say where; the trainer has put the model back to its
 * last good checkpoint before throwing.
 */
public final class TrainingException extends RuntimeException {
    private final int epoch;
    private final int batch;

    public TrainingException(String message, int epoch, int batch) {
        super(message);
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The epoch (from 1) in which training failed. */
    public int epoch() {
        return epoch;
    }

    /** The mini-batch (from 1 within the epoch) at which training failed. */
    public int batch() {
        return batch;
    }
}
