package io.neuronlab.mllib.lab;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.train.ModelSnapshot;

import java.io.File;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The lab's controller with real threads on a few hundred real MNIST images (LeNet, batches of 20). */
public class TrainingControllerTest {
    private static Dataset train;
    private static Dataset test;

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @BeforeClass
    public static void load() throws Exception {
        File dir = new File(System.getProperty(Mnist.DIR_PROPERTY, ".cache/mnist"));
        train = Mnist.train(dir).subset(0, 300);
        test = Mnist.test(dir).subset(0, 100);
    }

    private static LabSettings tiny(int epochs) {
        return LabSettings.defaults("lenet", 300).withBatchSize(20).withEpochs(epochs);
    }

    private static void waitFor(TrainingController c, java.util.function.Predicate<LabProgress> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.test(c.progress())) {
            assertTrue("timed out; progress is " + c.progress().status, System.nanoTime() < deadline);
            Thread.sleep(2);
        }
    }

    @Test
    public void runsToTheEndWithCurvesAndResults() {
        TrainingController c = new TrainingController(tiny(2), train, test, null);
        LabProgress done = c.run();
        assertEquals(LabProgress.Status.FINISHED, done.status);
        assertEquals(2 * 15, done.batchLoss.length);
        assertEquals(2, done.trainAccuracy.length);
        assertEquals(2, done.testAccuracy.length);
        assertEquals(6, done.filters.size());
        assertEquals(25, done.filters.get(0).length);
        assertEquals(1f, done.fractionDone(), 0f);
        LabResult result = c.result();
        assertEquals(100, result.total());
        int sum = 0;
        for (int[] row : result.confusion()) {
            for (int v : row) {
                sum += v;
            }
        }
        assertEquals(100, sum);
        assertEquals(done.testAccuracy[1], result.accuracy(), 1e-6f);
        assertEquals(100, done.testImages);
        assertNull("a run that learns gets no not-learning verdict", done.notLearning);
        // 300 images, 2 epochs: clearly learning (chance is 10 %)
        assertTrue("test accuracy " + result.accuracy(), result.accuracy() > 0.5f);
    }

    @Test
    public void pauseHoldsTheTrainingThreadUntilResume() throws Exception {
        TrainingController c = new TrainingController(tiny(1), train, test, null);
        Thread t = new Thread(c::run);
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        c.addListener(p -> {
            if (p.batch == 3 && once.compareAndSet(false, true)) {
                c.pause();
            }
        });
        t.start();
        waitFor(c, p -> p.status == LabProgress.Status.PAUSED);
        int batches = c.progress().batchLoss.length;
        Thread.sleep(300);
        assertEquals("no batch while paused", batches, c.progress().batchLoss.length);
        assertEquals(LabProgress.Status.PAUSED, c.progress().status);
        assertTrue(t.isAlive());
        c.resume();
        t.join(60_000);
        assertEquals(LabProgress.Status.FINISHED, c.progress().status);
        assertEquals(15, c.progress().batchLoss.length);
    }

    @Test
    public void stopWhilePausedEndsTheRunAndDeletesTheCheckpoint() throws Exception {
        File checkpoint = new File(folder.getRoot(), "run.nlmf");
        TrainingController c = new TrainingController(tiny(3), train, test, checkpoint);
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        c.addListener(p -> {
            if (p.epoch == 2 && p.batch == 2 && once.compareAndSet(false, true)) {
                c.pause();
            }
        });
        Thread t = new Thread(c::run);
        t.start();
        waitFor(c, p -> p.status == LabProgress.Status.PAUSED);
        assertTrue("epoch 1 was checkpointed", checkpoint.isFile());
        c.stop();
        t.join(60_000);
        assertEquals(LabProgress.Status.STOPPED, c.progress().status);
        assertEquals(15 + 2, c.progress().batchLoss.length);
        assertNotNull("a stopped run still gets its results", c.result());
        assertFalse(checkpoint.exists());
    }

    @Test
    public void resumesFromTheLastCheckpointAfterTheProcessDies() throws Exception {
        File checkpoint = new File(folder.getRoot(), "run.nlmf");
        LabSettings settings = tiny(3);
        TrainingController first = new TrainingController(settings, train, test, checkpoint);
        killDuring(first, 3, 4); // the checkpoint of epoch 2 stays on disk
        float[] savedTrainAccuracy = first.progress().trainAccuracy;
        assertEquals(2, savedTrainAccuracy.length);
        assertEquals(settings, TrainingController.pendingSettings(checkpoint));

        Sequential saved = LabNetworks.build(settings);
        new ModelSerializer().loadInto(saved, checkpoint);
        ModelSnapshot savedWeights = ModelSnapshot.of(saved);

        TrainingController second = new TrainingController(settings, train, test, checkpoint);
        AtomicReference<Boolean> startedFromCheckpoint = new AtomicReference<>();
        AtomicReference<LabProgress> firstReport = new AtomicReference<>();
        second.addListener(p -> {
            if (firstReport.get() == null) {
                firstReport.set(p);
                startedFromCheckpoint.set(savedWeights.matches(second.model()));
            }
        });
        LabProgress done = second.run();
        assertTrue("the resumed run starts from the checkpoint's weights", startedFromCheckpoint.get());
        assertEquals(2, firstReport.get().resumedAfterEpoch);
        assertEquals(3, firstReport.get().epoch);
        assertArrayEquals(savedTrainAccuracy, firstReport.get().trainAccuracy, 1e-5f);
        assertEquals(30, firstReport.get().batchLoss.length);
        assertEquals(LabProgress.Status.FINISHED, done.status);
        assertEquals(3, done.trainAccuracy.length);
        assertEquals(45, done.batchLoss.length);
        assertFalse(checkpoint.exists());
        assertNull(TrainingController.pendingSettings(checkpoint));
    }

    @Test
    public void aCheckpointOfOtherSettingsIsNotResumed() throws Exception {
        File checkpoint = new File(folder.getRoot(), "run.nlmf");
        TrainingController first = new TrainingController(tiny(2), train, test, checkpoint);
        killDuring(first, 2, 1);
        TrainingController other = new TrainingController(tiny(2).withLearningRate(0.003f), train, test, checkpoint);
        assertEquals(0, other.run().resumedAfterEpoch);
    }

    @Test
    public void aDivergingRunEndsExplainedWithoutThrowing() {
        LabSettings wild = tiny(2).withOptimizer("sgd").withLearningRate(1e4f);
        TrainingController c = new TrainingController(wild, train, test, null);
        LabProgress done = c.run();
        assertEquals(LabProgress.Status.DIVERGED, done.status);
        assertTrue(done.failure, done.failure.contains("loss became"));
        assertTrue(done.epoch >= 1 && done.batch >= 1);
        for (float[] f : done.filters) {
            for (float v : f) {
                assertTrue("weights are back at the last good state", Float.isFinite(v));
            }
        }
    }

    /**
     * The lab's real defaults (LeNet, Adam 0.002 → 10, batch norm, batch 64, 3 epochs) on 300 images: Adam's bounded
     * steps and batch norm keep the loss a number, so nothing is NaN, but it explodes and the lab says so.
     */
    @Test
    public void theDefaultsAtLearningRate10ExplodeWithoutNaNAndAreExplained() {
        LabSettings defaults = LabSettings.defaults("lenet", 300);
        assertEquals("adam", defaults.optimizer);
        assertTrue(defaults.batchNorm);
        TrainingController c = new TrainingController(defaults.withLearningRate(10f), train, test, null);
        LabProgress done = c.run();
        assertEquals("no NaN: the run goes to its end", LabProgress.Status.FINISHED, done.status);
        for (float loss : done.batchLoss) {
            assertTrue(Float.isFinite(loss));
        }
        NotLearning verdict = done.notLearning;
        assertNotNull("the explosion is reported", verdict);
        assertTrue(verdict.lossExploded());
        assertEquals(done.batchLoss[0], verdict.startLoss(), 0f);
        assertTrue(verdict.explodedLoss() + " vs start " + verdict.startLoss(),
            verdict.explodedLoss() > NotLearning.FACTOR * verdict.startLoss());
        assertTrue("seen within the first epoch, batch " + verdict.explodedAtBatch(),
            verdict.explodedAtBatch() >= 2 && verdict.explodedAtBatch() <= 5);
        assertTrue("and it did not learn: " + c.result().accuracy(), c.result().accuracy() < 0.3f);
    }

    @Test
    public void aCheckpointIsResumedOnlyOnTheSameData() throws Exception {
        File checkpoint = new File(folder.getRoot(), "run.nlmf");
        LabSettings settings = tiny(2).withData(LabSettings.Data.MY_SAMPLES);
        TrainingController first = new TrainingController(settings, train, test, checkpoint, "samples-a");
        killDuring(first, 2, 1); // after epoch 1's checkpoint
        assertEquals(settings, TrainingController.pendingSettings(checkpoint));
        java.nio.file.Path saved = folder.getRoot().toPath().resolve("saved.nlmf");
        java.nio.file.Files.copy(checkpoint.toPath(), saved);
        assertEquals("other samples start afresh", 0,
            new TrainingController(settings, train, test, checkpoint, "samples-b").run().resumedAfterEpoch);
        java.nio.file.Files.copy(saved, checkpoint.toPath());
        assertEquals("the same samples resume", 1,
            new TrainingController(settings, train, test, checkpoint, "samples-a").run().resumedAfterEpoch);
    }

    /**
     * Runs {@code run} until its progress reaches {@code batch} of {@code epoch}, then kills it there: nothing after
     * that point runs, as when Android kills the process (checkpoints already written stay on disk).
     */
    private static void killDuring(TrainingController run, int epoch, int batch) {
        run.addListener(p -> {
            if (p.epoch == epoch && p.batch == batch) {
                throw new ProcessKilled();
            }
        });
        try {
            run.run();
            throw new AssertionError("the simulated kill did not happen");
        } catch (ProcessKilled expected) {
            // killed
        }
    }

    private static final class ProcessKilled extends Error {
        ProcessKilled() {
            super("simulated process death");
        }
    }
}
