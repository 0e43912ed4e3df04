package io.neuronlab.mllib.lab;

import io.neuronlab.mllib.data.Batch;
import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Optimizer;
import io.neuronlab.mllib.train.CancelToken;
import io.neuronlab.mllib.train.Evaluation;
import io.neuronlab.mllib.train.ModelSnapshot;
import io.neuronlab.mllib.train.Trainer;
import io.neuronlab.mllib.train.TrainingException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Several networks trained side by side, the way the book's comparison figures are made: every contestant starts
 * from bit-identical weights (the first contestant's, copied into the others) and trains on the very same
 * mini-batches — one seeded {@link DataLoader}, each batch handed to every contestant in turn through its own
 * {@link Trainer#step} — so the curves differ only by what the contestants differ in (optimizer, weight decay,
 * dropout). Because the contestants advance batch by batch together, a screen can draw their curves growing side by
 * side.
 *
 * <p>{@link #run} trains on the calling (background) thread; {@link CancelToken#cancel()} from any thread stops it
 * between batches. Listeners get an {@link ExperimentProgress} after every round of batches and every epoch, on the
 * training thread. A contestant whose loss becomes NaN or infinite drops out (its weights stay those of its last
 * good step); the others go on. With a test set, every contestant's accuracy on its training images and on the
 * test images is measured after each epoch, in evaluation mode (no dropout), as the book does.
 */
public final class SideBySideTraining {
    /** Receives every new snapshot, on the training thread. */
    public interface Listener {
        void onProgress(ExperimentProgress progress);
    }

    /** One contestant: a name for the legend, its network and the optimizer over that network's parameters. */
    public static final class Contestant {
        final String name;
        final Sequential model;
        final Optimizer optimizer;

        public Contestant(String name, Sequential model, Optimizer optimizer) {
            if (name == null || model == null || optimizer == null) {
                throw new IllegalArgumentException("a contestant needs a name, a network and an optimizer");
            }
            this.name = name;
            this.model = model;
            this.optimizer = optimizer;
        }
    }

    private static final int EVALUATION_BATCH = 500;

    private final List<Contestant> contestants;
    private final List<String> names = new ArrayList<>();
    private final Dataset train;
    private final Dataset test;
    private final int batchSize;
    private final int epochs;
    private final int maxBatches;
    private final long seed;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile ExperimentProgress progress;

    // curves, written by the training thread only
    private final float[][] loss;
    private final int[] lossCount;
    private final float[][] trainAccuracy;
    private final float[][] testAccuracy;
    private final String[] divergence;

    /**
     * @param contestants at least one; all networks must have the same parameters (names and shapes): the first
     *                    one's current weights are copied into the others
     * @param train       training images {@code [N, 1, 28, 28]} (or any shape the networks take) with labels
     * @param test        held-out images for the per-epoch accuracies, or null to record losses only
     * @param batchSize   mini-batch size
     * @param epochs      passes over {@code train}
     * @param maxBatches  stop after this many mini-batches even within an epoch (the book counts iterations);
     *                    {@code Integer.MAX_VALUE} for whole epochs
     * @param seed        the shuffle's seed: one seed, one sequence of batches
     */
    public SideBySideTraining(List<Contestant> contestants, Dataset train, Dataset test, int batchSize, int epochs,
                              int maxBatches, long seed) {
        if (contestants.isEmpty()) {
            throw new IllegalArgumentException("a side-by-side run needs at least one contestant");
        }
        if (epochs < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("train at least one epoch and one batch, got " + epochs + " epochs, "
                + maxBatches + " batches");
        }
        this.contestants = Collections.unmodifiableList(new ArrayList<>(contestants));
        ModelSnapshot start = ModelSnapshot.of(contestants.get(0).model);
        for (Contestant c : contestants) {
            start.restore(c.model); // bit-identical starting weights (names and shapes checked)
            names.add(c.name);
        }
        this.train = train;
        this.test = test;
        this.batchSize = batchSize;
        this.epochs = epochs;
        this.maxBatches = maxBatches;
        this.seed = seed;
        int n = contestants.size();
        loss = new float[n][0];
        lossCount = new int[n];
        trainAccuracy = new float[n][0];
        testAccuracy = new float[n][0];
        divergence = new String[n];
        progress = snapshot(ExperimentProgress.Status.RUNNING, 0, 0);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /** Contestant {@code c}'s network (read it only before or after {@link #run}). */
    public Sequential model(int c) {
        return contestants.get(c).model;
    }

    /** Contestant {@code c}'s optimizer. */
    public Optimizer optimizer(int c) {
        return contestants.get(c).optimizer;
    }

    /** The latest snapshot (any thread). */
    public ExperimentProgress progress() {
        return progress;
    }

    /** Mini-batches each contestant will train on: min(maxBatches, epochs × batches per epoch). */
    public int plannedBatches() {
        return (int) Math.min(maxBatches, (long) epochs * batchesPerEpoch());
    }

    private int batchesPerEpoch() {
        return (train.size() + batchSize - 1) / batchSize;
    }

    /** Trains every contestant to the end or until {@code cancel}; returns the last snapshot. Call once. */
    public ExperimentProgress run(CancelToken cancel) {
        DataLoader loader = new DataLoader(train, batchSize).shuffle(seed);
        int planned = plannedBatches();
        int plannedEpochs = (planned + loader.numBatches() - 1) / loader.numBatches();
        List<Trainer> trainers = new ArrayList<>();
        boolean[] reused = new boolean[contestants.size()];
        for (int c = 0; c < contestants.size(); c++) {
            Contestant contestant = contestants.get(c);
            trainers.add(new Trainer(contestant.model, new SoftmaxCrossEntropy(), contestant.optimizer));
            reused[c] = contestant.model.reusesBuffers();
            contestant.model.reuseBuffers(true); // no garbage per batch, as in Trainer.fit
            contestant.model.train(true);
        }
        int done = 0;
        int epoch = 0;
        boolean stopped = false;
        try {
            training:
            while (epoch < plannedEpochs) {
                epoch++;
                for (Batch b : loader.epoch()) {
                    if (done >= planned) {
                        break;
                    }
                    if (cancel.isCancelled()) {
                        stopped = true;
                        break training;
                    }
                    for (int c = 0; c < contestants.size(); c++) {
                        if (divergence[c] == null) {
                            step(c, trainers.get(c), b);
                        }
                    }
                    done++;
                    publish(ExperimentProgress.Status.RUNNING, epoch, done);
                }
                if (test != null) {
                    evaluate();
                    publish(ExperimentProgress.Status.RUNNING, epoch, done);
                }
                if (allDiverged()) {
                    break;
                }
            }
        } finally {
            for (int c = 0; c < contestants.size(); c++) {
                contestants.get(c).model.reuseBuffers(reused[c]);
                contestants.get(c).model.train(false);
            }
        }
        return publish(stopped ? ExperimentProgress.Status.STOPPED : ExperimentProgress.Status.FINISHED, epoch, done);
    }

    private void step(int c, Trainer trainer, Batch b) {
        try {
            float l = trainer.step(b);
            if (lossCount[c] == loss[c].length) {
                loss[c] = Arrays.copyOf(loss[c], Math.max(64, lossCount[c] * 2));
            }
            loss[c][lossCount[c]++] = l;
        } catch (TrainingException e) {
            divergence[c] = e.getMessage();
        }
    }

    private void evaluate() {
        for (int c = 0; c < contestants.size(); c++) {
            if (divergence[c] != null) {
                continue;
            }
            Sequential model = contestants.get(c).model;
            trainAccuracy[c] = append(trainAccuracy[c],
                (float) Evaluation.run(model, null, train, EVALUATION_BATCH).accuracy());
            testAccuracy[c] = append(testAccuracy[c],
                (float) Evaluation.run(model, null, test, EVALUATION_BATCH).accuracy());
        }
    }

    private boolean allDiverged() {
        for (String d : divergence) {
            if (d == null) {
                return false;
            }
        }
        return true;
    }

    private ExperimentProgress publish(ExperimentProgress.Status status, int epoch, int batch) {
        ExperimentProgress p = snapshot(status, epoch, batch);
        progress = p;
        for (Listener l : listeners) {
            l.onProgress(p);
        }
        return p;
    }

    private ExperimentProgress snapshot(ExperimentProgress.Status status, int epoch, int batch) {
        float[][] losses = new float[loss.length][];
        for (int c = 0; c < loss.length; c++) {
            losses[c] = Arrays.copyOf(loss[c], lossCount[c]);
        }
        int planned = plannedBatches();
        return new ExperimentProgress(status, names, epoch, (planned + batchesPerEpoch() - 1) / batchesPerEpoch(),
            batch, planned, losses, trainAccuracy, testAccuracy, divergence);
    }

    private static float[] append(float[] values, float value) {
        float[] more = Arrays.copyOf(values, values.length + 1);
        more[values.length] = value;
        return more;
    }
}
