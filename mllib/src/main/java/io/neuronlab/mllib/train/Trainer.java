package io.neuronlab.mllib.train;

import io.neuronlab.mllib.data.Batch;
import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.loss.Loss;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.optim.LrSchedule;
import io.neuronlab.mllib.optim.Optimizer;
import io.neuronlab.mllib.tensor.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The book's {@code Trainer}: epochs of mini-batch gradient descent — forward, loss, backward, optimizer step —
 * for a classifier {@code model} whose output is class scores {@code [B, K]}.
 *
 * <p>Per epoch it reports progress to {@link TrainingListener}s, evaluates the test set (if set), saves a
 * checkpoint (in memory, and through a {@link Checkpointer} if set) and applies early stopping (if set).
 * A NaN or infinite loss puts the model back to the last checkpoint and throws {@link TrainingException}.
 * {@link #fit(DataLoader, CancelToken)} stops between mini-batches when its token is cancelled;
 * {@link #fitAsync} runs on another thread and returns a cancellable future. When fit returns, the model is
 * in evaluation mode ({@code train(false)}), ready for inference.
 *
 * <p>A learning-rate schedule ({@link #lrSchedule}) steps at the end of every epoch, after the listeners, so
 * they see the rate the epoch was trained with.
 */
public final class Trainer {
    private final Layer model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private int epochs = 1;
    private Dataset testSet;
    private int evaluationBatchSize = 500;
    private int patience;
    private Checkpointer checkpointer;
    private LrSchedule schedule;

    public Trainer(Layer model, Loss loss, Optimizer optimizer) {
        if (model == null || loss == null || optimizer == null) {
            throw new IllegalArgumentException("a Trainer needs a model, a loss and an optimizer");
        }
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
    }

    /** Number of passes over the training data. Returns this. */
    public Trainer epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /** Evaluates {@code test} after every epoch (its accuracy then drives early stopping). Returns this. */
    public Trainer testSet(Dataset test) {
        this.testSet = test;
        return this;
    }

    /** Mini-batch size used for evaluation (memory only; results do not depend on it). Returns this. */
    public Trainer evaluationBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("evaluation batch size must be >= 1, got " + size);
        }
        this.evaluationBatchSize = size;
        return this;
    }

    /**
     * Stops when the monitored value — test accuracy with a test set, else mean training loss — has not improved
     * for {@code patience} epochs; 0 turns early stopping off. Returns this.
     */
    public Trainer earlyStopping(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        this.patience = patience;
        return this;
    }

    /** Called with the model after every good epoch. Returns this. */
    public Trainer checkpointer(Checkpointer checkpointer) {
        this.checkpointer = checkpointer;
        return this;
    }

    /** Steps {@code schedule} after every epoch (after the listeners); null for none. Returns this. */
    public Trainer lrSchedule(LrSchedule schedule) {
        this.schedule = schedule;
        return this;
    }

    public Trainer addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    public void removeListener(TrainingListener listener) {
        listeners.remove(listener);
    }

    public Layer model() {
        return model;
    }

    /** Trains to the end (or early stop). */
    public TrainingResult fit(DataLoader train) {
        return fit(train, new CancelToken());
    }

    /** Trains until done, early-stopped or {@code cancel} is cancelled (checked between mini-batches). */
    public TrainingResult fit(DataLoader train, CancelToken cancel) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("this Trainer is already training; one fit at a time");
        }
        boolean reused = model.reusesBuffers();
        model.reuseBuffers(true); // no garbage per batch; the batch's outputs are consumed before the next one
        try {
            return run(train, cancel);
        } finally {
            model.reuseBuffers(reused);
            model.train(false);
            running.set(false);
        }
    }

    /** {@link #fit} on a new daemon thread. */
    public TrainingFuture fitAsync(DataLoader train) {
        return fitAsync(train, task -> {
            Thread t = new Thread(task, "neuronlab-training");
            t.setDaemon(true);
            t.start();
        });
    }

    /** {@link #fit} on {@code executor}; cancelling the returned future stops training between mini-batches. */
    public TrainingFuture fitAsync(DataLoader train, Executor executor) {
        TrainingFuture future = new TrainingFuture();
        executor.execute(() -> {
            try {
                if (!future.isDone()) {
                    future.complete(fit(train, future.cancelToken()));
                }
            } catch (Throwable t) {
                future.completeExceptionally(t);
            } finally {
                future.markStopped();
            }
        });
        return future;
    }

    /**
     * One step of mini-batch gradient descent on {@code batch} — forward, loss, backward, optimizer update — for
     * callers that drive several trainers over the very same batches ({@code lab.SideBySideTraining}). Returns the
     * batch's loss (measured before the update). The model must be in training mode ({@code model.train(true)}).
     * A NaN or infinite loss throws {@link TrainingException} (epoch 0, the batch's number) before any update, so
     * the weights stay those of the last good step; no listener is called.
     */
    public float step(Batch batch) {
        if (running.get()) {
            throw new IllegalStateException("this Trainer is inside fit(); step() is for callers that drive it");
        }
        model.zeroGrad();
        Tensor scores = model.forward(batch.inputs());
        float l = loss.forward(scores, batch.targets());
        if (Float.isNaN(l) || Float.isInfinite(l)) {
            throw new TrainingException("loss became " + l + " in batch " + (batch.number() + 1) + "; the weights are"
                + " those before this batch. Try a smaller learning rate or check the inputs for NaN.", 0,
                batch.number() + 1);
        }
        update();
        return l;
    }

    /** Backward from the loss's last forward, then the optimizer's update. */
    private void update() {
        model.backwardParameters(loss.backward()); // the input is data: no gradient for it
        optimizer.step();
    }

    private TrainingResult run(DataLoader train, CancelToken cancel) {
        long start = System.nanoTime();
        int batches = train.numBatches();
        long plannedBatches = (long) epochs * batches;
        long batchesDone = 0;
        List<EpochEvent> history = new ArrayList<>();
        ModelSnapshot lastGood = ModelSnapshot.of(model);
        double best = Double.NaN;
        int bestEpoch = 0;
        StopReason reason = StopReason.COMPLETED;

        epochLoop:
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long epochStart = System.nanoTime();
            model.train(true);
            double lossSum = 0;
            long correct = 0;
            int seen = 0;
            for (Batch b : train.epoch()) {
                if (cancel.isCancelled()) {
                    reason = StopReason.CANCELLED;
                    break epochLoop;
                }
                int batch = b.number() + 1;
                model.zeroGrad();
                Tensor scores = model.forward(b.inputs());
                float l = loss.forward(scores, b.targets());
                if (Float.isNaN(l) || Float.isInfinite(l)) {
                    lastGood.restore(model);
                    throw new TrainingException("loss became " + l + " in epoch " + epoch + ", batch " + batch + " of "
                        + batches + "; the model was reset to its last good checkpoint (" + (history.isEmpty()
                        ? "the starting weights" : "end of epoch " + history.size()) + "). Try a smaller learning"
                        + " rate or check the inputs for NaN.", epoch, batch);
                }
                update();

                int batchCorrect = Metrics.correct(scores, b.labels());
                lossSum += (double) l * b.size();
                correct += batchCorrect;
                seen += b.size();
                batchesDone++;
                double epochSeconds = seconds(epochStart);
                double eta = seconds(start) / batchesDone * (plannedBatches - batchesDone);
                BatchEvent event = new BatchEvent(epoch, epochs, batch, batches, l, (double) batchCorrect / b.size(),
                    seen / Math.max(epochSeconds, 1e-9), eta);
                for (TrainingListener listener : listeners) {
                    listener.onBatchEnd(event);
                }
            }
            double trainingSeconds = seconds(epochStart);
            double trainLoss = lossSum / seen;
            double testLoss = Double.NaN;
            double testAccuracy = Double.NaN;
            if (testSet != null) {
                Evaluation ev = Evaluation.run(model, loss, testSet, evaluationBatchSize);
                testLoss = ev.loss();
                testAccuracy = ev.accuracy();
            }
            // monitored: test accuracy (higher is better) or training loss (lower is better)
            double monitored = testSet != null ? testAccuracy : -trainLoss;
            boolean improved = bestEpoch == 0 || monitored > best;
            if (improved) {
                best = monitored;
                bestEpoch = epoch;
            }
            double eta = seconds(start) / batchesDone * (plannedBatches - batchesDone);
            EpochEvent event = new EpochEvent(epoch, epochs, trainLoss, (double) correct / seen, testLoss, testAccuracy,
                seen / Math.max(trainingSeconds, 1e-9), seconds(epochStart), eta, improved);
            history.add(event);
            lastGood = ModelSnapshot.of(model);
            if (checkpointer != null) {
                try {
                    checkpointer.checkpoint(model, event);
                } catch (IOException e) {
                    throw new UncheckedIOException("checkpoint after epoch " + epoch + " failed: " + e.getMessage(), e);
                }
            }
            for (TrainingListener listener : listeners) {
                listener.onEpochEnd(event);
            }
            if (schedule != null) {
                schedule.step();
            }
            if (patience > 0 && epoch - bestEpoch >= patience && epoch < epochs) {
                reason = StopReason.EARLY_STOPPED;
                break;
            }
        }
        TrainingResult result = new TrainingResult(history, reason, bestEpoch, seconds(start));
        for (TrainingListener listener : listeners) {
            listener.onTrainingEnd(result);
        }
        return result;
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
