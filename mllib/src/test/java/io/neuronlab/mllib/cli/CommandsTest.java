package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.nn.LeakyReLU;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Adam;
import io.neuronlab.mllib.tensor.NoGrad;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.tflite.TfliteExporter;
import io.neuronlab.mllib.train.Trainer;
import io.neuronlab.mllib.train.TrainingResult;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The commands run in-process on real MNIST, with one small MLP trained once for them. */
public class CommandsTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    static String data;
    static File model;

    /** A 784-100-10 MLP trained for 2 epochs on 6000 images, saved with its accuracy on the first 1000 test images. */
    @BeforeClass
    public static void trainASmallModel() throws IOException {
        File dir = Mnist.defaultDir();
        data = dir.getPath();
        Random random = new Random(3);
        Sequential net = new Sequential()
            .add("fc1", new Linear(784, 100, new He(), random))
            .add("relu", new ReLU())
            .add("fc2", new Linear(100, 10, new He(), random));
        Dataset test = Mnist.test(dir).subset(0, 1000);
        TrainingResult result = new Trainer(net, new SoftmaxCrossEntropy(), new Adam(net.parameters().values(), 1e-3f))
            .epochs(2).testSet(test).fit(new DataLoader(Mnist.train(dir).subset(0, 6000), 50).shuffle(3));
        model = new File(tmp.getRoot(), "mlp.nlmf");
        new ModelSerializer().save(net, new TrainingMetadata("mnist", 2, (float) result.finalTestAccuracy(), 3, "test", null), model);
    }

    @Test
    public void evalReproducesTheAccuracyMeasuredDuringTraining() throws IOException {
        CliRun r = CliRun.run("eval", "--model", model.getPath(), "--data", data, "--limit", "1000");
        assertEquals(r.toString(), 0, r.exitCode);
        float saved = ModelFile.read(model).metadata().accuracy();
        assertTrue("2 epochs on 6000 images reach " + saved, saved > 0.85f);
        assertTrue(r.out, r.out.startsWith(String.format(Locale.ROOT, "accuracy: %.4f\n", saved)));
        assertTrue(r.out, r.out.contains("examples: 1000"));
        assertTrue(r.out, r.out.contains("actual\\pred"));
        assertTrue(r.out, r.out.contains("precision"));
    }

    @Test
    public void demoDrawsDigitsAndPrintsTheirProbabilities() {
        CliRun r = CliRun.run("demo", "--model", model.getPath(), "--data", data, "--count", "2", "--no-accuracy");
        assertEquals(r.toString(), 0, r.exitCode);
        assertEquals(r.out, 2, count(r.out, "<- prediction"));
        assertEquals(r.out, 2 * 14, count(r.out, "\n  |"));
        assertTrue(r.out, r.out.contains("@"));
        assertTrue(r.out, r.out.contains("   9 0."));
    }

    @Test
    public void predictReadsAPngTheWayTheAppReadsAPhoto() throws IOException {
        Dataset test = Mnist.test(new File(data)).subset(0, 50);
        Sequential net = new ModelSerializer().load(model);
        // a test digit the model gets right, drawn 6× larger as dark ink on white paper
        int index = -1;
        for (int i = 0; i < test.size() && index < 0; i++) {
            try (NoGrad scope = NoGrad.enter()) {
                float[] s = net.forward(test.example(i)).data();
                if (Probabilities.argmax(s) == test.label(i) && Probabilities.of(s)[test.label(i)] > 0.95f) {
                    index = i;
                }
            }
        }
        assertTrue(index >= 0);
        File png = new File(tmp.getRoot(), "digit.png");
        ImageIO.write(paper(test.example(index), 6), "png", png);

        CliRun r = CliRun.run("predict", "--model", model.getPath(), png.getPath());
        assertEquals(r.toString(), 0, r.exitCode);
        assertTrue(r.out, r.out.startsWith("image: " + png.getPath() + " (168x168)\n"));
        assertTrue(r.out, r.out.contains("digit: " + test.label(index)));
        Matcher m = Pattern.compile("p\\((\\d)\\): ([0-9.]+)").matcher(r.out);
        double sum = 0;
        int n = 0;
        while (m.find()) {
            assertEquals(n++, Integer.parseInt(m.group(1)));
            sum += Double.parseDouble(m.group(2));
        }
        assertEquals(10, n);
        assertEquals(1.0, sum, 2e-3);
    }

    @Test
    public void predictFailuresSayWhatIsWrong() throws IOException {
        CliRun noImage = CliRun.run("predict", "--model", model.getPath());
        assertEquals(2, noImage.exitCode);
        assertTrue(noImage.err, noImage.err.startsWith("mllib predict: predict needs exactly one image file, got 0"));

        File text = new File(tmp.getRoot(), "notes.txt");
        java.nio.file.Files.write(text.toPath(), "hello".getBytes());
        CliRun notImage = CliRun.run("predict", "--model", model.getPath(), text.getPath());
        assertEquals(1, notImage.exitCode);
        assertTrue(notImage.err, notImage.err.contains("is not an image Java can read"));

        File blank = new File(tmp.getRoot(), "blank.png");
        ImageIO.write(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), "png", blank);
        CliRun empty = CliRun.run("predict", "--model", model.getPath(), blank.getPath());
        assertEquals(empty.toString(), 1, empty.exitCode);
        assertTrue(empty.err, empty.err.contains("no digit found"));
    }

    @Test
    public void missingMnistIsAFailureWithAFix() {
        File nowhere = new File(tmp.getRoot(), "no-mnist");
        CliRun r = CliRun.run("eval", "--model", model.getPath(), "--data", nowhere.getPath());
        assertEquals(r.toString(), 1, r.exitCode);
        assertTrue(r.err, r.err.contains("scripts/fetch-mnist.sh " + nowhere.getPath()));

        Map<String, String> env = new HashMap<>();
        env.put("NEURONLAB_DATA", nowhere.getPath());
        CliRun viaEnv = CliRun.runWithEnv(env, "demo", "--model", model.getPath());
        assertEquals(1, viaEnv.exitCode);
        assertTrue(viaEnv.err, viaEnv.err.contains(nowhere.getPath()));
    }

    @Test
    public void exportTfliteWritesWhatTheExporterMakesOfTheLoadedModel() throws IOException {
        File out = new File(tmp.getRoot(), "mlp.tflite");
        CliRun r = CliRun.run("export-tflite", "--model", model.getPath(), "--out", out.getPath());
        assertEquals(r.toString(), 0, r.exitCode);
        assertTrue(r.out, r.out.startsWith("input shape (one sample, mllib layout): [784]\nwrote " + out.getPath()));
        byte[] written = java.nio.file.Files.readAllBytes(out.toPath());
        assertEquals("TFL3", new String(written, 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(java.util.Arrays.equals(TfliteExporter.toBytes(new ModelSerializer().load(model), new int[] {784}), written));

        File leaky = new File(tmp.getRoot(), "leaky.nlmf");
        new ModelSerializer().save(new Sequential().add("fc", new Linear(4, 2, new He(), new Random(1)))
            .add("act", new LeakyReLU(0.1f)), TrainingMetadata.none(), leaky);
        CliRun unsupported = CliRun.run("export-tflite", "--model", leaky.getPath(), "--out", out.getPath());
        assertEquals(unsupported.toString(), 1, unsupported.exitCode);
        assertTrue(unsupported.err, unsupported.err.startsWith("mllib export-tflite: error: cannot export " + leaky.getPath() + ": "));
        assertTrue("the earlier export is untouched", java.util.Arrays.equals(written, java.nio.file.Files.readAllBytes(out.toPath())));

        CliRun badShape = CliRun.run("export-tflite", "--model", model.getPath(), "--out", out.getPath(), "--input-shape", "1,x");
        assertEquals(2, badShape.exitCode);
    }

    @Test
    public void exportOnnxWritesWhatTheExporterMakesOfTheLoadedModel() throws IOException {
        File out = new File(tmp.getRoot(), "mlp.onnx");
        CliRun r = CliRun.run("export-onnx", "--model", model.getPath(), "--out", out.getPath());
        assertEquals(r.toString(), 0, r.exitCode);
        assertTrue(r.out, r.out.startsWith("input shape (one sample, mllib layout): [784]\nwrote " + out.getPath()));
        byte[] written = java.nio.file.Files.readAllBytes(out.toPath());
        assertTrue(java.util.Arrays.equals(
            io.neuronlab.mllib.onnx.OnnxExporter.toBytes(new ModelSerializer().load(model), new int[] {784}), written));
        CliRun missing = CliRun.run("export-onnx", "--model", new File(tmp.getRoot(), "none.nlmf").getPath(), "--out", out.getPath());
        assertEquals(missing.toString(), 1, missing.exitCode);
        assertTrue("the earlier export is untouched", java.util.Arrays.equals(written, java.nio.file.Files.readAllBytes(out.toPath())));
        assertEquals(2, CliRun.run("export-onnx", "--model", model.getPath(), "--out", out.getPath(), "--input-shape", "0").exitCode);
    }

    @Test
    public void gradcheckPassesOnCorrectBackpropAndCanFail() {
        for (String net : new String[] {"cnn", "mlp"}) {
            CliRun r = CliRun.run("gradcheck", "--net", net);
            assertEquals(r.toString(), 0, r.exitCode);
            Matcher m = Pattern.compile("max relative error: ([0-9.e+-]+)").matcher(r.out);
            assertTrue(r.out, m.find());
            assertTrue(r.out, Double.parseDouble(m.group(1)) < 1e-2);
            assertTrue(r.out, r.out.contains("fc") && r.out.contains("input"));
        }
        CliRun strict = CliRun.run("gradcheck", "--tolerance", "1e-30");
        assertEquals(strict.toString(), 1, strict.exitCode);
        assertTrue(strict.err, strict.err.contains("FAILED"));
    }

    /** A 28×28 image scaled by {@code scale}, ink dark on white, as a PNG would hold it. */
    private static BufferedImage paper(Tensor image, int scale) {
        BufferedImage img = new BufferedImage(28 * scale, 28 * scale, BufferedImage.TYPE_INT_RGB);
        float[] p = image.data();
        for (int y = 0; y < 28 * scale; y++) {
            for (int x = 0; x < 28 * scale; x++) {
                int v = 255 - Math.round(p[(y / scale) * 28 + x / scale] * 255);
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return img;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
