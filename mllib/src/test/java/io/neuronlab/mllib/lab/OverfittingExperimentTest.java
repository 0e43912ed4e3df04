package io.neuronlab.mllib.lab;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.train.CancelToken;
import io.neuronlab.mllib.train.ModelSnapshot;

import java.io.File;
import java.util.Arrays;
import org.junit.Test;

/**
 * The book's overfitting figures (ch. 6) on 300 real MNIST training images, 1,000 held-out test images, seed 1,
 * the default 100 epochs: plain SGD learns the 300 by heart while test accuracy stalls; weight decay and dropout
 * shrink the train-test gap.
 */
public class OverfittingExperimentTest {
    @Test
    public void weightDecayAndDropoutShrinkTheGap() throws Exception {
        File dir = new File(System.getProperty(Mnist.DIR_PROPERTY, ".cache/mnist"));
        Dataset train = Mnist.train(dir);
        Dataset test = Mnist.test(dir).subset(0, 1000);
        SideBySideTraining experiment = OverfittingExperiment.create(train, test, new OverfittingExperiment.Options());
        assertEquals(Arrays.asList("plain", "weight decay", "dropout"), experiment.names());
        assertEquals(100 * 3, experiment.plannedBatches());
        assertTrue(ModelSnapshot.of(experiment.model(0)).matches(experiment.model(OverfittingExperiment.DROPOUT)));
        assertEquals(0.1f, experiment.optimizer(OverfittingExperiment.WEIGHT_DECAY).weightDecay(), 0f);
        assertEquals(0f, experiment.optimizer(OverfittingExperiment.PLAIN).weightDecay(), 0f);
        int dropouts = 0;
        for (Layer l : experiment.model(OverfittingExperiment.DROPOUT).layers()) {
            dropouts += l instanceof Dropout ? 1 : 0;
        }
        assertEquals("dropout after each of the six hidden layers", 6, dropouts);

        ExperimentProgress end = experiment.run(new CancelToken());
        assertEquals(ExperimentProgress.Status.FINISHED, end.status);
        for (int c = 0; c < 3; c++) {
            assertEquals(100, end.trainAccuracy(c).length);
            assertEquals(100, end.testAccuracy(c).length);
        }
        int plain = OverfittingExperiment.PLAIN;
        String summary = String.format("train/test: plain %.3f/%.3f, decay %.3f/%.3f, dropout %.3f/%.3f",
            end.trainAccuracy(plain)[99], end.testAccuracy(plain)[99], end.trainAccuracy(1)[99],
            end.testAccuracy(1)[99], end.trainAccuracy(2)[99], end.testAccuracy(2)[99]);
        // measured (seed 1): plain 1.000/0.729, decay 0.897/0.715, dropout 0.687/0.526
        assertTrue("plain training learns the 300 images by heart: " + summary, end.trainAccuracy(plain)[99] > 0.98f);
        assertTrue("...but not the digits: " + summary, end.testAccuracy(plain)[99] < 0.85f);
        assertTrue("overfitting: " + summary, end.gap(plain) > 0.2f);
        assertTrue("weight decay narrows the gap: " + summary,
            end.gap(OverfittingExperiment.WEIGHT_DECAY) < end.gap(plain) - 0.05f);
        assertTrue("dropout narrows the gap: " + summary, end.gap(OverfittingExperiment.DROPOUT) < end.gap(plain) - 0.05f);
        assertTrue("the regularised runs still learn: " + summary,
            end.testAccuracy(OverfittingExperiment.WEIGHT_DECAY)[99] > 0.6f && end.testAccuracy(2)[99] > 0.4f);
    }
}
