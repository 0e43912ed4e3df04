package io.neuronlab.mllib.tflite;

import io.neuronlab.mllib.tflite.desktop.BytedecoRuntime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.neuronlab.mllib.tensor.Tensor;

import org.junit.After;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The TFLite conv engine on the real TFLite 2.20 CPU runtime, against a naive convolution. */
public class TfliteConvEngineTest {
    private final Random random = new Random(11);
    private final TfliteConvEngine engine = new TfliteConvEngine(new BytedecoRuntime(true));

    @After
    public void close() {
        engine.close();
    }

    @Test
    public void matchesNaiveConvolutionForPaddingsStridesAndBatches() {
        int[][] cases = { // n, c, h, w, o, k, stride, pad
            {2, 1, 28, 28, 6, 5, 1, 2},  // LeNet conv1 (SAME)
            {3, 6, 14, 14, 16, 5, 1, 0}, // LeNet conv2 (VALID)
            {2, 3, 9, 9, 4, 3, 2, 1},    // strided with explicit PAD
            {1, 2, 8, 8, 3, 3, 1, 2},    // pad wider than SAME
        };
        for (int[] k : cases) {
            Tensor x = gaussian(1, k[0], k[1], k[2], k[3]);
            Tensor weight = gaussian(0.3, k[4], k[1], k[5], k[5]);
            Tensor bias = gaussian(0.1, k[4]);
            Tensor y = engine.forward(x, weight, bias, k[6], k[7]);
            float[] expected = naive(x, weight, bias, k[6], k[7]);
            float err = TfliteModelBuilderTest.maxAbsDiff(expected, y.data());
            System.out.printf("TFLite CPU conv %s: max abs error %.2e%n", java.util.Arrays.toString(k), err);
            assertTrue("case " + java.util.Arrays.toString(k) + " error " + err, err <= 1e-5f);
        }
    }

    @Test
    public void reusesTheGraphUntilWeightsChangeThenRebuilds() {
        Tensor x = gaussian(1, 2, 3, 8, 8);
        Tensor weight = gaussian(0.3, 4, 3, 3, 3);
        Tensor bias = gaussian(0.1, 4);
        engine.forward(x, weight, bias, 1, 1);
        engine.forward(gaussian(1, 2, 3, 8, 8), weight, bias, 1, 1);
        assertEquals("same weights, same input size: one graph", 1, engine.builds());

        weight.data()[5] += 0.5f; // an optimizer step, in place
        Tensor y = engine.forward(x, weight, bias, 1, 1);
        assertEquals(2, engine.builds());
        assertTrue(TfliteModelBuilderTest.maxAbsDiff(naive(x, weight, bias, 1, 1), y.data()) <= 1e-5f);

        bias.data()[0] -= 1f;
        y = engine.forward(x, weight, bias, 1, 1);
        assertEquals(3, engine.builds());
        assertTrue(TfliteModelBuilderTest.maxAbsDiff(naive(x, weight, bias, 1, 1), y.data()) <= 1e-5f);

        engine.forward(gaussian(1, 2, 3, 10, 10), weight, bias, 1, 1);
        assertEquals("a new input size needs a new graph", 4, engine.builds());
    }

    @Test
    public void fallsBackToCpuWithAMessageWhenThePrimaryRuntimeFails() {
        List<String> messages = new ArrayList<>();
        TfliteRuntime unsupportedGpu = new TfliteRuntime() {
            @Override
            public String name() {
                return "TFLite GPU";
            }

            @Override
            public TfliteInterpreter load(byte[] model) {
                throw new TfliteException("GPU delegate is not supported on this device");
            }
        };
        try (TfliteConvEngine gpu = new TfliteConvEngine(unsupportedGpu)
            .withFallback(new BytedecoRuntime(true), messages::add)) {
            Tensor x = gaussian(1, 1, 2, 6, 6);
            Tensor weight = gaussian(0.3, 3, 2, 3, 3);
            Tensor bias = gaussian(0.1, 3);
            Tensor y = gpu.forward(x, weight, bias, 1, 0);
            assertTrue(TfliteModelBuilderTest.maxAbsDiff(naive(x, weight, bias, 1, 0), y.data()) <= 1e-5f);
            assertEquals(1, messages.size());
            assertTrue(messages.get(0), messages.get(0).contains("TFLite GPU failed")
                && messages.get(0).contains("not supported") && messages.get(0).contains("TFLite CPU"));
            assertTrue(gpu.activeRuntime().startsWith("TFLite CPU"));
        }
    }

    @Test
    public void withoutFallbackARuntimeFailureIsReported() {
        TfliteConvEngine broken = new TfliteConvEngine(new TfliteRuntime() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public TfliteInterpreter load(byte[] model) {
                throw new TfliteException("cannot load");
            }
        });
        try {
            broken.forward(gaussian(1, 1, 1, 4, 4), gaussian(1, 1, 1, 3, 3), gaussian(1, 1), 1, 0);
            fail("expected TfliteException");
        } catch (TfliteException e) {
            assertEquals("cannot load", e.getMessage());
        }
    }

    @Test
    public void rejectsMismatchedChannels() {
        try {
            engine.forward(gaussian(1, 1, 3, 8, 8), gaussian(1, 4, 2, 3, 3), gaussian(1, 4), 1, 0);
            fail("expected IllegalArgumentException");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("3 channels"));
        }
    }

    static float[] naive(Tensor x, Tensor weight, Tensor bias, int stride, int pad) {
        int n = x.size(0);
        int c = x.size(1);
        int h = x.size(2);
        int w = x.size(3);
        int o = weight.size(0);
        int k = weight.size(2);
        List<float[]> outs = new ArrayList<>();
        int per = 0;
        for (int i = 0; i < n; i++) {
            float[] one = new float[c * h * w];
            System.arraycopy(x.data(), i * one.length, one, 0, one.length);
            float[] y = TfliteModelBuilderTest.conv(one, c, h, w, weight.data(), bias.data(), o, k, stride, pad);
            per = y.length;
            outs.add(y);
        }
        float[] all = new float[n * per];
        for (int i = 0; i < n; i++) {
            System.arraycopy(outs.get(i), 0, all, i * per, per);
        }
        return all;
    }

    private Tensor gaussian(double std, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (random.nextGaussian() * std);
        }
        return t;
    }
}
