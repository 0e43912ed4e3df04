package io.neuronlab.mllib.train;

import io.neuronlab.mllib.data.Batch;
import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Adam;
import io.neuronlab.mllib.optim.Optimizer;
import io.neuronlab.mllib.optim.SGD;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class TrainerTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Sequential net(long seed) {
        Random r = new Random(seed);
        return new Sequential()
            .add("fc1", new Linear(2, 16, new He(), r))
            .add("relu", new ReLU())
            .add("fc2", new Linear(16, 3, new He(), r));
    }

    /** Records every event. */
    static final class Recorder implements TrainingListener {
        final List<BatchEvent> batches = new ArrayList<>();
        final List<EpochEvent> epochs = new ArrayList<>();
        final List<TrainingResult> ends = new ArrayList<>();

        @Override
        public void onBatchEnd(BatchEvent e) {
            batches.add(e);
        }

        @Override
        public void onEpochEnd(EpochEvent e) {
            epochs.add(e);
        }

        @Override
        public void onTrainingEnd(TrainingResult r) {
            ends.add(r);
        }
    }

    @Test
    public void learnsBlobsAndReportsConsistentEvents() {
        Dataset train = Blobs.make(300, 1);
        Dataset test = Blobs.make(150, 2);
        Sequential model = net(3);
        Recorder rec = new Recorder();
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), new Adam(model.parameters().values(), 0.02f))
            .epochs(4).testSet(test).addListener(rec);
        DataLoader loader = new DataLoader(train, 32).shuffle(5);
        TrainingResult result = trainer.fit(loader);

        assertEquals(StopReason.COMPLETED, result.stopReason());
        assertEquals(4, result.epochsCompleted());
        assertEquals(4 * 10, rec.batches.size());
        assertEquals(rec.epochs, result.history());
        assertEquals(1, rec.ends.size());
        assertSame(result, rec.ends.get(0));
        for (int i = 0; i < rec.batches.size(); i++) {
            BatchEvent b = rec.batches.get(i);
            assertEquals(i / 10 + 1, b.epoch());
            assertEquals(i % 10 + 1, b.batch());
            assertEquals(10, b.batches());
            assertTrue(b.examplesPerSecond() > 0);
            assertTrue(b.etaSeconds() >= 0);
        }
        assertEquals(0.0, rec.batches.get(rec.batches.size() - 1).etaSeconds(), 0.0);
        // the epoch's training loss is the example-weighted mean of its batch losses (last batch has 12)
        for (int e = 0; e < 4; e++) {
            double sum = 0;
            for (int b = 0; b < 10; b++) {
                sum += rec.batches.get(e * 10 + b).loss() * (b == 9 ? 12 : 32);
            }
            assertEquals(sum / 300, rec.epochs.get(e).trainLoss(), 1e-5);
        }
        assertTrue("loss should fall: " + result.history(),
            result.history().get(3).trainLoss() < 0.5 * result.history().get(0).trainLoss());
        // the reported test accuracy is the model's accuracy on the test set, in evaluation mode
        Evaluation ev = Evaluation.run(model, new SoftmaxCrossEntropy(), test, 7);
        assertEquals(ev.accuracy(), result.finalTestAccuracy(), 0);
        assertEquals(ev.loss(), result.last().testLoss(), 1e-6);
        assertTrue("blobs are separable: " + ev.accuracy(), ev.accuracy() > 0.97);
    }

    @Test
    public void runsExactlyTheBooksLoop() {
        // forward → loss → backward → step over the same batches gives bit-identical weights
        Dataset train = Blobs.make(100, 4);
        Sequential a = net(9);
        Sequential b = net(9);
        new Trainer(a, new SoftmaxCrossEntropy(), new SGD(a.parameters().values(), 0.1f)).epochs(2)
            .fit(new DataLoader(train, 16).shuffle(11));

        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        Optimizer sgd = new SGD(b.parameters().values(), 0.1f);
        DataLoader loader = new DataLoader(train, 16).shuffle(11);
        for (int epoch = 0; epoch < 2; epoch++) {
            for (Batch batch : loader.epoch()) {
                b.zeroGrad();
                loss.forward(b.forward(batch.inputs()), batch.targets());
                b.backward(loss.backward());
                sgd.step();
            }
        }
        for (Map.Entry<String, Tensor> e : a.parameters().entrySet()) {
            assertArrayEquals(e.getKey(), b.parameters().get(e.getKey()).data(), e.getValue().data(), 0f);
        }
    }

    @Test
    public void stepIsOneIterationOfFit() {
        // step() over the same batches as fit() gives bit-identical weights and the losses fit reports
        Dataset train = Blobs.make(100, 4);
        Sequential a = net(9);
        Sequential b = net(9);
        Recorder rec = new Recorder();
        new Trainer(a, new SoftmaxCrossEntropy(), new Adam(a.parameters().values(), 0.01f)).epochs(2)
            .addListener(rec).fit(new DataLoader(train, 16).shuffle(11));

        Trainer stepper = new Trainer(b, new SoftmaxCrossEntropy(), new Adam(b.parameters().values(), 0.01f));
        DataLoader loader = new DataLoader(train, 16).shuffle(11);
        b.train(true);
        int i = 0;
        for (int epoch = 0; epoch < 2; epoch++) {
            for (Batch batch : loader.epoch()) {
                assertEquals(rec.batches.get(i++).loss(), stepper.step(batch), 0f);
            }
        }
        assertEquals(rec.batches.size(), i);
        for (Map.Entry<String, Tensor> e : a.parameters().entrySet()) {
            assertArrayEquals(e.getKey(), b.parameters().get(e.getKey()).data(), e.getValue().data(), 0f);
        }
    }

    @Test
    public void stepRefusesANonFiniteLossBeforeUpdating() {
        Dataset train = Blobs.make(32, 4);
        Sequential model = net(9);
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), new SGD(model.parameters().values(), 0.1f));
        model.parameters().get("fc1.weight").data()[0] = Float.NaN;
        ModelSnapshot before = ModelSnapshot.of(model);
        Batch batch = new DataLoader(train, 32).epoch().iterator().next();
        TrainingException e = org.junit.Assert.assertThrows(TrainingException.class, () -> trainer.step(batch));
        assertTrue(e.getMessage(), e.getMessage().startsWith("loss became NaN in batch 1"));
        assertTrue("no update after a NaN loss", before.matches(model));
    }

    @Test
    public void earlyStoppingEndsAfterPatienceEpochsWithoutImprovement() {
        Dataset train = Blobs.make(90, 5);
        Sequential model = net(1);
        Recorder rec = new Recorder();
        // the easy test set is soon classified perfectly; accuracy cannot improve on 1.0
        TrainingResult r = new Trainer(model, new SoftmaxCrossEntropy(), new Adam(model.parameters().values(), 0.05f))
            .epochs(50).testSet(Blobs.make(60, 6)).earlyStopping(3).addListener(rec)
            .fit(new DataLoader(train, 10).shuffle(1));
        assertEquals(StopReason.EARLY_STOPPED, r.stopReason());
        assertEquals(r.bestEpoch() + 3, r.epochsCompleted());
        double best = r.history().get(r.bestEpoch() - 1).testAccuracy();
        for (EpochEvent e : r.history()) {
            assertTrue(e.testAccuracy() <= best);
            assertEquals(e.epoch() == r.bestEpoch() || e.testAccuracy() > maxBefore(r.history(), e.epoch()), e.improved());
        }
        assertEquals(r.epochsCompleted(), rec.epochs.size());
    }

    private static double maxBefore(List<EpochEvent> history, int epoch) {
        double max = Double.NEGATIVE_INFINITY;
        for (EpochEvent e : history) {
            if (e.epoch() < epoch) {
                max = Math.max(max, e.testAccuracy());
            }
        }
        return max;
    }

    @Test
    public void nanLossThrowsWithEpochAndBatchAndRestoresTheLastCheckpoint() {
        Dataset train = Blobs.make(60, 7);
        Sequential model = net(2);
        List<ModelSnapshot> checkpoints = new ArrayList<>();
        List<Integer> checkpointEpochs = new ArrayList<>();
        boolean[] movedAwayFromCheckpoint = {false};
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), new SGD(model.parameters().values(), 0.1f))
            .epochs(3)
            .checkpointer((m, e) -> {
                checkpoints.add(ModelSnapshot.of(m));
                checkpointEpochs.add(e.epoch());
            })
            .addListener(new TrainingListener() {
                @Override
                public void onBatchEnd(BatchEvent e) {
                    // unshuffled batches of 10: poisoning examples 10..29 during epoch 2's batch 2 hits batch 3
                    if (e.epoch() == 2 && e.batch() == 2) {
                        movedAwayFromCheckpoint[0] = !checkpoints.get(0).matches(model);
                        java.util.Arrays.fill(train.inputs().data(), 20, 60, Float.NaN);
                    }
                }
            });
        try {
            trainer.fit(new DataLoader(train, 10));
            fail("NaN loss must stop training");
        } catch (TrainingException e) {
            assertEquals(2, e.epoch());
            assertEquals(3, e.batch());
            assertTrue(e.getMessage(), e.getMessage().contains("epoch 2, batch 3 of 6"));
            assertTrue(e.getMessage(), e.getMessage().contains("end of epoch 1"));
        }
        assertEquals(java.util.Collections.singletonList(1), checkpointEpochs);
        assertTrue("epoch 2 should have changed the weights", movedAwayFromCheckpoint[0]);
        assertTrue("model must be back at the epoch-1 checkpoint", checkpoints.get(0).matches(model));
    }

    @Test
    public void cancelTokenStopsBetweenBatchesFromAnotherThread() throws Exception {
        Sequential model = net(4);
        CancelToken token = new CancelToken();
        Recorder rec = new Recorder();
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), new SGD(model.parameters().values(), 0.1f))
            .epochs(5).addListener(rec).addListener(new TrainingListener() {
                @Override
                public void onBatchEnd(BatchEvent e) {
                    if (e.epoch() == 2 && e.batch() == 4) {
                        Thread other = new Thread(token::cancel);
                        other.start();
                        try {
                            other.join();
                        } catch (InterruptedException ex) {
                            throw new AssertionError(ex);
                        }
                    }
                }
            });
        TrainingResult r = trainer.fit(new DataLoader(Blobs.make(100, 8), 10), token);
        assertEquals(StopReason.CANCELLED, r.stopReason());
        assertEquals(1, r.epochsCompleted());
        assertEquals(14, rec.batches.size());
        assertSame(r, rec.ends.get(0));
    }

    @Test
    public void fitAsyncCancelStopsTrainingAndLeavesTheModelAlone() throws Exception {
        Sequential model = net(5);
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recorder rec = new Recorder();
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), new SGD(model.parameters().values(), 0.1f))
            .epochs(100).addListener(rec).addListener(new TrainingListener() {
                @Override
                public void onBatchEnd(BatchEvent e) {
                    if (e.batch() == 3 && e.epoch() == 1) {
                        reached.countDown();
                        await(release);
                    }
                }
            });
        TrainingFuture future = trainer.fitAsync(new DataLoader(Blobs.make(200, 9), 10));
        assertTrue(reached.await(30, TimeUnit.SECONDS));
        assertTrue(future.cancel(true));
        release.countDown();
        future.stopped().get(30, TimeUnit.SECONDS);
        assertTrue(future.isCancelled());
        try {
            future.get();
            fail("a cancelled future has no result");
        } catch (CancellationException expected) {
            // as CompletableFuture specifies
        }
        assertEquals(3, rec.batches.size());
        assertEquals(StopReason.CANCELLED, rec.ends.get(0).stopReason());
        ModelSnapshot after = ModelSnapshot.of(model);
        Thread.sleep(50);
        assertTrue(after.matches(model));
    }

    @Test
    public void fitAsyncCompletesWithTheResultOrTheFailure() throws Exception {
        Sequential model = net(6);
        TrainingResult r = new Trainer(model, new SoftmaxCrossEntropy(), new Adam(model.parameters().values(), 0.01f))
            .epochs(2).fitAsync(new DataLoader(Blobs.make(50, 1), 25)).get(60, TimeUnit.SECONDS);
        assertEquals(2, r.epochsCompleted());

        Dataset bad = Blobs.make(50, 1);
        bad.inputs().data()[3] = Float.POSITIVE_INFINITY;
        Sequential other = net(6);
        TrainingFuture f = new Trainer(other, new SoftmaxCrossEntropy(), new SGD(other.parameters().values(), 0.1f))
            .fitAsync(new DataLoader(bad, 25));
        try {
            f.get(60, TimeUnit.SECONDS);
            fail();
        } catch (ExecutionException e) {
            assertTrue(e.getCause() instanceof TrainingException);
            assertEquals(1, ((TrainingException) e.getCause()).batch());
            assertTrue(e.getCause().getMessage().contains("the starting weights"));
        }
        assertTrue(ModelSnapshot.of(net(6)).matches(other));
    }


    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
