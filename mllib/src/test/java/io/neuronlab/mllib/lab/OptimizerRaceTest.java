package io.neuronlab.mllib.lab;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.optim.AdaGrad;
import io.neuronlab.mllib.optim.Adam;
import io.neuronlab.mllib.optim.Momentum;
import io.neuronlab.mllib.optim.SGD;
import io.neuronlab.mllib.train.CancelToken;

import java.io.File;
import java.util.Arrays;
import org.junit.Test;

/**
 * The book's optimizer race (ch. 6) on 12,000 real MNIST training images, seed 1, 300 iterations of 128: the book's
 * order — AdaGrad and Adam far below SGD, Momentum in between.
 */
public class OptimizerRaceTest {
    @Test
    public void racesAsTheBookShows() throws Exception {
        File dir = new File(System.getProperty(Mnist.DIR_PROPERTY, ".cache/mnist"));
        Dataset train = Mnist.train(dir).subset(0, 12_000);
        SideBySideTraining race = OptimizerRace.create(train, new OptimizerRace.Options());
        assertEquals(Arrays.asList("sgd", "momentum", "adagrad", "adam"), race.names());
        assertEquals(300, race.plannedBatches());

        ExperimentProgress end = race.run(new CancelToken());
        assertEquals(ExperimentProgress.Status.FINISHED, end.status);
        float first = end.batchLoss(0)[0];
        float[] recent = new float[4];
        for (int c = 0; c < 4; c++) {
            assertNull(end.divergence(c));
            assertEquals(300, end.batchLoss(c).length);
            // the first loss is measured before any update: same weights, same batch, same number
            assertEquals(first, end.batchLoss(c)[0], 0f);
            recent[c] = end.recentLoss(c, 50);
        }
        assertEquals("the untrained 10-class loss is about ln 10", Math.log(10), first, 0.3);
        String curves = "mean loss of the last 50 batches " + Arrays.toString(recent) + " (sgd, momentum, adagrad, adam)";
        // measured (seed 1): sgd 0.61, momentum 0.22, adagrad 0.13, adam 0.15
        assertTrue(curves, recent[0] > 0.4f);
        assertTrue(curves, recent[1] < 0.7f * recent[0]);
        assertTrue(curves, recent[2] < 0.5f * recent[0] && recent[2] < recent[1]);
        assertTrue(curves, recent[3] < 0.5f * recent[0] && recent[3] < recent[1]);
    }

    @Test
    public void usesTheBooksOptimizersAndLearningRates() {
        Dataset tiny = new Dataset(io.neuronlab.mllib.tensor.Tensor.zeros(20, 1, 28, 28), new int[20], 10);
        SideBySideTraining race = OptimizerRace.create(tiny, new OptimizerRace.Options());
        assertEquals(0.01f, OptimizerRace.bookLearningRate("sgd"), 0f);
        assertEquals(0.001f, OptimizerRace.bookLearningRate("adam"), 0f);
        assertTrue(race.optimizer(0) instanceof SGD && race.optimizer(0).learningRate() == 0.01f);
        assertTrue(race.optimizer(1) instanceof Momentum && race.optimizer(1).learningRate() == 0.01f);
        assertTrue(race.optimizer(2) instanceof AdaGrad && race.optimizer(2).learningRate() == 0.01f);
        assertTrue(race.optimizer(3) instanceof Adam && race.optimizer(3).learningRate() == 0.001f);
        // 784-100-100-100-100-10: five affine layers
        assertEquals(10, race.model(0).parameters().size());
        assertEquals(784 * 100, race.model(0).parameters().get("fc1.weight").data().length);
    }
}
