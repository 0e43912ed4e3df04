package io.neuronlab.mllib.lab;

/**
 * Signs that a run is not learning although its loss is still a number. A learning rate far too large does not
 * always overflow to NaN: Adam moves each weight by about the learning rate at most, and batch norm rescales the
 * activations, so the lab's default LeNet (Adam, batch norm) at learning rate 10 jumps from a loss of 2.8 to 15 in
 * its second batch and then wanders between 4 and 13 with test accuracy at chance (10–16 %) for three epochs —
 * measured on 600 MNIST images ({@code TrainingControllerTest}); at the default rate 0.002 the loss never rises
 * above its start. The lab's rule, checked after every batch and every epoch:
 * <ul>
 *   <li><b>the loss exploded</b>: the mean of the latest {@value #WINDOW} batch losses (fewer at the start) is more
 *       than {@value #FACTOR} times the run's first batch loss (a fresh network starts near ln 10 ≈ 2.3, so the
 *       line is near 7). Once seen it stays reported: the run has shown it cannot train at this rate.</li>
 *   <li><b>stuck at chance</b>: after an epoch, with at least {@value #MIN_BATCHES} batches trained, the test
 *       accuracy is at most {@value #CHANCE_FACTOR} × chance (15 % for ten digits). A later epoch above that line
 *       clears it. Fewer batches than that say nothing yet (a run on a few dozen own samples may have only three).</li>
 * </ul>
 * A NaN or infinite loss is not judged here: it ends the run ({@link LabProgress.Status#DIVERGED}).
 *
 * @param startLoss       the run's first batch loss
 * @param explodedLoss    the windowed mean loss when the explosion was first seen, or NaN if it did not explode
 * @param explodedAtBatch the batch (counted over the whole run, from 1) where it was first seen, or 0
 * @param testAccuracy    the latest test accuracy when it is at chance, or NaN when it is not (or not yet judged)
 * @param chance          the accuracy of guessing, 1 / classes
 */
public record NotLearning(float startLoss, float explodedLoss, int explodedAtBatch, float testAccuracy, float chance) {
    public static final int WINDOW = 10;
    public static final float FACTOR = 3f;
    public static final int MIN_BATCHES = 20;
    public static final float CHANCE_FACTOR = 1.5f;

    public boolean lossExploded() {
        return explodedAtBatch > 0;
    }

    public boolean atChance() {
        return !Float.isNaN(testAccuracy);
    }

    /**
     * The verdict after {@code count} batch losses (all finite); {@code before} is the previous verdict (null: none).
     * Returns null while the run looks healthy.
     */
    public static NotLearning afterBatch(NotLearning before, float[] batchLoss, int count) {
        if (before != null && before.lossExploded() || count == 0) {
            return before;
        }
        int from = Math.max(0, count - WINDOW);
        double sum = 0;
        for (int i = from; i < count; i++) {
            sum += batchLoss[i];
        }
        float mean = (float) (sum / (count - from));
        float start = batchLoss[0];
        if (!(mean > FACTOR * start)) {
            return before;
        }
        float chance = before == null ? Float.NaN : before.chance;
        float atChance = before == null ? Float.NaN : before.testAccuracy;
        return new NotLearning(start, mean, count, atChance, chance);
    }

    /**
     * The verdict of a run restored from its checkpoint: its batch losses fed one by one, as they came, then its latest
     * epoch's test accuracy ({@code testAccuracy} empty: no epoch yet). Feeding only the whole curve at once would lose
     * an explosion that has since left the latest {@value #WINDOW} batches, which the running run still reports.
     */
    public static NotLearning replay(float[] batchLoss, int count, float[] testAccuracy, int classes) {
        NotLearning verdict = null;
        for (int n = 1; n <= count; n++) {
            verdict = afterBatch(verdict, batchLoss, n);
        }
        if (testAccuracy.length == 0 || count == 0) {
            return verdict;
        }
        return afterEpoch(verdict, testAccuracy[testAccuracy.length - 1], count, classes, batchLoss[0]);
    }

    /**
     * The verdict after an epoch: {@code testAccuracy} is the latest epoch's, {@code batchesTrained} all batches so
     * far, {@code classes} the number of classes. Returns null while the run looks healthy.
     */
    public static NotLearning afterEpoch(NotLearning before, float testAccuracy, int batchesTrained, int classes,
                                         float startLoss) {
        float chance = 1f / classes;
        boolean stuck = batchesTrained >= MIN_BATCHES && testAccuracy <= CHANCE_FACTOR * chance;
        boolean exploded = before != null && before.lossExploded();
        if (!stuck && !exploded) {
            return null;
        }
        return new NotLearning(exploded ? before.startLoss : startLoss, exploded ? before.explodedLoss : Float.NaN,
            exploded ? before.explodedAtBatch : 0, stuck ? testAccuracy : Float.NaN, chance);
    }
}
