package io.neuronlab.mllib.tflite;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.models.AlexNet;
import io.neuronlab.mllib.models.GoogLeNet;
import io.neuronlab.mllib.models.ImageInput;
import io.neuronlab.mllib.models.ResNet;
import io.neuronlab.mllib.nn.AdaptiveAvgPool2d;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.LocalResponseNorm;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.util.Map;
import java.util.Random;

/**
 * The famous architectures at small inputs, exported to .tflite (ADD for residual blocks, CONCATENATION for
 * Inception, AVERAGE_POOL_2D for adaptive pooling, SAME or PADV2 for padded / ceil-mode max pooling), run in the
 * desktop TFLite runtime (XNNPACK and builtin kernels) against mllib's forward pass; ResNet also in Arm NN.
 */
public class TfliteArchitecturesTest {
    private static final float TOLERANCE = 1e-4f;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final Random random = new Random(15);

    @Test
    public void resnet18OnCifarSizedImagesMatchesMllibInTfliteAndArmNn() throws Exception {
        Sequential net = ResNet.resnet18(new ImageInput(3, 32, 7, 4, 11)); // quarter width, 7 classes
        randomizeBatchNorm(net);
        net.train(false);
        byte[] tflite = TfliteExporter.toBytes(net, new int[] {3, 32, 32});
        assertUses(tflite, "ADD", "RELU");
        Tensor x = Tensor.randn(random, 1, 3, 32, 32);
        float err = assertMatches(net, tflite, x, "ResNet-18 32x32x3");
        System.out.printf("ResNet-18 (32x32x3, width/4): max |tflite - mllib| = %.2e%n", err);
        String report = ArmnnCheck.check(tflite, nhwc(x), net.forward(x).data(), tmp.getRoot(), TOLERANCE);
        assertTrue(report, report.contains("armnn-check: OK"));
    }

    @Test
    public void googlenetOnMnistSizedImagesMatchesMllibInTfliteAndArmNn() throws Exception {
        Sequential net = GoogLeNet.create(new ImageInput(1, 28, 5, 4, 12)); // quarter width, 5 classes
        randomizeBatchNorm(net);
        net.train(false);
        byte[] tflite = TfliteExporter.toBytes(net, new int[] {1, 28, 28});
        assertUses(tflite, "CONCATENATION");
        Tensor x = Tensor.randn(random, 1, 1, 28, 28);
        float err = assertMatches(net, tflite, x, "GoogLeNet 28x28x1");
        System.out.printf("GoogLeNet (28x28x1, width/4): max |tflite - mllib| = %.2e%n", err);
        // Arm NN trusts every tensor shape the file declares (TFLite recomputes them): this once caught the exporter
        // growing the first branch's declared shape to the concatenation's
        String report = ArmnnCheck.check(tflite, nhwc(x), net.forward(x).data(), tmp.getRoot(), TOLERANCE);
        assertTrue(report, report.contains("armnn-check: OK"));
    }

    @Test
    public void publishedAlexNetMatchesMllibInTfliteArmNnLacksLrn() throws Exception {
        // the small stem at 55x55 pools to 27, 13, 6: the adaptive 6x6 pool is then an AVERAGE_POOL_2D of 1x1
        Sequential net = AlexNet.published(new ImageInput(3, 55, 10, 8, 13)); // widths / 8, 10 classes
        net.train(false);
        byte[] tflite = TfliteExporter.toBytes(net, new int[] {3, 55, 55});
        assertUses(tflite, "LOCAL_RESPONSE_NORMALIZATION");
        Tensor x = Tensor.randn(random, 1, 3, 55, 55);
        float err = assertMatches(net, tflite, x, "AlexNet (published) 55x55x3");
        System.out.printf("AlexNet as published (55x55x3, width/8): max |tflite - mllib| = %.2e%n", err);
        // Arm NN 20.08's TfLiteParser has no LOCAL_RESPONSE_NORMALIZATION ("Operator not supported ... opcode: /
        // LOCAL_RESPONSE_NORMALIZATION at function ParseUnsupportedOperator"): the file is refused for that op alone
        String report = ArmnnCheck.refusal(tflite, nhwc(x), net.forward(x).data(), tmp.getRoot());
        assertTrue(report, report.contains("Operator not supported") && report.contains("LOCAL_RESPONSE_NORMALIZATION"));
    }

    /**
     * LRN alone where the summed squares dominate the constant (α = 1, inputs up to ~10): TFLite's alpha is not
     * divided by the window, PyTorch's (mllib's) is, and the window is the channels [c − radius, c + radius].
     */
    @Test
    public void localResponseNormConvertsAlphaAndWindow() throws Exception {
        for (int size : new int[] {1, 3, 5, 7}) {
            Sequential net = new Sequential()
                .add("lrn", new LocalResponseNorm(size, 1f, 0.75f, 1.5f))
                .add("flatten", new Flatten());
            net.train(false);
            byte[] tflite = TfliteExporter.toBytes(net, new int[] {6, 3, 4});
            Tensor x = Tensor.randn(random, 1, 6, 3, 4).mul(3.0);
            assertMatches(net, tflite, x, "LocalResponseNorm(size " + size + ") on 6 channels");
        }
    }

    @Test
    public void paddedAndCeilModeMaxPoolingNeverLetsThePaddingWin() throws Exception {
        // inputs are Gaussian (half negative) and nothing clips them: a zero padding would win many windows
        int[][] pools = { // kernel, stride, padding, ceil (0/1), image side
            {3, 2, 1, 0, 8},   // ResNet's stem pool on an even image: PADV2 (SAME would pad on the other side)
            {2, 2, 1, 1, 6},   // ceil mode keeps a window that starts in the right half: PADV2 on both sides
            {3, 2, 0, 1, 9},   // GoogLeNet's ceil-mode pools
            {3, 1, 1, 1, 5},   // Inception's pool branch: SAME
            {3, 3, 1, 1, 7},
        };
        for (int[] p : pools) {
            Sequential net = new Sequential()
                .add("conv", new Conv2d(2, 3, 1, 1, 0, new He(), random))
                .add("pool", new MaxPool2d(p[0], p[1], p[2], p[3] == 1))
                .add("flatten", new Flatten()); // compare in mllib's (c, h, w) order
            net.train(false);
            byte[] tflite = TfliteExporter.toBytes(net, new int[] {2, p[4], p[4]});
            for (int trial = 0; trial < 3; trial++) {
                assertMatches(net, tflite, Tensor.randn(random, 1, 2, p[4], p[4]), net.namedLayers().get("pool")
                    + " on " + p[4] + "x" + p[4]);
            }
        }
    }

    @Test
    public void adaptivePoolingToAFixedSizeThatDividesTheInput() throws Exception {
        Sequential net = new Sequential()
            .add("conv", new Conv2d(3, 4, 3, 1, 1, new He(), random))
            .add("avgpool", new AdaptiveAvgPool2d(3, 2))
            .add("flatten", new Flatten());
        net.train(false);
        byte[] tflite = TfliteExporter.toBytes(net, new int[] {3, 6, 8}); // 6/3 and 8/2: window 2x4
        assertMatches(net, tflite, Tensor.randn(random, 1, 3, 6, 8), "AdaptiveAvgPool2d(3, 2) on 6x8");

        Sequential uneven = new Sequential().add("avgpool", new AdaptiveAvgPool2d(3, 3));
        try {
            TfliteExporter.toBytes(uneven, new int[] {3, 7, 7});
            fail("7x7 -> 3x3 has overlapping windows of different sizes");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'avgpool'")
                && e.getMessage().contains("only when the output size divides the input size")
                && e.getMessage().contains("7x7"));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static float assertMatches(Sequential model, byte[] tflite, Tensor x, String what) {
        return TfliteExporterTest.assertMatches(model, tflite, x, what, TOLERANCE);
    }

    /** The exported graph really contains these op codes (by their schema names). */
    private static void assertUses(byte[] tflite, String... ops) throws Exception {
        org.tensorflow.lite.schema.Model m =
            org.tensorflow.lite.schema.Model.getRootAsModel(java.nio.ByteBuffer.wrap(tflite));
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < m.operatorCodesLength(); i++) {
            names.add(org.tensorflow.lite.schema.BuiltinOperator.name(m.operatorCodes(i).builtinCode()));
        }
        for (String op : ops) {
            assertTrue("ops " + names + " lack " + op, names.contains(op));
        }
    }

    private static float[] nhwc(Tensor x) {
        return TfliteExporterTest.nhwc(x);
    }

    /** Batch norm statistics and affine parameters away from the identity, so that folding is really tested. */
    private void randomizeBatchNorm(Sequential net) {
        for (Map.Entry<String, Tensor> e : net.namedParameters().entrySet()) {
            boolean gamma = e.getKey().endsWith("gamma");
            boolean beta = e.getKey().endsWith("beta") || e.getKey().endsWith("bias");
            if (gamma || beta) {
                float[] d = e.getValue().data();
                for (int i = 0; i < d.length; i++) {
                    d[i] = (gamma ? 1f : 0f) + (float) random.nextGaussian() * 0.2f;
                }
            }
        }
        for (Map.Entry<String, Tensor> e : net.buffers().entrySet()) {
            float[] d = e.getValue().data();
            boolean variance = e.getKey().toLowerCase(java.util.Locale.ROOT).contains("var");
            for (int i = 0; i < d.length; i++) {
                d[i] = variance ? 0.5f + random.nextFloat() : (float) random.nextGaussian() * 0.3f;
            }
        }
    }
}
