package io.neuronlab.mllib.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A snapshot of a {@link SideBySideTraining} for the screen, immutable (arrays are copies): where it is, and per
 * contestant (in the order the experiment named them) the loss of every mini-batch, the training and test accuracy
 * after every epoch (when the experiment measures them), and whether its loss stopped being a number.
 */
public final class ExperimentProgress {
    public enum Status { RUNNING, FINISHED, STOPPED }

    public final Status status;
    /** The contestants' names, e.g. {@code sgd, momentum, adagrad, adam}. */
    public final List<String> names;
    /** Epoch in progress (1-based) or the last one done, and how many are planned. */
    public final int epoch;
    public final int epochs;
    /** Mini-batches each contestant has trained on so far, and how many are planned. */
    public final int batch;
    public final int batches;
    private final float[][] batchLoss;
    private final float[][] trainAccuracy;
    private final float[][] testAccuracy;
    private final String[] divergence;

    ExperimentProgress(Status status, List<String> names, int epoch, int epochs, int batch, int batches,
                       float[][] batchLoss, float[][] trainAccuracy, float[][] testAccuracy, String[] divergence) {
        this.status = status;
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        this.epoch = epoch;
        this.epochs = epochs;
        this.batch = batch;
        this.batches = batches;
        this.batchLoss = deepCopy(batchLoss);
        this.trainAccuracy = deepCopy(trainAccuracy);
        this.testAccuracy = deepCopy(testAccuracy);
        this.divergence = divergence.clone();
    }

    public int contestants() {
        return names.size();
    }

    /** Contestant {@code c}'s loss on every mini-batch so far, in order (a copy). */
    public float[] batchLoss(int c) {
        return batchLoss[c].clone();
    }

    /** Contestant {@code c}'s accuracy (0..1) on its training images after each epoch, in evaluation mode. */
    public float[] trainAccuracy(int c) {
        return trainAccuracy[c].clone();
    }

    /** Contestant {@code c}'s accuracy (0..1) on the held-out test images after each epoch. */
    public float[] testAccuracy(int c) {
        return testAccuracy[c].clone();
    }

    /** Why contestant {@code c} stopped early (its loss became NaN or infinite), or null while it trains. */
    public String divergence(int c) {
        return divergence[c];
    }

    /** Training minus test accuracy after the last epoch: the overfitting gap (NaN before the first epoch). */
    public float gap(int c) {
        int n = Math.min(trainAccuracy[c].length, testAccuracy[c].length);
        return n == 0 ? Float.NaN : trainAccuracy[c][n - 1] - testAccuracy[c][n - 1];
    }

    /** Mean loss of contestant {@code c}'s last {@code n} mini-batches (fewer if it has fewer; NaN if none). */
    public float recentLoss(int c, int n) {
        float[] loss = batchLoss[c];
        int from = Math.max(0, loss.length - n);
        if (from == loss.length) {
            return Float.NaN;
        }
        double sum = 0;
        for (int i = from; i < loss.length; i++) {
            sum += loss[i];
        }
        return (float) (sum / (loss.length - from));
    }

    public boolean isDone() {
        return status != Status.RUNNING;
    }

    /** Fraction of the planned mini-batches done, 0..1. */
    public float fractionDone() {
        return batches == 0 ? 0f : Math.min(1f, batch / (float) batches);
    }

    private static float[][] deepCopy(float[][] values) {
        float[][] copy = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }
}
