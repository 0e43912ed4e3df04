package io.neuronlab.mllib.models;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.train.Evaluation;
import org.junit.Test;

import java.io.File;
import java.io.IOException;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The book's deep CNN as trained by the CLI (docs/bench.md, "The deep CNN"): training it takes the better part
 * of an hour on two cores, too long for every build, so the trained file is kept and this test checks what it
 * claims — the architecture is {@link DeepCnn}'s, it reaches the book's 99.3 % on the 10 000 MNIST test images,
 * and its metadata (command, seed, accuracy) is what was measured.
 */
public class DeepCnnModelTest {
    static final File MODEL = new File("src/test/resources/models/deepcnn.nlmf");

    @Test
    public void theTrainedDeepCnnReachesTheBooks99Point3Percent() throws IOException {
        Sequential net = DeepCnn.create(0);
        TrainingMetadata meta = new ModelSerializer().loadInto(net, MODEL); // rejects another architecture
        net.train(false);
        Dataset test = Mnist.test(new File(System.getProperty(Mnist.DIR_PROPERTY, ".cache/mnist")));
        double accuracy = Evaluation.run(net, new SoftmaxCrossEntropy(), test, 500).accuracy();
        System.out.printf("deep CNN: MNIST test accuracy %.4f; file says %s%n", accuracy, meta);
        assertTrue("accuracy " + accuracy, accuracy >= 0.993);
        assertEquals(meta.accuracy(), accuracy, 1e-6);
        assertTrue(meta.command(), meta.command().startsWith("train --net deepcnn "));
        assertEquals(1L, meta.seed());
        assertEquals(ModelFile.read(MODEL).metadata().epochs(), meta.epochs());
    }
}
