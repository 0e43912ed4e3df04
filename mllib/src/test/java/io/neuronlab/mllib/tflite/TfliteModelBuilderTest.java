package io.neuronlab.mllib.tflite;

import io.neuronlab.mllib.tflite.desktop.BytedecoRuntime;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.SignatureDef;
import org.tensorflow.lite.schema.SubGraph;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * A hand-built conv + dense graph, run in the real TFLite runtime and compared with a naive NCHW forward pass
 * written here from the definitions (mllib layouts: OIHW filters, [in, out] dense weights, CHW flatten).
 */
public class TfliteModelBuilderTest {
    // input [C=2, H=7, W=7]; conv A: 3 filters 3x3 pad 1 stride 1 (SAME); conv B: 4 filters 3x3 pad 1 stride 2
    // (explicit PAD); max pool 2/1; flatten; dense 4*3*3 -> 5; softmax
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final Random random = new Random(7);
    private final float[] x = gaussian(2 * 7 * 7, 1);
    private final float[] wA = gaussian(3 * 2 * 3 * 3, 0.5);
    private final float[] bA = gaussian(3, 0.1);
    private final float[] wB = gaussian(4 * 3 * 3 * 3, 0.5);
    private final float[] bB = gaussian(4, 0.1);
    private final float[] wFc = gaussian(36 * 5, 0.3);
    private final float[] bFc = gaussian(5, 0.1);

    private byte[] buildModel() {
        TfliteModelBuilder b = new TfliteModelBuilder();
        int t = b.input("input", 1, 7, 7, 2);
        t = b.conv2d("convA", t, wA, bA, 3, 3, 1, 1);
        t = b.relu("reluA", t);
        t = b.conv2d("convB", t, wB, bB, 3, 3, 2, 1);
        t = b.tanh("tanhB", t);
        t = b.maxPool2d("pool", t, 2, 1);
        assertArrayEquals(new int[] {1, 3, 3, 4}, b.shape(t));
        t = b.reshape("flatten", t, 1, 36);
        t = b.fullyConnected("fc", t, Layouts.chwRowsToHwcRows(wFc, 4, 3, 3, 5), bFc);
        t = b.softmax("probs", t);
        b.output("output", t);
        return b.finish("builder test");
    }

    @Test
    public void handBuiltGraphMatchesNaiveForwardInTfliteRuntime() {
        byte[] model = buildModel();
        float[] expected = naiveForward();
        float[] nhwc = new float[x.length];
        Layouts.chwToHwc(x, 0, 2, 7, 7, nhwc);
        for (boolean xnnpack : new boolean[] {true, false}) {
            float[] y = new float[5];
            try (TfliteInterpreter interpreter = new BytedecoRuntime(xnnpack).load(model)) {
                interpreter.run(nhwc, y);
            }
            float err = maxAbsDiff(expected, y);
            System.out.printf("builder graph, %s: max |tflite - naive| = %.2e%n", xnnpack ? "XNNPACK" : "builtin", err);
            assertTrue("max abs error " + err, err <= 1e-5f);
        }
    }

    /** The file declares every tensor's shape; runtimes that trust it (Arm NN) fail on a wrong one, TFLite does not. */
    @Test
    public void concatenationLeavesItsInputsDeclaredShapesAlone() {
        TfliteModelBuilder b = new TfliteModelBuilder();
        int in = b.input("input", 1, 6, 6, 3);
        int a = b.relu("a", in);
        int c = b.tanh("c", in);
        int y = b.concatenation("concat", 3, a, c);
        assertArrayEquals(new int[] {1, 6, 6, 3}, b.shape(a));
        assertArrayEquals(new int[] {1, 6, 6, 3}, b.shape(c));
        assertArrayEquals(new int[] {1, 6, 6, 6}, b.shape(y));
    }

    @Test
    public void handBuiltGraphRunsInArmNn() throws Exception {
        float[] nhwc = new float[x.length];
        Layouts.chwToHwc(x, 0, 2, 7, 7, nhwc);
        String report = ArmnnCheck.check(buildModel(), nhwc, naiveForward(), tmp.getRoot());
        assertTrue(report, report.contains("armnn-check: OK"));
    }

    @Test
    public void writesSchemaV3WithBothOpcodeFieldsAlignedBuffersAndServingSignature() {
        byte[] bytes = buildModel();
        assertEquals("TFL3", new String(bytes, 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
        ByteBuffer bb = ByteBuffer.wrap(bytes);
        Model model = Model.getRootAsModel(bb);
        assertEquals(3, model.version());
        assertEquals(0, model.buffers(0).dataLength());
        for (int i = 0; i < model.buffersLength(); i++) {
            if (model.buffers(i).dataLength() > 0) {
                ByteBuffer data = model.buffers(i).dataAsByteBuffer();
                assertEquals("buffer " + i + " alignment", 0, data.position() % 16);
            }
        }
        boolean sawConv = false;
        for (int i = 0; i < model.operatorCodesLength(); i++) {
            OperatorCode code = model.operatorCodes(i);
            assertEquals(code.builtinCode(), code.deprecatedBuiltinCode());
            sawConv |= code.builtinCode() == BuiltinOperator.CONV_2D;
        }
        assertTrue(sawConv);
        SubGraph graph = model.subgraphs(0);
        assertEquals(1, graph.inputsLength());
        SignatureDef signature = model.signatureDefs(0);
        assertEquals(TfliteModelBuilder.SIGNATURE_KEY, signature.signatureKey());
        assertEquals("input", signature.inputs(0).name());
        assertEquals(graph.inputs(0), signature.inputs(0).tensorIndex());
        assertEquals("output", signature.outputs(0).name());
        assertEquals(graph.outputs(0), signature.outputs(0).tensorIndex());
    }

    @Test
    public void rejectsWeightsThatDoNotMatchTheInput() {
        TfliteModelBuilder b = new TfliteModelBuilder();
        int t = b.input("input", 1, 7, 7, 2);
        try {
            b.conv2d("conv1", t, new float[3 * 1 * 3 * 3], new float[3], 3, 3, 1, 1);
            fail("a 1-channel filter on a 2-channel input must be rejected");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("conv1") && e.getMessage().contains("C=2"));
        }
    }

    // ------------------------------------------------------------ naive NCHW reference (mllib layouts)

    private float[] naiveForward() {
        float[] a = conv(x, 2, 7, 7, wA, bA, 3, 3, 1, 1);
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.max(0, a[i]);
        }
        float[] c = conv(a, 3, 7, 7, wB, bB, 4, 3, 2, 1); // [4, 4, 4]
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) Math.tanh(c[i]);
        }
        float[] p = new float[4 * 3 * 3];
        for (int ch = 0; ch < 4; ch++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int di = 0; di < 2; di++) {
                        for (int dj = 0; dj < 2; dj++) {
                            m = Math.max(m, c[(ch * 4 + i + di) * 4 + j + dj]);
                        }
                    }
                    p[(ch * 3 + i) * 3 + j] = m;
                }
            }
        }
        double[] z = new double[5];
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < 5; o++) {
            z[o] = bFc[o];
            for (int k = 0; k < 36; k++) {
                z[o] += p[k] * wFc[k * 5 + o];
            }
            max = Math.max(max, z[o]);
        }
        double sum = 0;
        for (int o = 0; o < 5; o++) {
            z[o] = Math.exp(z[o] - max);
            sum += z[o];
        }
        float[] y = new float[5];
        for (int o = 0; o < 5; o++) {
            y[o] = (float) (z[o] / sum);
        }
        return y;
    }

    static float[] conv(float[] in, int c, int h, int w, float[] weight, float[] bias, int o, int k, int stride,
                        int pad) {
        int oh = (h + 2 * pad - k) / stride + 1;
        int ow = (w + 2 * pad - k) / stride + 1;
        float[] out = new float[o * oh * ow];
        for (int f = 0; f < o; f++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    double s = bias[f];
                    for (int ch = 0; ch < c; ch++) {
                        for (int di = 0; di < k; di++) {
                            for (int dj = 0; dj < k; dj++) {
                                int y = i * stride + di - pad;
                                int xx = j * stride + dj - pad;
                                if (y >= 0 && y < h && xx >= 0 && xx < w) {
                                    s += in[(ch * h + y) * w + xx] * weight[((f * c + ch) * k + di) * k + dj];
                                }
                            }
                        }
                    }
                    out[(f * oh + i) * ow + j] = (float) s;
                }
            }
        }
        return out;
    }

    static float maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private float[] gaussian(int n, double std) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextGaussian() * std);
        }
        return a;
    }
}
