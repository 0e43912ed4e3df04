package io.neuronlab.mllib.tflite;

import io.neuronlab.mllib.tflite.desktop.BytedecoRuntime;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.nn.AvgPool2d;
import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.LeakyReLU;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.nn.Sigmoid;
import io.neuronlab.mllib.nn.Softmax;
import io.neuronlab.mllib.nn.Tanh;
import io.neuronlab.mllib.tensor.Tensor;

import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.DataInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

/**
 * Exported networks run in the real TFLite 2.20 runtime (XNNPACK and builtin kernels) and in Arm NN, and must
 * reproduce mllib's own forward pass (evaluation mode) within 1e-5.
 */
public class TfliteExporterTest {
    private static final float TOLERANCE = 1e-5f;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final Random random = new Random(2024);

    /** LeNet with every supported layer kind. */
    private Sequential lenet() {
        Sequential m = new Sequential()
            .add("conv1", new Conv2d(1, 6, 5, 1, 2, new He(), random))
            .add("bn1", new BatchNorm(6))
            .add("relu1", new ReLU())
            .add("pool1", new MaxPool2d(2, 2))
            .add("conv2", new Conv2d(6, 16, 5, 1, 0, new He(), random))
            .add("sigmoid2", new Sigmoid())
            .add("pool2", new AvgPool2d(2, 2))
            .add("flatten", new Flatten())
            .add("fc1", new Linear(400, 120, new He(), random))
            .add("dropout", new Dropout(0.5f, random))
            .add("bn3", new BatchNorm(120))
            .add("tanh3", new Tanh())
            .add("fc2", new Linear(120, 10, new He(), random))
            .add("softmax", new Softmax());
        randomize(m);
        m.train(false);
        return m;
    }

    @Test
    public void lenetWithEveryLayerKindMatchesMllibOnRandomInputs() throws Exception {
        Sequential model = lenet();
        byte[] tflite = TfliteExporter.toBytes(model, new int[] {1, 28, 28});
        for (int trial = 0; trial < 3; trial++) {
            Tensor x = gaussian(1, 1, 28, 28);
            assertMatches(model, tflite, x, "LeNet random input " + trial);
        }
    }

    @Test
    public void lenetMatchesMllibOnMnistDigitsAndInArmNn() throws Exception {
        String dir = System.getProperty("neuronlab.mnist.dir");
        Assume.assumeTrue("MNIST not configured (neuronlab.mnist.dir)", dir != null
            && new File(dir, "t10k-images-idx3-ubyte").isFile());
        Sequential model = lenet();
        byte[] tflite = TfliteExporter.toBytes(model, new int[] {1, 28, 28});
        float[][] digits = readImages(new File(dir, "t10k-images-idx3-ubyte"), 10);
        float worst = 0;
        for (float[] digit : digits) {
            worst = Math.max(worst, assertMatches(model, tflite, Tensor.of(digit, 1, 1, 28, 28), "MNIST digit"));
        }
        System.out.printf("LeNet on 10 MNIST test digits: max |tflite - mllib| = %.2e%n", worst);
        Tensor first = Tensor.of(digits[0], 1, 1, 28, 28);
        String report = ArmnnCheck.check(tflite, first.data(), model.forward(first).data(), tmp.getRoot());
        assertTrue(report, report.contains("armnn-check: OK"));
    }

    @Test
    public void linearRightAfterConvAndAnOutputLeftFlattenedKeepMllibsOrder() throws Exception {
        // Linear flattens images itself; and a network may end on Flatten (then the output order is restored)
        Sequential implicitFlatten = new Sequential()
            .add(new Conv2d(2, 3, 3, 2, 1, new He(), random))
            .add(new ReLU())
            .add(new Linear(3 * 4 * 4, 5, new He(), random));
        randomize(implicitFlatten);
        implicitFlatten.train(false);
        assertMatches(implicitFlatten, TfliteExporter.toBytes(implicitFlatten, new int[] {2, 7, 7}),
            gaussian(1, 2, 7, 7), "conv -> linear");

        Sequential endsFlat = new Sequential()
            .add(new Conv2d(2, 3, 3, 1, 0, new He(), random))
            .add(new Flatten())
            .add(new Sigmoid());
        endsFlat.train(false);
        byte[] tflite = TfliteExporter.toBytes(endsFlat, new int[] {2, 6, 6});
        assertMatches(endsFlat, tflite, gaussian(1, 2, 6, 6), "conv -> flatten output");
        Tensor x = gaussian(1, 2, 6, 6);
        String report = ArmnnCheck.check(tflite, nhwc(x), endsFlat.forward(x).data(), tmp.getRoot());
        assertTrue(report, report.contains("armnn-check: OK"));
    }

    @Test
    public void mlpOnFeatures() throws Exception {
        Sequential mlp = new Sequential()
            .add(new Linear(20, 16, new He(), random))
            .add(new BatchNorm(16))
            .add(new ReLU())
            .add(new Linear(16, 4, new He(), random))
            .add(new Softmax());
        randomize(mlp);
        mlp.train(false);
        assertArrayEquals(new int[] {20}, TfliteExporter.defaultInputShape(mlp));
        File file = new File(tmp.getRoot(), "mlp.tflite");
        TfliteExporter.export(mlp, file);
        byte[] written = java.nio.file.Files.readAllBytes(file.toPath());
        assertArrayEquals("export() writes exactly toBytes()", TfliteExporter.toBytes(mlp, new int[] {20}), written);
        assertMatches(mlp, written, gaussian(1, 20), "MLP");
    }

    @Test
    public void unsupportedLayerIsNamedInTheError() {
        Sequential m = new Sequential()
            .add(new Linear(4, 3, new He(), random))
            .add(new LeakyReLU(0.1f));
        try {
            TfliteExporter.toBytes(m, new int[] {4});
            fail("LeakyReLU is not exportable");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("LeakyReLU1") && e.getMessage().contains("supports"));
        }
    }

    @Test
    public void batchNormNotAfterConvOrLinearIsRejected() {
        Sequential m = new Sequential()
            .add(new Conv2d(1, 2, 3, 1, 1, new He(), random))
            .add(new ReLU())
            .add("norm", new BatchNorm(2));
        try {
            TfliteExporter.toBytes(m, new int[] {1, 5, 5});
            fail("BatchNorm after ReLU cannot be folded");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'norm'") && e.getMessage().contains("folded"));
        }
    }

    @Test
    public void wrongInputChannelsAreReported() {
        Sequential m = new Sequential().add("c", new Conv2d(3, 2, 3, 1, 1, new He(), random));
        try {
            TfliteExporter.toBytes(m, new int[] {1, 5, 5});
            fail("1 channel into Conv2d(3, ...)");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'c'") && e.getMessage().contains("1 channels"));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static float assertMatches(Sequential model, byte[] tflite, Tensor x, String what) {
        return assertMatches(model, tflite, x, what, TOLERANCE);
    }

    /** Runs x through mllib and through the exported model in both TFLite kernels; returns the worst error. */
    static float assertMatches(Sequential model, byte[] tflite, Tensor x, String what, float tolerance) {
        float[] expected = model.forward(x).data();
        float worst = 0;
        for (boolean xnnpack : new boolean[] {true, false}) {
            float[] y = new float[expected.length];
            try (TfliteInterpreter interpreter = new BytedecoRuntime(xnnpack).load(tflite)) {
                interpreter.run(nhwc(x), y);
            }
            float err = TfliteModelBuilderTest.maxAbsDiff(expected, y);
            assertTrue(what + (xnnpack ? " (XNNPACK)" : " (builtin)") + ": max abs error " + err, err <= tolerance);
            worst = Math.max(worst, err);
        }
        return worst;
    }

    /** An NCHW batch in the exported model's NHWC layout (flat features as they are). */
    static float[] nhwc(Tensor x) {
        if (x.dim() != 4) {
            return x.data();
        }
        float[] out = new float[x.numel()];
        Layouts.chwToHwc(x.data(), 0, x.size(1), x.size(2), x.size(3), out);
        return out;
    }

    /** Non-trivial biases and BatchNorm statistics, so that folding and bias handling are really tested. */
    private void randomize(Sequential m) {
        for (java.util.Map.Entry<String, Tensor> e : m.namedParameters().entrySet()) {
            if (e.getKey().endsWith("bias") || e.getKey().endsWith("beta") || e.getKey().endsWith("gamma")) {
                float[] d = e.getValue().data();
                for (int i = 0; i < d.length; i++) {
                    d[i] = (e.getKey().endsWith("gamma") ? 1f : 0f) + (float) random.nextGaussian() * 0.2f;
                }
            }
        }
        for (java.util.Map.Entry<String, Tensor> e : m.buffers().entrySet()) {
            float[] d = e.getValue().data();
            boolean variance = e.getKey().toLowerCase(java.util.Locale.ROOT).contains("var");
            for (int i = 0; i < d.length; i++) {
                d[i] = variance ? 0.5f + random.nextFloat() : (float) random.nextGaussian() * 0.3f;
            }
        }
    }

    private Tensor gaussian(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.numel(); i++) {
            t.data()[i] = (float) random.nextGaussian();
        }
        return t;
    }

    /** The first {@code count} images of an IDX3 file, scaled to [0, 1]. */
    static float[][] readImages(File idx, int count) throws IOException {
        try (InputStream in = new FileInputStream(idx); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != 0x803) {
                throw new IOException(idx + " is not an IDX3 image file");
            }
            int n = Math.min(count, data.readInt());
            int pixels = data.readInt() * data.readInt();
            float[][] images = new float[n][pixels];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < pixels; p++) {
                    images[i][p] = data.readUnsignedByte() / 255f;
                }
            }
            return images;
        }
    }
}
