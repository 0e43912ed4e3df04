package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.init.ConstantStd;
import io.neuronlab.mllib.io.LayerSpec;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Hostile files and options given to the command line: each gets one clear line on stderr and exit code 1 (the work
 * failed) or 2 (a wrong command line) — no stack trace, no digit made up, no epoch trained in vain.
 */
public class HostileInputsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static void assertOneLineError(CliRun r, int code, String command, String contains) {
        assertEquals(r.toString(), code, r.exitCode);
        assertTrue(r.toString(), r.err.startsWith("mllib " + command + ": "));
        assertTrue(r.toString(), r.err.contains(contains));
        assertFalse(r.toString(), r.err.contains("\tat ")); // no stack trace
        assertFalse(r.toString(), r.err.contains("Exception"));
    }

    private File convWithPadding(int padding) throws IOException {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec("conv1", "Conv2d").with("in", 1).with("out", 2).with("kernel", 3).with("stride", 1)
            .with("padding", padding));
        layers.add(new LayerSpec("flat", "Flatten"));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("conv1.weight", Tensor.zeros(2, 1, 3, 3));
        tensors.put("conv1.bias", Tensor.zeros(2));
        File f = tmp.newFile("pad" + padding + ".nlmf");
        new ModelFile(layers, tensors, TrainingMetadata.none()).save(f); // a valid checksum
        return f;
    }

    private File digitPng() throws IOException {
        BufferedImage img = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 60, 60);
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(26, 10, 8, 40); // a "1"
        g.dispose();
        File png = tmp.newFile("one.png");
        ImageIO.write(img, "png", png);
        return png;
    }

    @Test
    public void convPaddingOfTwoToTheTwentyIsAnErrorNotAStackTrace() throws IOException {
        File model = convWithPadding(1 << 20);
        CliRun predict = CliRun.run("predict", "--model", model.getPath(), digitPng().getPath());
        assertOneLineError(predict, 1, "predict", "Conv2d padding 1048576 is not smaller than its kernel 3");
        CliRun eval = CliRun.run("eval", "--model", model.getPath());
        assertOneLineError(eval, 1, "eval", "Conv2d padding 1048576 is not smaller than its kernel 3");
    }

    @Test
    public void anUnexpectedRuntimeExceptionIsOneLine() {
        assertEquals("NegativeArraySizeException: -1048576", Main.unexpected(new NegativeArraySizeException("-1048576")));
        assertEquals("NullPointerException: (no message)", Main.unexpected(new NullPointerException()));
        assertEquals("the output is too big", Main.unexpected(new IllegalStateException("the output is too big")));
        assertEquals("ArithmeticException: integer overflow at\nline two".replace('\n', ' '),
            Main.unexpected(new RuntimeException(new ArithmeticException("integer overflow at\nline two"))));
    }

    @Test
    public void hugeDeclaredLinearIsRefusedFromItsFile() throws IOException {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec("flat", "Flatten"));
        layers.add(new LayerSpec("fc1", "Linear").with("in", 20000).with("out", 20000));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("fc1.weight", Tensor.zeros(784, 10));
        tensors.put("fc1.bias", Tensor.zeros(10));
        File f = tmp.newFile("huge.nlmf");
        new ModelFile(layers, tensors, TrainingMetadata.none()).save(f);
        CliRun eval = CliRun.run("eval", "--model", f.getPath());
        assertOneLineError(eval, 1, "eval", "tensor 'fc1.weight': file has shape [784, 10], model needs [20000, 20000]"
            + " (400000000 values, more than the file holds: a damaged file?)");
        assertFalse(eval.err, eval.err.contains("heap"));
    }

    /** Finite weights so large that every score overflows: the probabilities come out NaN. */
    private File overflowingModel() throws IOException {
        Sequential net = new Sequential().add("flat", new Flatten())
            .add("fc", new Linear(784, 10, new ConstantStd(0f), new Random(1)));
        Arrays.fill(((Linear) net.layer("fc")).weight().data(), 1e38f);
        File f = tmp.newFile("overflow.nlmf");
        new ModelSerializer().save(net, TrainingMetadata.none(), f);
        return f;
    }

    @Test
    public void predictPrintsNoDigitForNaNProbabilities() throws IOException {
        CliRun r = CliRun.run("predict", "--model", overflowingModel().getPath(), digitPng().getPath());
        assertOneLineError(r, 1, "predict", "not numbers (NaN)");
        assertFalse(r.out, r.out.contains("digit:"));
    }

    @Test
    public void evalAndDemoReportNoAccuracyOrDigitForNaNScores() throws IOException {
        File model = overflowingModel();
        String data = Mnist.defaultDir().getPath();
        CliRun eval = CliRun.run("eval", "--model", model.getPath(), "--data", data, "--limit", "50");
        assertOneLineError(eval, 1, "eval", "not numbers (loss NaN)");
        assertFalse(eval.out, eval.out.contains("accuracy"));
        CliRun demo = CliRun.run("demo", "--model", model.getPath(), "--data", data, "--count", "1", "--no-accuracy");
        assertOneLineError(demo, 1, "demo", "not numbers (NaN)");
        assertFalse(demo.out, demo.out.contains("prediction"));
    }

    /** A PNG of a few dozen bytes whose header declares {@code w × h}: a signature, an IHDR, a tiny IDAT, IEND. */
    private static byte[] pngDeclaring(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit grayscale, deflate, no filter, no interlace
        chunk(out, "IHDR", ihdr.toByteArray());
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(new byte[1000]);
        deflater.finish();
        byte[] z = new byte[2000];
        int n = deflater.deflate(z);
        chunk(out, "IDAT", Arrays.copyOf(z, n));
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    @Test
    public void predictChecksAPngsDeclaredSizeBeforeDecodingIt() throws IOException {
        File png = tmp.newFile("bomb.png");
        Files.write(png.toPath(), pngDeclaring(20000, 20000));
        assertTrue("a small file", png.length() < 200);
        File model = overflowingModel();
        CliRun r = CliRun.run("predict", "--model", model.getPath(), png.getPath());
        assertOneLineError(r, 1, "predict", "image " + png + " declares 20000x20000 pixels (400 megapixels); photos of"
            + " up to 200 megapixels are read");
        assertFalse(r.err, r.err.contains("out of memory"));
    }

    @Test
    public void trainOutIntoADirectoryFailsBeforeTheFirstEpoch() {
        File dir = tmp.getRoot();
        CliRun r = CliRun.run("train", "--net", "mlp", "--epochs", "1", "--limit", "100", "--test-limit", "100",
            "--data", Mnist.defaultDir().getPath(), "--out", dir.getPath());
        assertOneLineError(r, 1, "train", "cannot save to " + dir + ": it is a directory");
        assertFalse(r.out, r.out.contains("epoch"));
    }

    @Test
    public void trainOutWhereNoFileCanBeMadeFailsBeforeTheFirstEpoch() {
        // /proc takes no new files, even for root (for whom permission bits do not count)
        File proc = new File("/proc");
        Assume.assumeTrue("a Linux /proc", proc.isDirectory());
        File out = new File(proc, "model.nlmf");
        CliRun r = CliRun.run("train", "--net", "mlp", "--epochs", "1", "--limit", "100", "--test-limit", "100",
            "--data", Mnist.defaultDir().getPath(), "--out", out.getPath());
        assertOneLineError(r, 1, "train", "cannot save to " + out + ": directory /proc does not take new files");
        assertFalse(r.out, r.out.contains("epoch"));
    }

    @Test
    public void trainOutIntoAReadOnlyDirectoryFailsBeforeTheFirstEpoch() throws IOException {
        File dir = tmp.newFolder("readonly");
        assertTrue(dir.setWritable(false, false));
        try {
            File probe = new File(dir, "probe");
            boolean rootIgnoresIt;
            try {
                rootIgnoresIt = probe.createNewFile() && probe.delete();
            } catch (IOException e) {
                rootIgnoresIt = false;
            }
            Assume.assumeFalse("permission bits bind this user (not root)", rootIgnoresIt);
            File out = new File(dir, "model.nlmf");
            CliRun r = CliRun.run("train", "--net", "mlp", "--epochs", "1", "--limit", "100", "--test-limit", "100",
                "--data", Mnist.defaultDir().getPath(), "--out", out.getPath());
            assertOneLineError(r, 1, "train", "cannot save to " + out + ": directory " + dir + " does not take new files");
            assertFalse(r.out, r.out.contains("epoch"));
        } finally {
            dir.setWritable(true, false);
        }
    }

    @Test
    public void learningRatesAreCheckedAsFloats() {
        CliRun huge = CliRun.run("train", "--lr", "1e39");
        assertOneLineError(huge, 2, "train", "--lr 1e39 is out of a float's range: give a value from 1.17549435E-38 to"
            + " 3.4028235E38");
        CliRun tiny = CliRun.run("train", "--lr", "1e-50");
        assertOneLineError(tiny, 2, "train", "--lr 1e-50 is out of a float's range");
        CliRun negative = CliRun.run("train", "--lr", "-0.1");
        assertOneLineError(negative, 2, "train", "--lr must be positive, got -0.1");
        CliRun decay = CliRun.run("train", "--lr-decay", "1e-50");
        assertOneLineError(decay, 2, "train", "--lr-decay 1e-50 is out of a float's range");
    }
}
