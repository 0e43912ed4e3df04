package io.neuronlab.mllib.train;

/**
 * Progress of a {@link Trainer}, called on the training thread (hand work to a UI thread yourself).
 * Every method does nothing by default; implement the ones you need. A listener that throws stops training.
 */
public interface TrainingListener {
    /** After every training mini-batch. */
    default void onBatchEnd(BatchEvent event) {
    }

    /** After every epoch, once the test set (if any) has been evaluated. */
    default void onEpochEnd(EpochEvent event) {
    }

    /** Once, when training ends normally, early or by cancellation (not when it fails). */
    default void onTrainingEnd(TrainingResult result) {
    }
}
