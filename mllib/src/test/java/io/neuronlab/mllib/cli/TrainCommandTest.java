package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.digits.DigitModel;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.TrainingMetadata;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** {@code train} in-process on a slice of real MNIST, and its option checks. */
public class TrainCommandTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void trainPrintsAnEpochLineEachAndSavesTheModelWithItsRecipe() throws IOException {
        String data = Mnist.defaultDir().getPath();
        File model = new File(tmp.getRoot(), "mlp.nlmf");
        CliRun r = CliRun.run("train", "--net", "mlp", "--epochs", "2", "--limit", "6000", "--test-limit", "1000",
            "--batch", "50", "--seed", "3", "--data", data, "--out", model.getPath());
        assertEquals(r.toString(), 0, r.exitCode);
        assertTrue(r.out, r.out.startsWith("training mlp with adam (lr 0.001), batch 50, 2 epochs, seed 3 on 6000 images, testing on 1000\n"));
        assertTrue(r.out, r.out.contains("\nepoch 1/2: lr 0.001, loss "));
        assertTrue(r.out, r.out.contains("\nepoch 2/2: lr 0.001, loss "));
        assertTrue(r.out, r.out.contains("saved: " + model.getPath()));

        TrainingMetadata meta = ModelFile.read(model).metadata();
        assertEquals(2, meta.epochs());
        assertEquals(3L, meta.seed());
        assertTrue(meta.command(), meta.command().startsWith("train --net mlp --epochs 2 --limit 6000"));
        assertEquals("adam", meta.extra().get("optimizer"));
        assertTrue("2 epochs on 6000 images reach " + meta.accuracy(), meta.accuracy() > 0.85f);
        assertTrue(r.out, r.out.contains(String.format(Locale.ROOT, "test accuracy: %.4f after 2 epochs", meta.accuracy())));

        // the accuracy recorded in the file is what eval measures on the same images
        CliRun eval = CliRun.run("eval", "--model", model.getPath(), "--data", data, "--limit", "1000");
        assertTrue(eval.out, eval.out.startsWith(String.format(Locale.ROOT, "accuracy: %.4f\n", meta.accuracy())));
    }

    @Test
    public void theDigitRecipeAugmentsDecaysTheRateAndSavesAFileTheAppLoads() throws IOException {
        String data = Mnist.defaultDir().getPath();
        File model = new File(tmp.getRoot(), "digits.nlmf");
        CliRun r = CliRun.run("train", "--net", "digit", "--epochs", "2", "--lr-decay", "0.5", "--limit", "2000",
            "--test-limit", "500", "--seed", "5", "--data", data, "--out", model.getPath());
        assertEquals(r.toString(), 0, r.exitCode);
        assertTrue(r.out, r.out.startsWith("training digit with adam (lr 0.001 ×0.5 per epoch), batch 64, 2 epochs, seed 5,"
            + " augmented on 2000 images, testing on 500\n"));
        // epoch 2 runs at half the rate of epoch 1
        assertTrue(r.out, r.out.contains("\nepoch 1/2: lr 0.001, loss "));
        assertTrue(r.out, r.out.contains("\nepoch 2/2: lr 0.0005, loss "));

        TrainingMetadata meta = ModelFile.read(model).metadata();
        assertEquals(2, meta.epochs());
        assertEquals("0.5", meta.extra().get("lr decay per epoch"));
        assertEquals("true", meta.extra().get("augment"));
        // the app's loader accepts it: same architecture as DigitModel
        try (java.io.InputStream in = new java.io.FileInputStream(model)) {
            Sequential net = DigitModel.load(in, model.getName());
            assertEquals(DigitModel.architecture().size(), net.layers().size());
        }
        assertTrue("2 short epochs reach " + meta.accuracy(), meta.accuracy() > 0.8f);
    }

    @Test
    public void badOptionsAreRejectedBeforeAnyDataIsLoaded() {
        CliRun net = CliRun.run("train", "--net", "resnet");
        assertEquals(2, net.exitCode);
        assertTrue(net.err, net.err.startsWith("mllib train: --net must be one of mlp|lenet|deepcnn|digit, got \"resnet\""));
        CliRun lr = CliRun.run("train", "--lr", "fast");
        assertEquals(2, lr.exitCode);
        assertTrue(lr.err, lr.err.startsWith("mllib train: --lr must be a number, got \"fast\""));
        CliRun epochs = CliRun.run("train", "--epochs", "0");
        assertEquals(2, epochs.exitCode);
        assertTrue(epochs.err, epochs.err.startsWith("mllib train: --epochs must be positive, got 0"));
        CliRun decay = CliRun.run("train", "--lr-decay", "1.5");
        assertEquals(2, decay.exitCode);
        assertTrue(decay.err, decay.err.startsWith("mllib train: --lr-decay must be in (0, 1], got 1.5"));
        CliRun both = CliRun.run("train", "--augment", "--no-augment");
        assertEquals(2, both.exitCode);
        assertTrue(both.err, both.err.startsWith("mllib train: --augment and --no-augment contradict each other"));
        CliRun out = CliRun.run("train", "--out", new File(tmp.getRoot(), "no/such/dir/m.nlmf").getPath());
        assertEquals(1, out.exitCode);
        assertTrue(out.err, out.err.contains("does not exist (create it first)"));
    }
}
