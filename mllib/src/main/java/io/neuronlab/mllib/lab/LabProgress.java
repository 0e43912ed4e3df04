package io.neuronlab.mllib.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A snapshot of a lab run for the screen, immutable (arrays are copies): status, where it is, the curves so far,
 * speed and time left, the learning rate, the first layer's filters, the number of test images, — after a divergence —
 * where the loss stopped being a number, and signs that it is not learning although the loss is a number
 * ({@link NotLearning}).
 */
public final class LabProgress {
    public enum Status { READY, RUNNING, PAUSED, FINISHED, STOPPED, DIVERGED, FAILED }

    public final Status status;
    public final int epoch;
    public final int epochs;
    public final int batch;
    public final int batches;
    /** Loss of every mini-batch so far, in order (all epochs). */
    public final float[] batchLoss;
    /** Training and test accuracy after each finished epoch (0..1). */
    public final float[] trainAccuracy;
    public final float[] testAccuracy;
    public final double imagesPerSecond;
    public final double secondsLeft;
    public final float learningRate;
    /** The first layer's filters, side × side each (see {@link LabNetworks#firstLayerFilters}). */
    public final List<float[]> filters;
    /** Epochs already done when this run resumed from a checkpoint (0 for a fresh run). */
    public final int resumedAfterEpoch;
    /** The loss value that ended a DIVERGED run (NaN or ±infinity), else NaN. */
    public final float divergedLoss;
    /** A FAILED run's error message, else null. */
    public final String failure;
    /** The loss exploded or the accuracy sits at chance (see {@link NotLearning}), or null while neither. */
    public final NotLearning notLearning;
    /** How many test images the accuracies are measured on (0 when unknown). */
    public final int testImages;

    /** A snapshot without a not-learning verdict and an unknown test set size (a run that failed to start). */
    public LabProgress(Status status, int epoch, int epochs, int batch, int batches, float[] batchLoss,
                       float[] trainAccuracy, float[] testAccuracy, double imagesPerSecond, double secondsLeft,
                       float learningRate, List<float[]> filters, int resumedAfterEpoch, float divergedLoss,
                       String failure) {
        this(status, epoch, epochs, batch, batches, batchLoss, trainAccuracy, testAccuracy, imagesPerSecond,
            secondsLeft, learningRate, filters, resumedAfterEpoch, divergedLoss, failure, null, 0);
    }

    public LabProgress(Status status, int epoch, int epochs, int batch, int batches, float[] batchLoss,
                       float[] trainAccuracy, float[] testAccuracy, double imagesPerSecond, double secondsLeft,
                       float learningRate, List<float[]> filters, int resumedAfterEpoch, float divergedLoss,
                       String failure, NotLearning notLearning, int testImages) {
        this.status = status;
        this.epoch = epoch;
        this.epochs = epochs;
        this.batch = batch;
        this.batches = batches;
        this.batchLoss = batchLoss.clone();
        this.trainAccuracy = trainAccuracy.clone();
        this.testAccuracy = testAccuracy.clone();
        this.imagesPerSecond = imagesPerSecond;
        this.secondsLeft = secondsLeft;
        this.learningRate = learningRate;
        List<float[]> copies = new ArrayList<>();
        for (float[] f : filters) {
            copies.add(f.clone());
        }
        this.filters = Collections.unmodifiableList(copies);
        this.resumedAfterEpoch = resumedAfterEpoch;
        this.divergedLoss = divergedLoss;
        this.failure = failure;
        this.notLearning = notLearning;
        this.testImages = testImages;
    }

    static LabProgress ready(LabSettings s, int testImages) {
        return new LabProgress(Status.READY, 0, s.epochs, 0, 0, new float[0], new float[0], new float[0], 0, 0,
            s.learningRate, Collections.emptyList(), 0, Float.NaN, null, null, testImages);
    }

    /** True once the run has ended one way or another. */
    public boolean isDone() {
        return status == Status.FINISHED || status == Status.STOPPED || status == Status.DIVERGED
            || status == Status.FAILED;
    }

    /** Fraction of the planned batches done, 0..1. */
    public float fractionDone() {
        if (batches == 0 || epochs == 0) {
            return status == Status.FINISHED ? 1f : 0f;
        }
        return Math.min(1f, ((epoch - 1) * (float) batches + batch) / ((float) epochs * batches));
    }
}
