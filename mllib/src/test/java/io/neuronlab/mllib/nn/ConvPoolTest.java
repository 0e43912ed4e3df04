package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.init.ConstantStd;
import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class ConvPoolTest {
    /** Direct six-loop convolution, the definition, as the oracle for the im2col+GEMM path. */
    private static float[] naiveConv(Tensor x, Tensor w, Tensor b, int stride, int pad) {
        int n = x.size(0), c = x.size(1), h = x.size(2), wd = x.size(3);
        int oc = w.size(0), k = w.size(2);
        int oh = (h + 2 * pad - k) / stride + 1, ow = (wd + 2 * pad - k) / stride + 1;
        float[] y = new float[n * oc * oh * ow];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < oc; o++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double s = b.get(o);
                        for (int ch = 0; ch < c; ch++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int iy = oy * stride + ky - pad, ix = ox * stride + kx - pad;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                                        s += (double) x.get(i, ch, iy, ix) * w.get(o, ch, ky, kx);
                                    }
                                }
                            }
                        }
                        y[((i * oc + o) * oh + oy) * ow + ox] = (float) s;
                    }
                }
            }
        }
        return y;
    }

    @Test
    public void convForwardMatchesDirectConvolution() {
        Random r = new Random(1);
        for (int[] cfg : new int[][] {{3, 1, 0}, {3, 1, 1}, {5, 2, 2}, {2, 2, 0}}) {
            Conv2d conv = new Conv2d(3, 4, cfg[0], cfg[1], cfg[2], new He(), r);
            System.arraycopy(GradChecks.gaussian(r, 4).data(), 0, conv.bias().data(), 0, 4);
            Tensor x = GradChecks.gaussian(r, 2, 3, 7, 6);
            Tensor y = conv.forward(x);
            int oh = (7 + 2 * cfg[2] - cfg[0]) / cfg[1] + 1, ow = (6 + 2 * cfg[2] - cfg[0]) / cfg[1] + 1;
            assertArrayEquals(new int[] {2, 4, oh, ow}, y.shape());
            assertArrayEquals(naiveConv(x, conv.weight(), conv.bias(), cfg[1], cfg[2]), y.data(), 1e-5f);
        }
    }

    @Test
    public void convGradientCheck() {
        Random r = new Random(2);
        Conv2d conv = new Conv2d(2, 3, 3, 2, 1, new ConstantStd(0.5f), r);
        System.arraycopy(GradChecks.gaussian(r, 3).data(), 0, conv.bias().data(), 0, 3);
        GradChecks.assertLayerGradients(conv, GradChecks.gaussian(r, 2, 2, 5, 5), 1e-3);
    }

    @Test
    public void convReusesBuffersAcrossBatchesOfTheSameShape() {
        Random r = new Random(3);
        Conv2d conv = new Conv2d(1, 2, 3, 1, 0, new He(), r);
        Tensor a = GradChecks.gaussian(r, 2, 1, 5, 5);
        Tensor b = GradChecks.gaussian(r, 2, 1, 5, 5);
        float[] ya = conv.forward(a).data().clone();
        conv.forward(b);
        // a later forward of another batch does not change what the same input gives
        assertArrayEquals(ya, conv.forward(a).data(), 0f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> conv.forward(Tensor.zeros(2, 3, 5, 5)));
        assertTrue(e.getMessage(), e.getMessage().contains("[2, 3, 5, 5]"));
    }

    @Test
    public void maxPoolByHand() {
        Tensor x = Tensor.of(new float[] {
            1, 2, 5, 0,
            3, 4, 1, 1,
            0, 9, 2, 8,
            7, 1, 3, 3}, 1, 1, 4, 4);
        MaxPool2d pool = new MaxPool2d(2, 2);
        assertArrayEquals(new float[] {4, 5, 9, 8}, pool.forward(x).data(), 0f);
        float[] dx = pool.backward(Tensor.of(new float[] {10, 20, 30, 40}, 1, 1, 2, 2)).data();
        assertArrayEquals(new float[] {
            0, 0, 20, 0,
            0, 10, 0, 0,
            0, 30, 0, 40,
            0, 0, 0, 0}, dx, 0f);
    }

    @Test
    public void maxPoolTiesGoToTheFirstMaximumInScanOrder() {
        // windows: all equal; equal pair in the bottom row; top-right ties bottom-left; negatives; zeros after ReLU
        Tensor x = Tensor.of(new float[] {
            2, 2, 1, 1, 0, 5, -3, -1, 0, 0,
            2, 2, 3, 3, 5, 0, -2, -4, 0, 0}, 1, 1, 2, 10);
        MaxPool2d pool = new MaxPool2d(2, 2);
        assertArrayEquals(new float[] {2, 3, 5, -1, 0}, pool.forward(x).data(), 0f);
        float[] dx = pool.backward(Tensor.of(new float[] {10, 20, 30, 40, 50}, 1, 1, 1, 5)).data();
        assertArrayEquals(new float[] {
            10, 0, 0, 0, 0, 30, 0, 40, 50, 0,
            0, 0, 20, 0, 0, 0, 0, 0, 0, 0}, dx, 0f);
    }

    @Test
    public void maxPool2x2FastPathMatchesTheGeneralLoop() {
        // the 2x2/stride-2 path is branch-free code of its own: it must pick what the general loop's scan picks
        // (row by row, strict >, so the first maximum wins a tie) on data with many ties
        Random r = new Random(12);
        int h = 8;
        int w = 8;
        float[] v = new float[3 * h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = 1 + r.nextInt(4); // many ties
        }
        MaxPool2d fast = new MaxPool2d(2, 2);
        float[] y = fast.forward(Tensor.of(v, 1, 3, h, w)).data();
        float[] dx = fast.backward(Tensor.of(ones(y.length), 1, 3, h / 2, w / 2)).data();
        for (int c = 0; c < 3; c++) {
            for (int oy = 0; oy < h / 2; oy++) {
                for (int ox = 0; ox < w / 2; ox++) {
                    int first = -1;
                    for (int ky = 0; ky < 2; ky++) {
                        for (int kx = 0; kx < 2; kx++) {
                            int i = c * h * w + (2 * oy + ky) * w + 2 * ox + kx;
                            if (first < 0 || v[i] > v[first]) {
                                first = i;
                            }
                        }
                    }
                    assertEquals(v[first], y[c * (h / 2) * (w / 2) + oy * (w / 2) + ox], 0f);
                    assertEquals("gradient goes to input " + first, 1f, dx[first], 0f);
                }
            }
        }
        float total = 0;
        for (float d : dx) {
            total += d;
        }
        assertEquals(y.length, total, 0f);
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }

    @Test
    public void maxPoolGradientCheck() {
        // distinct values spaced well beyond the step, so no window has a near-tie
        Random r = new Random(4);
        int n = 2 * 2 * 5 * 5;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i - n / 2) * 0.25f;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            float t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        GradChecks.assertLayerGradients(new MaxPool2d(2, 1), Tensor.of(v, 2, 2, 5, 5), 1e-3);
        GradChecks.assertLayerGradients(new MaxPool2d(3, 2), Tensor.of(v, 2, 2, 5, 5), 1e-3);
    }

    @Test
    public void avgPoolByHandAndGradientCheck() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        AvgPool2d pool = new AvgPool2d(2, 1);
        assertArrayEquals(new float[] {3, 4, 6, 7}, pool.forward(x).data(), 1e-6f);
        float[] dx = pool.backward(Tensor.of(new float[] {4, 0, 0, 0}, 1, 1, 2, 2)).data();
        assertArrayEquals(new float[] {1, 1, 0, 1, 1, 0, 0, 0, 0}, dx, 1e-6f);
        GradChecks.assertLayerGradients(new AvgPool2d(2, 2), GradChecks.gaussian(new Random(5), 2, 3, 4, 4), 1e-3);
    }

    @Test
    public void smallConvNetGradientCheck() {
        Random r = new Random(6);
        Sequential net = new Sequential()
            .add(new Conv2d(1, 2, 3, 1, 1, new He(), r))
            .add(new Tanh())
            .add(new AvgPool2d(2, 2))
            .add(new Flatten())
            .add(new Linear(2 * 2 * 2, 3, new He(), r));
        Tensor x = GradChecks.gaussian(r, 2, 1, 4, 4);
        assertEquals(3, net.forward(x).size(1));
        GradChecks.assertLayerGradients(net, x, 1e-3);
    }
}
