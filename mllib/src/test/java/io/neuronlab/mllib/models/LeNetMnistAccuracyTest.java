package io.neuronlab.mllib.models;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.train.BatchEvent;
import io.neuronlab.mllib.train.EpochEvent;
import io.neuronlab.mllib.train.Evaluation;
import io.neuronlab.mllib.train.StopReason;
import io.neuronlab.mllib.train.TrainingListener;
import io.neuronlab.mllib.train.TrainingResult;
import org.junit.Test;

import java.io.File;
import java.io.IOException;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Real training on full MNIST with the LeNet benchmark recipe (Adam 1e-3, batch 64, softmax cross-entropy):
 * at least 97.0 % on the 10 000 test images after one epoch and 98.5 % after three, in the same run.
 *
 * <p>The run is deterministic for a seed (system property {@code neuronlab.lenet.seed}, default 1). Adam at a
 * constant rate makes the test accuracy wander by a few tenths of a percent from epoch to epoch, so the margin
 * depends on the seed. Measured (epochs 1, 2, 3): seed 1 → 97.45, 97.58, 98.79 % (305 s with the parallel
 * im2col convolution; 97.55, 97.54, 98.72 % before it); seed 42 → 97.34, 98.52, 98.43 % (misses the 3-epoch
 * bar). Five to seven minutes on two busy cores.
 */
public class LeNetMnistAccuracyTest {
    @Test
    public void reaches97PercentAfterOneEpochAnd98Point5AfterThree() throws IOException {
        File dir = new File(System.getProperty(Mnist.DIR_PROPERTY, ".cache/mnist"));
        Dataset train = Mnist.train(dir);
        Dataset test = Mnist.test(dir);
        Recipe recipe = Recipes.lenetBench();
        long seed = Long.getLong("neuronlab.lenet.seed", 1L);
        Sequential net = recipe.createModel(seed);
        TrainingResult r = recipe.train(net, train, test, seed, new TrainingListener() {
            @Override
            public void onBatchEnd(BatchEvent e) {
                if (e.batch() % 200 == 0) {
                    System.out.printf("LeNet-bench epoch %d batch %d/%d: loss %.4f, %.0f examples/s, ETA %.0f s%n",
                        e.epoch(), e.batch(), e.batches(), e.loss(), e.examplesPerSecond(), e.etaSeconds());
                }
            }

            @Override
            public void onEpochEnd(EpochEvent e) {
                System.out.printf("LeNet-bench epoch %d: train loss %.4f, train acc %.4f, test acc %.4f, "
                        + "%.0f examples/s, epoch %.1f s%n", e.epoch(), e.trainLoss(), e.trainAccuracy(),
                    e.testAccuracy(), e.examplesPerSecond(), e.epochSeconds());
            }
        });
        System.out.printf("LeNet-bench seed %d total %.1f s%n", seed, r.seconds());
        assertEquals(StopReason.COMPLETED, r.stopReason());
        double afterOne = r.history().get(0).testAccuracy();
        double afterThree = r.history().get(2).testAccuracy();
        assertTrue("test accuracy after epoch 1: " + afterOne, afterOne >= 0.970);
        assertTrue("test accuracy after epoch 3: " + afterThree, afterThree >= 0.985);
        // the trainer's number is the model's real accuracy on the test set
        Evaluation ev = Evaluation.run(net, null, test, 1000);
        assertEquals(afterThree, ev.accuracy(), 0);
        System.out.println(ev.confusionMatrix());
    }
}
