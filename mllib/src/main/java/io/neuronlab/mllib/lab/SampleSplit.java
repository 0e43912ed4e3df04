package io.neuronlab.mllib.lab;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.digits.LabelledDigit;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The user's own labelled digits as a lab dataset ({@link LabSettings.Data#MY_SAMPLES}): the same rule and split as
 * fine-tuning — at least {@link FineTuner#MIN_PER_DIGIT} samples of every digit, and {@link FineTuner#split}'s
 * seeded stratified hold-out (a fifth of each digit becomes the test digits) — with the training part capped to the
 * settings' number of training images, taken round-robin over the digits so that a cap keeps every digit.
 */
public final class SampleSplit {
    /** The fraction of each digit's samples the lab tests on (fine-tuning's default hold-out). */
    public static final float TEST_FRACTION = new FineTuner.Options().holdoutFraction;

    private SampleSplit() {
    }

    /** Throws an IllegalArgumentException naming the digits with too few samples, if any. */
    public static void requireEnough(int[] labels) {
        List<Integer> missing = FineTuner.digitsNeedingSamples(labels);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("training on your own samples needs at least " + FineTuner.MIN_PER_DIGIT
                + " of every digit; too few of " + missing);
        }
    }

    /** How many training digits {@link #split} can give for samples with these labels (before any cap). */
    public static int trainingDigits(int[] labels) {
        int[] counts = new int[10];
        for (int label : labels) {
            counts[label]++;
        }
        int train = 0;
        for (int count : counts) {
            train += count - FineTuner.heldOutCount(count, TEST_FRACTION);
        }
        return train;
    }

    /** The labelled digits as a dataset {@code [N, 1, 28, 28]}, in the given order. */
    public static Dataset dataset(List<LabelledDigit> digits) {
        float[] pixels = new float[digits.size() * 784];
        int[] labels = new int[digits.size()];
        for (int i = 0; i < digits.size(); i++) {
            System.arraycopy(digits.get(i).image().pixels(), 0, pixels, i * 784, 784);
            labels[i] = digits.get(i).label();
        }
        return new Dataset(Tensor.of(pixels, digits.size(), 1, 28, 28), labels, 10);
    }

    /**
     * Splits {@code samples} by {@code seed} (the same seed, the same split) and keeps at most {@code trainImages} of
     * the training part; the test part is every held-out digit.
     *
     * @throws IllegalArgumentException naming the digits with too few samples
     */
    public static FineTuner.Split split(Dataset samples, int trainImages, long seed) {
        requireEnough(samples.labels());
        FineTuner.Split split = FineTuner.split(samples, TEST_FRACTION, seed);
        return new FineTuner.Split(cap(split.train(), trainImages), split.heldOut());
    }

    /** The first {@code n} of {@code train} taken one digit at a time (0, 1, …, 9, 0, …), in their order. */
    static Dataset cap(Dataset train, int n) {
        if (n >= train.size()) {
            return train;
        }
        List<List<Integer>> byDigit = new ArrayList<>();
        for (int d = 0; d < train.numClasses(); d++) {
            byDigit.add(new ArrayList<>());
        }
        for (int i = 0; i < train.size(); i++) {
            byDigit.get(train.label(i)).add(i);
        }
        boolean[] keep = new boolean[train.size()];
        int taken = 0;
        for (int round = 0; taken < n; round++) {
            for (List<Integer> members : byDigit) {
                if (round < members.size() && taken < n) {
                    keep[members.get(round)] = true;
                    taken++;
                }
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                kept.add(i);
            }
        }
        return FineTuner.select(train, kept);
    }
}
