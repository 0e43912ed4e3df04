package io.neuronlab.mllib.lab;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.models.Mlp;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Adam;
import io.neuronlab.mllib.optim.SGD;
import io.neuronlab.mllib.train.CancelToken;
import io.neuronlab.mllib.train.ModelSnapshot;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.BeforeClass;
import org.junit.Test;

/** The side-by-side core on real MNIST images: identical starts, identical batches, cancel, a contestant diverging. */
public class SideBySideTrainingTest {
    private static Dataset train;
    private static Dataset test;

    @BeforeClass
    public static void load() throws Exception {
        File dir = new File(System.getProperty(Mnist.DIR_PROPERTY, ".cache/mnist"));
        train = Mnist.train(dir).subset(0, 2000);
        test = Mnist.test(dir).subset(0, 200);
    }

    private static SideBySideTraining.Contestant adam(String name, long seed) {
        Sequential net = Mlp.create(seed, 784, 50, 10);
        return new SideBySideTraining.Contestant(name, net, new Adam(net.parameters().values(), 0.001f));
    }

    @Test
    public void twinsStartIdenticalAndSeeTheSameBatches() {
        // built from different seeds: the experiment copies the first one's weights into the second
        SideBySideTraining.Contestant first = adam("a", 1);
        SideBySideTraining.Contestant twin = adam("b", 2);
        assertFalse(ModelSnapshot.of(first.model).matches(twin.model));
        SideBySideTraining run = new SideBySideTraining(Arrays.asList(first, twin), train, test, 64, 2,
            Integer.MAX_VALUE, 7);
        assertTrue("bit-identical starting weights", ModelSnapshot.of(run.model(0)).matches(run.model(1)));

        ExperimentProgress end = run.run(new CancelToken());
        assertEquals(ExperimentProgress.Status.FINISHED, end.status);
        assertEquals(2 * 32, end.batchLoss(0).length);
        // same start, same optimizer, same batches in the same order: the curves agree to the bit
        assertArrayEquals(end.batchLoss(0), end.batchLoss(1), 0f);
        assertArrayEquals(end.testAccuracy(0), end.testAccuracy(1), 0f);
        assertTrue(ModelSnapshot.of(run.model(0)).matches(run.model(1)));
        assertEquals(2, end.trainAccuracy(0).length);
        assertTrue("learning: " + end.testAccuracy(0)[1], end.testAccuracy(0)[1] > 0.8f);
    }

    @Test
    public void aDifferentShuffleSeedGivesOtherBatches() {
        // the control for the test above: the same two contestants with another seed trace another curve
        ExperimentProgress seven = new SideBySideTraining(Arrays.asList(adam("a", 1)), train, null, 64, 1, 10, 7)
            .run(new CancelToken());
        ExperimentProgress eight = new SideBySideTraining(Arrays.asList(adam("a", 1)), train, null, 64, 1, 10, 8)
            .run(new CancelToken());
        assertEquals(10, seven.batchLoss(0).length);
        assertFalse(Arrays.equals(seven.batchLoss(0), eight.batchLoss(0)));
    }

    @Test
    public void aDivergingContestantDropsOutAndTheOthersFinish() {
        Sequential wild = Mlp.create(1, 784, 50, 10);
        List<SideBySideTraining.Contestant> contestants = new ArrayList<>();
        contestants.add(adam("adam", 1));
        contestants.add(new SideBySideTraining.Contestant("sgd lr 1e9", wild, new SGD(wild.parameters().values(), 1e9f)));
        SideBySideTraining run = new SideBySideTraining(contestants, train, null, 100, 1, Integer.MAX_VALUE, 3);
        ExperimentProgress end = run.run(new CancelToken());
        assertEquals(ExperimentProgress.Status.FINISHED, end.status);
        assertNull(end.divergence(0));
        assertEquals(20, end.batchLoss(0).length);
        assertNotNull("lr 1e9 must blow up", end.divergence(1));
        assertTrue(end.divergence(1), end.divergence(1).startsWith("loss became "));
        assertTrue(end.batchLoss(1).length < 20);
        for (float l : end.batchLoss(1)) {
            assertTrue("only finite losses are recorded", Float.isFinite(l));
        }
    }

    @Test
    public void cancelStopsEveryContestantAtTheSameBatch() throws Exception {
        SideBySideTraining run = new SideBySideTraining(Arrays.asList(adam("a", 1), adam("b", 1), adam("c", 1)),
            train, null, 32, 5, Integer.MAX_VALUE, 1);
        CancelToken cancel = new CancelToken();
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(5);
        run.addListener(p -> {
            rounds.incrementAndGet();
            started.countDown();
        });
        AtomicReference<ExperimentProgress> end = new AtomicReference<>();
        Thread t = new Thread(() -> end.set(run.run(cancel)));
        t.start();
        assertTrue(started.await(60, TimeUnit.SECONDS));
        cancel.cancel();
        t.join(60_000);
        assertFalse(t.isAlive());
        ExperimentProgress p = end.get();
        assertEquals(ExperimentProgress.Status.STOPPED, p.status);
        assertTrue(p.batch >= 5 && p.batch < run.plannedBatches());
        for (int c = 0; c < 3; c++) {
            assertEquals(p.batch, p.batchLoss(c).length);
        }
        assertEquals(p.batch + 1, rounds.get()); // one snapshot per round of batches, plus the end
        assertFalse("evaluation mode after the run", run.model(0).isTraining());
    }

    @Test
    public void contestantsMustShareTheirParameters() {
        Sequential small = Mlp.create(1, 784, 20, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SideBySideTraining(
            Arrays.asList(adam("a", 1), new SideBySideTraining.Contestant("b", small,
                new Adam(small.parameters().values(), 0.001f))), train, null, 32, 1, 10, 1));
        assertTrue(e.getMessage(), e.getMessage().contains("values, the snapshot"));
    }
}
