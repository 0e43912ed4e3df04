package io.neuronlab.mllib.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.tensor.Parallel;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Random;

import org.junit.After;
import org.junit.Test;

/**
 * The speed paths of Conv2d: the transposed column layout ({@link Im2col#im2colRows}), the elementwise-product
 * dW path taken when filter rows are short next to the output plane, and the batch split across threads.
 */
public class ConvSpeedPathsTest {
    private final int savedThreads = Parallel.threads();

    @After
    public void restoreThreads() {
        Parallel.setThreads(savedThreads);
    }

    private static final int[][] CONFIGS = { // c, h, w, k, stride, pad
        {1, 28, 28, 5, 1, 2}, {6, 14, 14, 5, 1, 0}, {3, 7, 6, 3, 2, 1}, {2, 9, 5, 2, 2, 0}, {2, 5, 8, 4, 3, 2},
        {2, 5, 9, 3, 1, 1}, {3, 4, 6, 1, 1, 0}, {1, 2, 3, 5, 1, 2}, // "same" width: one copy per filter tap
    };

    @Test
    public void im2colRowsIsTheTransposeOfIm2col() {
        Random r = new Random(1);
        for (int[] cfg : CONFIGS) {
            int c = cfg[0], h = cfg[1], w = cfg[2], k = cfg[3], stride = cfg[4], pad = cfg[5];
            Tensor x = GradChecks.gaussian(r, 1, c, h, w);
            Tensor col = Im2col.im2col(x, k, k, stride, pad); // [plane, kk]
            int plane = col.size(0), kk = col.size(1);
            float[] rows = new float[3 + kk * plane];
            java.util.Arrays.fill(rows, Float.NaN); // every entry must be written, padding included
            Im2col.im2colRows(x.data(), 0, c, h, w, k, k, stride, pad, rows, 3);
            for (int p = 0; p < kk; p++) {
                for (int t = 0; t < plane; t++) {
                    assertEquals("config " + java.util.Arrays.toString(cfg) + " row " + p + " col " + t,
                        col.data()[t * kk + p], rows[3 + p * plane + t], 0f);
                }
            }
        }
    }

    @Test
    public void col2imIsTheAdjointOfIm2col() {
        // <im2col(x), y> = <x, col2im(y)> for all x, y: what makes col2im the gradient of im2col. Conv2d's backward
        // calls the per-image col2im with offsets, so check that form (and that it leaves the rest alone)
        assertAdjoints(2, (x, c, h, w, k, stride, pad, plane, kk) -> Im2col.im2col(x, k, k, stride, pad).data(),
            (y, c, h, w, k, stride, pad, back) -> Im2col.col2im(y, 3, c, h, w, k, k, stride, pad, back, 1));
    }

    @Test
    public void col2imRowsIsTheAdjointOfIm2colRows() {
        // <im2colRows(x), y> = <x, col2imRows(y)>: the input gradient of wide images goes through col2imRows
        assertAdjoints(6, (x, c, h, w, k, stride, pad, plane, kk) -> {
            float[] rows = new float[kk * plane];
            Im2col.im2colRows(x.data(), 0, c, h, w, k, k, stride, pad, rows, 0);
            return rows;
        }, (y, c, h, w, k, stride, pad, back) -> Im2col.col2imRows(y, 3, c, h, w, k, k, stride, pad, back, 1));
    }

    private interface Unfold {
        float[] columns(Tensor x, int c, int h, int w, int k, int stride, int pad, int plane, int kk);
    }

    /** Adds {@code y} (from offset 3) back into {@code back} (from offset 1). */
    private interface Fold {
        void addBack(float[] y, int c, int h, int w, int k, int stride, int pad, float[] back);
    }

    /** {@code <unfold(x), y> = <x, fold(y)>} on every config, and fold writes nothing outside its image. */
    private static void assertAdjoints(long seed, Unfold unfold, Fold fold) {
        Random r = new Random(seed);
        for (int[] cfg : CONFIGS) {
            int c = cfg[0], h = cfg[1], w = cfg[2], k = cfg[3], stride = cfg[4], pad = cfg[5];
            int plane = Im2col.outSize(h, k, stride, pad) * Im2col.outSize(w, k, stride, pad), kk = c * k * k;
            Tensor x = GradChecks.gaussian(r, 1, c, h, w);
            Tensor y = GradChecks.gaussian(r, plane * kk);
            float[] cols = unfold.columns(x, c, h, w, k, stride, pad, plane, kk);
            float[] back = new float[2 + c * h * w];
            back[0] = 7f;
            back[back.length - 1] = 9f;
            float[] ySpaced = new float[3 + plane * kk];
            System.arraycopy(y.data(), 0, ySpaced, 3, plane * kk);
            fold.addBack(ySpaced, c, h, w, k, stride, pad, back);
            assertEquals(7f, back[0], 0f);
            assertEquals(9f, back[back.length - 1], 0f);
            double lhs = 0;
            for (int i = 0; i < cols.length; i++) {
                lhs += (double) cols[i] * y.data()[i];
            }
            double rhs = 0;
            for (int i = 0; i < x.numel(); i++) {
                rhs += (double) x.data()[i] * back[1 + i];
            }
            assertEquals("config " + java.util.Arrays.toString(cfg), lhs, rhs, 1e-4 * (1 + Math.abs(lhs)));
        }
    }

    @Test
    public void wideImageGradientPathPassesTheGradientCheck() {
        // plane 14·14 = 196 >= 128: dx = col2imRows(Wᵀ · dout); kk = 2·3·3 = 18 keeps dW on the GEMM
        Random r = new Random(8);
        Conv2d conv = new Conv2d(2, 3, 3, 1, 1, new He(), r);
        assertEquals(true, ConvKernels.wideImage(ConvGeometry.of(conv, new int[] {2, 2, 14, 14}, 3, 3, 3, 1, 1)));
        GradChecks.assertLayerGradients(conv, GradChecks.gaussian(r, 2, 2, 14, 14), 1e-3);
        Conv2d strided = new Conv2d(2, 3, 3, 2, 1, new He(), r); // 12×12 from 24×24, stride 2
        GradChecks.assertLayerGradients(strided, GradChecks.gaussian(r, 1, 2, 24, 24), 1e-3);
    }

    @Test
    public void shortRowGradientPathPassesTheGradientCheck() {
        // kk = 1·3·3 = 9 and plane = 8·8 = 64: dW is summed from elementwise products with the plain kernel (the
        // Vector API kernel's summed GEMM otherwise); weightProductsEqualTheSummedGemm checks products on any JVM
        Random r = new Random(3);
        Conv2d conv = new Conv2d(1, 2, 3, 1, 1, new He(), r);
        System.arraycopy(GradChecks.gaussian(r, 2).data(), 0, conv.bias().data(), 0, 2);
        GradChecks.assertLayerGradients(conv, GradChecks.gaussian(r, 2, 1, 8, 8), 1e-3);
    }

    @Test
    public void weightProductsEqualTheSummedGemm() {
        // WeightProducts (the plain kernel's dW for short filter rows) against Gemm.sgemmSumNT, whichever kernel runs
        Random r = new Random(9);
        int outC = 3, kk = 7, plane = 37, images = 5; // odd sizes: vector loops and their tails
        float[] dout = GradChecks.gaussian(r, images * outC * plane).data();
        float[] col = GradChecks.gaussian(r, images * kk * plane).data();
        for (int i = 0; i < dout.length; i += 3) {
            dout[i] = 0f; // gradients after ReLU and pooling are mostly zeros
        }
        WeightProducts products = new WeightProducts(outC, kk, plane);
        for (int i = 0; i < images; i++) {
            products.add(dout, i * outC * plane, col, i * kk * plane);
        }
        float[] viaProducts = new float[outC * kk];
        products.sumInto(viaProducts);
        float[] viaGemm = new float[outC * kk];
        io.neuronlab.mllib.tensor.Gemm.sgemmSumNT(images, outC, kk, plane, 1f, dout, 0, plane, outC * plane, col, 0,
            plane, kk * plane, 0f, viaGemm, 0, kk);
        assertArrayEquals(viaGemm, viaProducts, 1e-4f);
        // a NaN in the columns reaches dW through every non-zero gradient, in both paths
        products.clear();
        col[2] = Float.NaN; // image 0, tap 0, position 2
        products.add(dout, 0, col, 0);
        products.sumInto(viaProducts);
        io.neuronlab.mllib.tensor.Gemm.sgemmSumNT(1, outC, kk, plane, 1f, dout, 0, plane, 0, col, 0, plane, 0, 0f,
            viaGemm, 0, kk);
        for (int o = 0; o < outC; o++) {
            if (dout[o * plane + 2] != 0f) {
                assertEquals(true, Float.isNaN(viaProducts[o * kk]));
                assertEquals(true, Float.isNaN(viaGemm[o * kk]));
            }
            assertEquals(false, Float.isNaN(viaGemm[o * kk + 1]));
        }
    }

    @Test
    public void groupedSmallPlanesMatchImageByImage() {
        // the batch-wide column layout (ConvKernels.imagesPerGroup) against the per-image one: outputs, input and
        // parameter gradients equal within float rounding; batches that are not a multiple of the group, batch 1,
        // 1 and 2 threads, and a NaN in the input reaching the same outputs
        int[][] configs = { // c, h, w, k, stride, pad: planes 100 (LeNet conv2, 4 per group), 64, 12, 35, 9
            {6, 14, 14, 5, 1, 0}, {3, 10, 10, 3, 1, 1}, {3, 7, 6, 3, 2, 1}, {2, 5, 9, 3, 1, 1}, {1, 2, 3, 5, 1, 2},
        };
        for (int[] cfg : configs) {
            for (int n : new int[] {1, 7, 9}) {
                for (int threads : new int[] {1, 2}) {
                    Parallel.setThreads(threads);
                    String what = java.util.Arrays.toString(cfg) + ", batch " + n + ", " + threads + " threads";
                    float[][] perImage = forwardBackward(cfg, n, false, false);
                    float[][] grouped = forwardBackward(cfg, n, true, false);
                    for (int i = 0; i < perImage.length; i++) {
                        assertArrayEquals(what + ", result " + i, perImage[i], grouped[i], 1e-4f);
                    }
                    float[] nanPerImage = forwardBackward(cfg, n, false, true)[0];
                    float[] nanGrouped = forwardBackward(cfg, n, true, true)[0];
                    int nans = 0;
                    for (int i = 0; i < nanPerImage.length; i++) {
                        assertEquals(what + ", NaN at " + i, Float.isNaN(nanPerImage[i]), Float.isNaN(nanGrouped[i]));
                        nans += Float.isNaN(nanGrouped[i]) ? 1 : 0;
                    }
                    assertEquals(what + ": the NaN reaches some outputs", true, nans > 0);
                }
            }
        }
    }

    @Test
    public void groupedSmallPlanesPassTheGradientCheck() {
        boolean saved = ConvKernels.groupSmallPlanes;
        ConvKernels.groupSmallPlanes = true;
        try {
            Random r = new Random(12);
            Conv2d conv = new Conv2d(2, 3, 3, 1, 0, new He(), r); // 10×10 planes from 12×12: 4 images per group
            System.arraycopy(GradChecks.gaussian(r, 3).data(), 0, conv.bias().data(), 0, 3);
            assertEquals(4, ConvKernels.imagesPerGroup(ConvGeometry.of(conv, new int[] {9, 2, 12, 12}, 3, 3, 3, 1, 0)));
            GradChecks.assertLayerGradients(conv, GradChecks.gaussian(r, 9, 2, 12, 12), 1e-3); // groups of 4, 4, 1
        } finally {
            ConvKernels.groupSmallPlanes = saved;
        }
    }

    /** Output, input gradient, dW and db of a seeded Conv2d (4 filters) on a seeded batch, in the chosen layout. */
    private static float[][] forwardBackward(int[] cfg, int n, boolean grouped, boolean nanInput) {
        boolean saved = ConvKernels.groupSmallPlanes;
        ConvKernels.groupSmallPlanes = grouped;
        try {
            Random r = new Random(21);
            Conv2d conv = new Conv2d(cfg[0], 4, cfg[3], cfg[4], cfg[5], new He(), r);
            System.arraycopy(GradChecks.gaussian(r, 4).data(), 0, conv.bias().data(), 0, 4);
            conv.train(true);
            Tensor x = GradChecks.gaussian(r, n, cfg[0], cfg[1], cfg[2]);
            if (nanInput) {
                x.data()[x.numel() - 2] = Float.NaN; // the last image
            }
            Tensor y = conv.forward(x);
            float[] out = y.data().clone();
            Tensor g = GradChecks.gaussian(r, y.shape());
            for (int i = 0; i < g.numel(); i += 3) {
                g.data()[i] = 0f; // sparse, as after ReLU and pooling
            }
            Tensor dx = conv.backward(g);
            return new float[][] {out, dx.data().clone(), conv.weight().grad().data().clone(),
                conv.bias().grad().data().clone()};
        } finally {
            ConvKernels.groupSmallPlanes = saved;
        }
    }

    @Test
    public void sparseOutputGradientGivesTheDirectInputGradient() {
        // a gradient as after max-pooling (at most one in four non-zero) takes the plain kernel's sparse product;
        // checked against dx computed straight from the definition of the convolution
        for (boolean grouped : new boolean[] {false, true}) {
            boolean saved = ConvKernels.groupSmallPlanes;
            ConvKernels.groupSmallPlanes = grouped;
            try {
                Random r = new Random(31);
                int n = 5, c = 3, h = 9, w = 8, k = 3, outC = 4; // 7×6 planes
                Conv2d conv = new Conv2d(c, outC, k, 1, 0, new He(), r);
                conv.train(true);
                Tensor x = GradChecks.gaussian(r, n, c, h, w);
                Tensor y = conv.forward(x);
                Tensor g = GradChecks.gaussian(r, y.shape());
                for (int i = 0; i < g.numel(); i++) {
                    g.data()[i] = i % 4 == 1 ? g.data()[i] : 0f;
                }
                assertEquals(true, ConvKernels.mostlyZeros(g.data(), 0, outC * 7 * 6));
                float[] dx = conv.backward(g).data();
                float[] wt = conv.weight().data();
                for (int img = 0; img < n; img++) {
                    for (int ch = 0; ch < c; ch++) {
                        for (int iy = 0; iy < h; iy++) {
                            for (int ix = 0; ix < w; ix++) {
                                double sum = 0;
                                for (int o = 0; o < outC; o++) {
                                    for (int ky = 0; ky < k; ky++) {
                                        for (int kx = 0; kx < k; kx++) {
                                            int oy = iy - ky, ox = ix - kx;
                                            if (oy >= 0 && oy < 7 && ox >= 0 && ox < 6) {
                                                sum += g.data()[((img * outC + o) * 7 + oy) * 6 + ox]
                                                    * wt[((o * c + ch) * k + ky) * k + kx];
                                            }
                                        }
                                    }
                                }
                                assertEquals("grouped " + grouped, sum, dx[((img * c + ch) * h + iy) * w + ix], 1e-4);
                            }
                        }
                    }
                }
            } finally {
                ConvKernels.groupSmallPlanes = saved;
            }
        }
    }

    @Test
    public void threadCountsAgreeOnOutputAndGradients() {
        for (int[] cfg : CONFIGS) {
            float[][] reference = null;
            for (int threads : new int[] {1, 2, 3}) {
                Parallel.setThreads(threads);
                Random r = new Random(4);
                int c = cfg[0], h = cfg[1], w = cfg[2], k = cfg[3], stride = cfg[4], pad = cfg[5];
                Conv2d conv = new Conv2d(c, 4, k, stride, pad, new He(), r);
                Tensor x = GradChecks.gaussian(r, 5, c, h, w);
                Tensor y = conv.forward(x);
                Tensor g = GradChecks.gaussian(r, y.shape());
                Tensor dx = conv.backward(g);
                float[][] got = {y.data(), dx.data(), conv.weight().grad().data(), conv.bias().grad().data()};
                if (reference == null) {
                    reference = got;
                } else {
                    for (int i = 0; i < got.length; i++) {
                        // only the order of the per-thread dW/db sums differs
                        assertArrayEquals("config " + java.util.Arrays.toString(cfg) + ", " + threads + " threads, output " + i,
                            reference[i], got[i], 1e-5f * 100);
                    }
                }
            }
        }
    }

    @Test
    public void im2colRowsByLinesWritesItsLinesAsTheWholeUnfoldingAndNothingElse() {
        Random r = new Random(11);
        for (int[] cfg : CONFIGS) {
            int c = cfg[0], h = cfg[1], w = cfg[2], k = cfg[3], stride = cfg[4], pad = cfg[5];
            int oh = Im2col.outSize(h, k, stride, pad), ow = Im2col.outSize(w, k, stride, pad);
            int plane = oh * ow, kk = c * k * k;
            Tensor x = GradChecks.gaussian(r, 1, c, h, w);
            float[] whole = new float[2 + kk * plane];
            Im2col.im2colRows(x.data(), 0, c, h, w, k, k, stride, pad, whole, 2);
            for (int from = 0; from <= oh; from++) {
                for (int to = from; to <= oh; to++) {
                    float[] band = new float[2 + kk * plane];
                    java.util.Arrays.fill(band, Float.NaN);
                    Im2col.im2colRows(x.data(), 0, c, h, w, k, k, stride, pad, band, 2, plane, from, to);
                    for (int p = 0; p < kk; p++) {
                        for (int t = 0; t < plane; t++) {
                            int at = 2 + p * plane + t;
                            boolean mine = t / ow >= from && t / ow < to;
                            assertEquals("config " + java.util.Arrays.toString(cfg) + " lines [" + from + ", " + to
                                + ") row " + p + " col " + t, mine ? whole[at] : Float.NaN, band[at], 0f);
                        }
                    }
                }
            }
        }
    }

    /** y[o, oy, ox] = b[o] + Σ w[o, c, ky, kx] · x[c, oy·s + ky − pad, ox·s + kx − pad], in double, one image. */
    private static double[] directConvolution(Conv2d conv, Tensor x) {
        int c = x.size(1), h = x.size(2), w = x.size(3), k = conv.kernel(), s = conv.stride(), pad = conv.padding();
        int o = conv.outChannels(), oh = Im2col.outSize(h, k, s, pad), ow = Im2col.outSize(w, k, s, pad);
        float[] wd = conv.weight().data(), xd = x.data();
        double[] y = new double[o * oh * ow];
        for (int oc = 0; oc < o; oc++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double sum = conv.bias().data()[oc];
                    for (int ic = 0; ic < c; ic++) {
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int iy = oy * s + ky - pad, ix = ox * s + kx - pad;
                                if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                    sum += (double) wd[((oc * c + ic) * k + ky) * k + kx] * xd[(ic * h + iy) * w + ix];
                                }
                            }
                        }
                    }
                    y[(oc * oh + oy) * ow + ox] = sum;
                }
            }
        }
        return y;
    }

    @Test
    public void batchOneSplitByOutputLinesIsTheDirectConvolution() {
        // planes of >= 512 positions at batch 1 are shared out by output lines; odd channel counts and sizes,
        // padding, stride 2, a line count that does not divide by the threads
        int[][] configs = { // c, o, h, w, k, stride, pad
            {5, 7, 30, 26, 3, 1, 1}, {3, 9, 47, 50, 3, 2, 1}, {17, 3, 23, 25, 1, 1, 0}, {2, 5, 35, 33, 7, 2, 3},
            {4, 6, 25, 22, 3, 1, 0},
        };
        for (int[] cfg : configs) {
            Random r = new Random(12);
            Conv2d conv = new Conv2d(cfg[0], cfg[1], cfg[4], cfg[5], cfg[6], new He(), r);
            System.arraycopy(GradChecks.gaussian(r, cfg[1]).data(), 0, conv.bias().data(), 0, cfg[1]);
            conv.train(false);
            Tensor x = GradChecks.gaussian(r, 1, cfg[0], cfg[2], cfg[3]);
            double[] expected = directConvolution(conv, x);
            for (int threads : new int[] {1, 2, 3}) {
                Parallel.setThreads(threads);
                float[] got = conv.forward(x).data();
                assertEquals(expected.length, got.length);
                for (int i = 0; i < got.length; i++) {
                    assertEquals("config " + java.util.Arrays.toString(cfg) + ", " + threads + " threads, entry " + i,
                        expected[i], got[i], 1e-5 * (1 + Math.abs(expected[i])));
                }
            }
        }
    }

    @Test
    public void evaluationBatchesAreTheDirectConvolutionImageByImage() {
        // evaluation unfolds each image (or group of small-plane images) into the thread's own scratch
        int[][] configs = { // c, o, h, w, k, stride, pad: a wide plane, LeNet's grouped small plane, stride 2
            {3, 5, 20, 19, 3, 1, 1}, {6, 16, 14, 14, 5, 1, 0}, {2, 4, 11, 9, 3, 2, 1},
        };
        for (int[] cfg : configs) {
            Random r = new Random(14);
            Conv2d conv = new Conv2d(cfg[0], cfg[1], cfg[4], cfg[5], cfg[6], new He(), r);
            System.arraycopy(GradChecks.gaussian(r, cfg[1]).data(), 0, conv.bias().data(), 0, cfg[1]);
            conv.train(false);
            int n = 7;
            Tensor x = GradChecks.gaussian(r, n, cfg[0], cfg[2], cfg[3]);
            int per = x.numel() / n;
            for (int threads : new int[] {1, 2, 3}) {
                Parallel.setThreads(threads);
                float[] got = conv.forward(x).data();
                for (int i = 0; i < n; i++) {
                    Tensor xi = Tensor.of(java.util.Arrays.copyOfRange(x.data(), i * per, (i + 1) * per), 1, cfg[0],
                        cfg[2], cfg[3]);
                    double[] expected = directConvolution(conv, xi);
                    for (int e = 0; e < expected.length; e++) {
                        assertEquals("config " + java.util.Arrays.toString(cfg) + ", " + threads + " threads, image "
                            + i + " entry " + e, expected[e], got[i * expected.length + e], 1e-5 * (1 + Math.abs(expected[e])));
                    }
                }
            }
        }
    }

    @Test
    public void backwardAfterAnEvaluationForwardUnfoldsItsOwnInputAgain() {
        // evaluation forwards share the thread's columns; a later layer's forward overwrites them, so the backward
        // must give the gradients of this layer's own input (as after a training forward), not of the last one
        Random r = new Random(13);
        Conv2d conv = new Conv2d(3, 4, 3, 1, 1, new He(), r);
        Conv2d other = new Conv2d(3, 2, 5, 2, 2, new He(), r);
        Tensor x = GradChecks.gaussian(r, 2, 3, 24, 23);
        Tensor g = GradChecks.gaussian(r, 2, 4, 24, 23);
        conv.train(true);
        conv.forward(x);
        float[] dx = conv.backward(g).data().clone();
        float[] dw = conv.weight().grad().data().clone();
        float[] db = conv.bias().grad().data().clone();
        conv.zeroGrad();
        conv.train(false);
        other.train(false);
        conv.forward(x);
        other.forward(GradChecks.gaussian(r, 2, 3, 31, 30)); // overwrites the thread's columns
        assertArrayEquals(dx, conv.backward(g).data(), 1e-6f);
        assertArrayEquals(dw, conv.weight().grad().data(), 1e-5f);
        assertArrayEquals(db, conv.bias().grad().data(), 1e-6f);
    }

    @Test
    public void maxPool2x2FastPathKeepsFirstMaximumOnTies() {
        Random r = new Random(5);
        float[] v = new float[2 * 3 * 6 * 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(3); // many ties
        }
        Tensor x = Tensor.of(v, 2, 3, 6, 8);
        MaxPool2d pool = new MaxPool2d(2, 2);
        Tensor y = pool.forward(x);
        float[] g = new float[y.numel()];
        for (int i = 0; i < g.length; i++) {
            g[i] = i + 1;
        }
        Tensor dx = pool.backward(Tensor.of(g, y.shape()));
        float[] expectedDx = new float[v.length];
        int o = 0;
        for (int p = 0; p < 6; p++) {
            for (int oy = 0; oy < 3; oy++) {
                for (int ox = 0; ox < 4; ox++) {
                    int best = -1;
                    for (int ky = 0; ky < 2; ky++) {
                        for (int kx = 0; kx < 2; kx++) {
                            int idx = p * 48 + (2 * oy + ky) * 8 + 2 * ox + kx;
                            if (best < 0 || v[idx] > v[best]) {
                                best = idx; // first maximum in scan order
                            }
                        }
                    }
                    assertEquals(v[best], y.data()[o], 0f);
                    expectedDx[best] += g[o++];
                }
            }
        }
        assertArrayEquals(expectedDx, dx.data(), 0f);
    }
}
