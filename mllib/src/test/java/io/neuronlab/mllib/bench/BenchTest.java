package io.neuronlab.mllib.bench;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The bench's plumbing: options, output format, and parsing the Python side's lines (no timing asserted). */
public class BenchTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void parsesOptions() {
        BenchOptions o = Bench.parse(new String[] {"--threads", "1,2,4", "--gemm", "64", "--train-images", "640",
            "--no-compare", "--no-profile"});
        assertArrayEquals(new int[] {1, 2, 4}, o.threads);
        assertArrayEquals(new int[] {64}, o.gemmSizes);
        assertEquals(640, o.trainImages);
        assertFalse(o.compare);
        assertFalse(o.profile);
    }

    @Test
    public void rejectsBadOptionsNamingThem() {
        for (String[] bad : new String[][] {{"--threads", "0"}, {"--gemm", "a,b"}, {"--frobnicate"}, {"--mnist"},
            {"--train-images", "10"}}) {
            try {
                Bench.parse(bad);
                fail("accepted " + Arrays.toString(bad));
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains(bad[0].equals("--train-images") ? "64" : bad[0].replace("--", ""))
                    || e.getMessage().contains(">= 1"));
            }
        }
    }

    @Test
    public void gemmOnlyRunPrintsNameValueUnitLines() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Bench.run(new PrintStream(bytes, true, "UTF-8"), new BenchOptions().gemmSizes(16, 33).threads(1)
            .lenet(false).compare(false).conv(false));
        String out = bytes.toString("UTF-8");
        Pattern gflops = Pattern.compile("(?m)^gemm\\.(16|33): [0-9]+\\.[0-9]+ GFLOP/s$");
        int found = 0;
        for (java.util.regex.Matcher m = gflops.matcher(out); m.find(); ) {
            found++;
        }
        assertEquals(out, 2, found);
        assertTrue(out, Pattern.compile("(?m)^heap\\.peak: [0-9.]+ MiB$").matcher(out).find());
        for (String line : out.split("\n")) {
            assertTrue("not a name: value line: " + line, line.startsWith("#") || line.matches("[a-z0-9_.]+: .+"));
        }
    }

    @Test
    public void convSectionTimesEveryLeNetAndDeepCnnConvolutionInJavaAndTfliteCpu() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Bench.run(new PrintStream(bytes, true, "UTF-8"), new BenchOptions().gemmSizes().threads(1)
            .lenet(false).compare(false));
        String out = bytes.toString("UTF-8");
        // the desktop TFLite runtime is a (optional) dependency of mllib, so it is on this classpath
        assertTrue(out, out.contains("conv.engine.tflite_cpu: TFLite CPU (bytedeco, XNNPACK)\n"));
        assertFalse("an engine disagreed with Java:\n" + out, out.contains("differs from Java"));
        String[] layers = {"lenet.conv1", "lenet.conv2", "deepcnn.conv1", "deepcnn.conv2", "deepcnn.conv3",
            "deepcnn.conv4", "deepcnn.conv5", "deepcnn.conv6"};
        for (String layer : layers) {
            for (int batch : new int[] {1, 64}) {
                String prefix = "conv." + layer + ".batch" + batch;
                for (String line : new String[] {prefix + ".java: [0-9.]+ ms/image", prefix + ".tflite_cpu: [0-9.]+ ms/image",
                    prefix + ".tflite_cpu.vs_java: [0-9.]+ x"}) {
                    assertTrue(line + " missing in\n" + out, Pattern.compile("(?m)^" + line.replace(".", "\\.") + "$").matcher(out).find());
                }
            }
        }
    }

    @Test
    public void engineKeysAreShortAndStable() {
        assertEquals("java", ConvTiming.key("Java"));
        assertEquals("tflite_cpu", ConvTiming.key("TFLite CPU (bytedeco, XNNPACK)"));
        assertEquals("tflite_gpu", ConvTiming.key("TFLite GPU (FP32)"));
    }

    @Test
    public void readsThePythonSidesLinesAndReportsFailures() throws IOException, InterruptedException {
        File sh = new File("/bin/sh");
        if (!sh.canExecute()) {
            return; // no POSIX shell to stand in for python
        }
        File script = tmp.newFile("fake.sh");
        try (FileOutputStream f = new FileOutputStream(script)) {
            f.write(("echo 'torch.version: 1.13'\necho 'train.images_per_s: 9400.5 images/s'\n"
                + "echo 'some log line'\necho 'infer.single_median_ms: 0.16 ms'\n").getBytes(StandardCharsets.UTF_8));
        }
        List<String> raw = new ArrayList<>();
        Map<String, String> values = PyTorchBaseline.run(sh.getPath(), script, new ArrayList<>(), raw);
        assertEquals(4, raw.size());
        assertEquals(9400.5, PyTorchBaseline.number(values, "train.images_per_s"), 0);
        assertEquals(0.16, PyTorchBaseline.number(values, "infer.single_median_ms"), 0);
        assertTrue(Double.isNaN(PyTorchBaseline.number(values, "missing")));

        File failing = tmp.newFile("fail.sh");
        try (FileOutputStream f = new FileOutputStream(failing)) {
            f.write("echo 'ModuleNotFoundError: torch'\nexit 3\n".getBytes(StandardCharsets.UTF_8));
        }
        try {
            PyTorchBaseline.run(sh.getPath(), failing, new ArrayList<>(), new ArrayList<>());
            fail("a failing script must be reported");
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("exited with 3") && e.getMessage().contains("ModuleNotFoundError"));
        }
    }

    @Test
    public void smallLeNetRunPrintsEveryFigureAndTheProfile() throws Exception {
        String dir = System.getProperty("neuronlab.mnist.dir");
        org.junit.Assume.assumeTrue("MNIST not available", dir != null && new File(dir, "train-images-idx3-ubyte").isFile());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Bench.run(new PrintStream(bytes, true, "UTF-8"), new BenchOptions().gemmSizes().threads(1).trainImages(128)
            .mnistDir(new File(dir)).compare(false).deep(false).memory(false).floor(false).resnet(false));
        String out = bytes.toString("UTF-8");
        for (String name : new String[] {"lenet.train.t1", "lenet.infer1.t1", "lenet.infer1000.t1", "profile.total",
            "profile.conv1.backward", "profile.optimizer", "profile.kernel.gemm", "profile.kernel.im2col", "heap.peak",
            "finetune.50samples", "finetune.50samples.mnist_after"}) {
            assertTrue(name + " missing in:\n" + out, Pattern.compile("(?m)^" + Pattern.quote(name) + ": [0-9]").matcher(out).find());
        }
        // the training loss over 2 batches is a real cross-entropy of 10 classes: finite, below ln(10)·3
        java.util.regex.Matcher loss = Pattern.compile("(?m)^lenet\\.train\\.t1\\.mean_loss: ([0-9.]+)").matcher(out);
        assertTrue(out, loss.find());
        double l = Double.parseDouble(loss.group(1));
        assertTrue("mean loss " + l, l > 0 && l < 7);
    }

    @Test
    public void deepCnnAndPhoneFloorPrintTheirFigures() throws Exception {
        String dir = System.getProperty("neuronlab.mnist.dir");
        org.junit.Assume.assumeTrue("MNIST not available", dir != null && new File(dir, "train-images-idx3-ubyte").isFile());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Bench.run(new PrintStream(bytes, true, "UTF-8"), new BenchOptions().gemmSizes().threads(1).trainImages(128)
            .deepImages(200).mnistDir(new File(dir)).compare(false).profile(false).conv(false).memory(false).resnet(false));
        String out = bytes.toString("UTF-8");
        for (String line : new String[] {"deepcnn.train.t1: [0-9.]+ images/s",
            "floor.gemm.512: [0-9.]+ GFLOP/s \\(child JVM -Xmx1g -XX:-UseSuperWord -Dneuronlab.gemm=plain, 1 threads, kernel plain\\)",
            "floor.lenet.train.t1: [0-9.]+ images/s .*",
            "floor.finetune.50samples: [0-9.]+ s \\(child JVM -Xmx1g -XX:-UseSuperWord -Dneuronlab.gemm=plain, 1 threads, kernel plain\\)"}) {
            assertTrue(line + " missing in:\n" + out, Pattern.compile("(?m)^" + line + "$").matcher(out).find());
        }
    }

    /** The peak-memory child JVM reports its own VmHWM: at least the JVM itself, far below the host's memory. */
    @Test
    public void peakMemoryChildReportsItsOwnResidentPeak() throws Exception {
        org.junit.Assume.assumeTrue(new File("/proc/self/status").canRead());
        java.util.List<String> lines = ChildJvm.run(java.util.Arrays.asList("-Xmx64m"), PeakMemory.class,
            java.util.Arrays.asList("--help"));
        double mib = ChildJvm.number(lines, "peak_rss");
        assertTrue(lines.toString(), mib > 10 && mib < 1024);
        assertTrue(PeakMemory.statusKilobytes("VmHWM") > 0);
        assertEquals(-1, PeakMemory.statusKilobytes("NoSuchField"));
    }
}
