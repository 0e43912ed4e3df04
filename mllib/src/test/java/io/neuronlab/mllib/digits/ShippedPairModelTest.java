package io.neuronlab.mllib.digits;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.train.ConfusionMatrix;
import io.neuronlab.mllib.train.Evaluation;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Locale;

import org.junit.Test;

/**
 * The "one digit or two touching digits" network the app ships ({@code app/src/main/assets/models/pairs.nlmf}):
 * it is what its file says it is (made by {@code train-pairs --seed 1}), and on the composites of MNIST's
 * <em>test</em> images its trainer measured it on, it reaches exactly the accuracy the file records.
 */
public class ShippedPairModelTest {
    static final File ASSET = new File("../app/src/main/assets/models/pairs.nlmf");

    @Test
    public void separatesOneDigitFromTwoTouchingOnesAsItsFileSays() throws Exception {
        assertTrue("the pair model " + ASSET.getAbsolutePath() + " is missing: train it with java -jar"
            + " mllib/target/mllib.jar train-pairs --seed 1 --out " + ASSET + " (docs/digits.md)", ASSET.isFile());
        Sequential model;
        try (InputStream in = new FileInputStream(ASSET)) {
            model = PairModel.load(in, ASSET.getPath());
        }
        TrainingMetadata meta = ModelFile.read(ASSET).metadata();
        assertTrue(meta.command(), meta.command().startsWith("train-pairs --seed 1 "));
        assertEquals(1L, meta.seed());
        assertEquals(PairModel.EPOCHS, meta.epochs());

        File dir = Mnist.defaultDir();
        assumeTrue("MNIST not found in " + dir, new File(dir, Mnist.TEST_IMAGES).isFile());
        // the trainer's test set: composites of MNIST's test images, seed + 1
        Dataset test = new TouchingPairs(Mnist.test(dir), meta.seed() + 1).dataset(PairModel.TEST_SAMPLES);
        ConfusionMatrix confusion = Evaluation.run(model, null, test, 200).confusionMatrix();
        long n = confusion.total();
        long ones = confusion.count(TouchingPairs.ONE, TouchingPairs.ONE);
        long twos = confusion.count(TouchingPairs.TWO, TouchingPairs.TWO);
        double accuracy = confusion.accuracy();
        System.out.printf(Locale.ROOT, "pair model: %.4f on %d MNIST-test composites (ones %d/%d, twos %d/%d); file says %s%n",
            accuracy, n, ones, n / 2, twos, n / 2, meta);
        assertEquals("the accuracy the file records", meta.accuracy(), accuracy, 1e-6);
        assertTrue("accuracy " + accuracy, accuracy >= 0.98);
        assertTrue("both classes: ones " + ones + ", twos " + twos, ones >= 0.97 * n / 2 && twos >= 0.97 * n / 2);
    }
}
