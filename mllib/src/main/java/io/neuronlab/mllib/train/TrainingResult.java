package io.neuronlab.mllib.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The outcome of {@link Trainer#fit}: every finished epoch's numbers and why training stopped. */
public final class TrainingResult {
    private final List<EpochEvent> history;
    private final StopReason stopReason;
    private final int bestEpoch;
    private final double seconds;

    TrainingResult(List<EpochEvent> history, StopReason stopReason, int bestEpoch, double seconds) {
        this.history = Collections.unmodifiableList(new ArrayList<>(history));
        this.stopReason = stopReason;
        this.bestEpoch = bestEpoch;
        this.seconds = seconds;
    }

    /** One event per finished epoch, in order. */
    public List<EpochEvent> history() {
        return history;
    }

    public int epochsCompleted() {
        return history.size();
    }

    public StopReason stopReason() {
        return stopReason;
    }

    /** The epoch (from 1) with the best monitored value, 0 if no epoch finished. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The last finished epoch's event, or null if none finished. */
    public EpochEvent last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** Test accuracy after the last finished epoch (NaN without a test set or finished epoch). */
    public double finalTestAccuracy() {
        return history.isEmpty() ? Double.NaN : last().testAccuracy();
    }

    /** Wall time of the whole run. */
    public double seconds() {
        return seconds;
    }

    @Override
    public String toString() {
        EpochEvent e = last();
        return "TrainingResult(" + stopReason + " after " + history.size() + " epochs, best epoch " + bestEpoch
            + (e == null ? "" : String.format(", last train loss %.4f, test accuracy %.4f", e.trainLoss(), e.testAccuracy()))
            + String.format(", %.1f s)", seconds);
    }
}
