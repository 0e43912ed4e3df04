package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.init.Initializer;
import io.neuronlab.mllib.tensor.Gemm;
import io.neuronlab.mllib.tensor.Parallel;
import io.neuronlab.mllib.tensor.Profiler;
import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.nn.engine.ConvEngine;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * 2-D convolution (cross-correlation, as the book and every framework), computed via {@link Im2col} and GEMM.
 *
 * <p>Shapes: input {@code [N, inC, H, W]}, weight {@code [outC, inC, k, k]} (OIHW), bias {@code [outC]}, output
 * {@code [N, outC, OH, OW]} with {@code OH = (H + 2·pad − k) / stride + 1}.
 *
 * <p>Per image n, with columns in the transposed layout {@code col_n [inC·k·k, OH·OW]}
 * ({@link Im2col#im2colRows}): {@code out_n [outC, OH·OW] = W [outC, inC·k·k] · col_n} — already in NCHW order,
 * and the GEMM runs along output positions. Backward: {@code dW += dout_n · col_nᵀ}, and the input gradient's
 * columns in the book's patch layout, {@code dcolᵀ_n [OH·OW, inC·k·k] = dout_nᵀ · W}, so that the gradient — mostly
 * zeros after ReLU and max-pooling — is the operand whose zeros the GEMM skips; then {@link Im2col#col2im col2im}.
 * Images are spread over {@link Parallel}'s threads; each thread keeps its own dW/db sums, added in a fixed order.
 * The column and scratch buffers are reused while the shape repeats.
 */
public final class Conv2d extends Layer {
    private final int inC;
    private final int outC;
    private final int k;
    private final int stride;
    private final int pad;
    private final Tensor weight;
    private final Tensor bias;     // zeros and not a parameter when the layer has no bias (ResNet, GoogLeNet)
    private final boolean hasBias;

    /** Largest per-thread product buffer (floats, 16 MiB) for the short-row dW path. */
    static final long PRODUCT_PATH_MAX_FLOATS = 4L << 20;

    private int[] inShape;
    private int oh;
    private int ow;
    private float[] col;          // per image [inC·k·k, OH·OW] (Im2col.im2colRows), all N images of the last forward
    private float[][] dcolParts;  // per thread share: one image's column gradient [OH·OW, inC·k·k], scratch
    private float[][] dWeightParts;
    private float[][] dBiasParts;
    private float[][][] productParts; // per share: [outC·kk][OH·OW] running dout·col products (short-row dW path)
    private float[][][] rowParts;     // per share: one image's dout rows then col rows, as zero-offset arrays
    private final ReusableArray output = new ReusableArray();
    private final ReusableArray gradInput = new ReusableArray();
    private volatile ConvEngine engine; // null: the im2col + GEMM below; else the engine runs the forward
    private Tensor engineInput;  // input of the last engine forward: backward builds its columns

    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, Initializer init, Random random) {
        this(inChannels, outChannels, kernel, stride, padding, true, init, random);
    }

    /**
     * As above; {@code bias = false} leaves the bias out (PyTorch's {@code bias=False}): a convolution followed by
     * batch normalisation needs none, since the normalisation's shift replaces it.
     */
    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, boolean bias, Initializer init,
                  Random random) {
        if (inChannels <= 0 || outChannels <= 0 || kernel <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("Conv2d needs inChannels, outChannels, kernel, stride > 0 and padding >= 0, got "
                + inChannels + ", " + outChannels + ", " + kernel + ", " + stride + ", " + padding);
        }
        this.inC = inChannels;
        this.outC = outChannels;
        this.k = kernel;
        this.stride = stride;
        this.pad = padding;
        this.weight = Tensor.zeros(outC, inC, k, k);
        init.fill(weight, random);
        weight.requiresGrad(true);
        this.hasBias = bias;
        this.bias = bias ? Tensor.zeros(outC).requiresGrad(true) : Tensor.zeros(outC);
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = x.shape();
        if (s.length != 4 || s[1] != inC) {
            throw new IllegalArgumentException(this + " expects input [N, " + inC + ", H, W], got " + Shapes.toString(s));
        }
        int n = s[0];
        int h = s[2];
        int wd = s[3];
        // locals, published to the fields only at the end: concurrent inference calls never see each other's shapes
        int outH = Im2col.outSize(h, k, stride, pad);
        int outW = Im2col.outSize(wd, k, stride, pad);
        ConvEngine e = engine; // read once: Settings may switch engines while a recognition runs
        if (e != null) {
            Tensor y = e.forward(x, weight, bias, stride, pad);
            publish(s, outH, outW, x, col);
            return y;
        }
        int plane = outH * outW;
        int kk = inC * k * k;
        int colSize = Math.multiplyExact(Math.multiplyExact(n, kk), plane);
        float[] cols = keepsScratch() && col != null && col.length == colSize ? col : new float[colSize];
        float[] y = output.get(n * outC * plane, reusesBuffers()); // every value set below: bias, then += GEMM
        float[] xd = x.data();
        float[] w = weight.data();
        float[] b = bias.data();
        int imageSize = inC * h * wd;
        // images are independent: each thread takes a share of the batch
        Parallel.forRange(n, Integer.MAX_VALUE, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                long t0 = Profiler.start();
                Im2col.im2colRows(xd, i * imageSize, inC, h, wd, k, k, stride, pad, cols, i * kk * plane);
                Profiler.stop(Profiler.IM2COL, t0);
                int yOff = i * outC * plane;
                for (int o = 0; o < outC; o++) {
                    Arrays.fill(y, yOff + o * plane, yOff + (o + 1) * plane, b[o]);
                }
                // out_i [outC, plane] += W [outC, kk] · col_i [kk, plane]
                Gemm.sgemm(false, false, outC, plane, kk, 1f, w, 0, kk, cols, i * kk * plane, plane, 1f, y, yOff, plane);
            }
        });
        publish(s, outH, outW, null, cols);
        return Tensor.of(y, n, outC, outH, outW);
    }

    /** What the backward needs of the last forward, written once that forward is done. */
    private void publish(int[] shape, int outH, int outW, Tensor forEngine, float[] columns) {
        inShape = shape;
        oh = outH;
        ow = outW;
        engineInput = forEngine;
        col = columns;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return backward(gradOutput, true);
    }

    /** Weight and bias gradients only: no {@code Wᵀ · dout} GEMM and no col2im. */
    @Override
    public void backwardParameters(Tensor gradOutput) {
        backward(gradOutput, false);
    }

    private Tensor backward(Tensor gradOutput, boolean inputGradient) {
        if (inShape == null) {
            throw new IllegalStateException("Conv2d.backward called before forward");
        }
        int n = inShape[0];
        Shapes.requireSame("Conv2d.backward: gradOutput vs output", gradOutput.shape(), new int[] {n, outC, oh, ow});
        int plane = oh * ow;
        int kk = inC * k * k;
        if (engineInput != null) {
            columns(engineInput);
            engineInput = null;
        }
        int threads = Parallel.threads();
        // dW's GEMM has rows of only kk floats; when they are short next to the OH·OW-long sums, accumulate the
        // elementwise products over the batch instead (long SIMD loops) and add them up once at the end; the
        // product buffers hold outC·kk·plane floats per thread, so big layers keep the GEMM
        boolean shortRows = kk * 4 <= plane && (long) outC * kk * plane <= PRODUCT_PATH_MAX_FLOATS;
        if (dWeightParts == null || dWeightParts.length < threads || dcolParts[0].length != kk * plane
            || shortRows != (productParts != null)) {
            dcolParts = new float[threads][kk * plane];
            dWeightParts = new float[threads][outC * kk];
            dBiasParts = new float[threads][outC];
            productParts = shortRows ? new float[threads][outC * kk][plane] : null;
            rowParts = shortRows ? new float[threads][outC + kk][plane] : null;
        }
        float[] g = gradOutput.data();
        float[] w = weight.data();
        float[] dx = inputGradient ? gradInput.get(Shapes.numel(inShape), reusesBuffers()) : null; // cleared per image
        int h = inShape[2];
        int wd = inShape[3];
        int imageSize = inC * h * wd;
        // each share sums its images' dW and db privately; the shares are added in order afterwards
        int parts = Parallel.forRange(n, threads, (part, from, to) -> {
            float[] dW = dWeightParts[part];
            float[] dB = dBiasParts[part];
            float[] dcol = dcolParts[part];
            float[][] products = shortRows ? productParts[part] : null;
            float[][] rows = shortRows ? rowParts[part] : null;
            Arrays.fill(dW, 0f);
            Arrays.fill(dB, 0f);
            if (shortRows) {
                for (float[] pr : products) {
                    Arrays.fill(pr, 0f);
                }
            }
            for (int i = from; i < to; i++) {
                int gOff = i * outC * plane;
                for (int o = 0; o < outC; o++) {
                    float sum = 0f;
                    for (int p = gOff + o * plane, end = p + plane; p < end; p++) {
                        sum += g[p];
                    }
                    dB[o] += sum;
                }
                if (shortRows) {
                    accumulateProducts(g, gOff, col, i * kk * plane, kk, plane, rows, products);
                } else {
                    // dW [outC, kk] += dout_i [outC, plane] · col_iᵀ
                    Gemm.sgemm(false, true, outC, kk, plane, 1f, g, gOff, plane, col, i * kk * plane, plane, 1f, dW, 0, kk);
                }
                if (inputGradient) {
                    // dcolᵀ_i [plane, kk] = dout_iᵀ · W: the gradient (mostly zeros after ReLU and pooling) is the
                    // GEMM's A operand, whose zeros it skips; then col2im from the book's patch layout
                    Gemm.sgemm(true, false, plane, kk, outC, 1f, g, gOff, plane, w, 0, kk, 0f, dcol, 0, kk);
                    long t0 = Profiler.start();
                    // col2im adds: this image's part is cleared here, by the thread that fills it
                    Arrays.fill(dx, i * imageSize, (i + 1) * imageSize, 0f);
                    Im2col.col2im(dcol, 0, inC, h, wd, k, k, stride, pad, dx, i * imageSize);
                    Profiler.stop(Profiler.COL2IM, t0);
                }
            }
            if (shortRows) {
                for (int q = 0; q < dW.length; q++) {
                    float[] pr = products[q];
                    float sum = 0f;
                    for (int t = 0; t < plane; t++) {
                        sum += pr[t];
                    }
                    dW[q] = sum;
                }
            }
        });
        if (n > 0) {
            float[] dWeight = dWeightParts[0]; // scratch: zeroed again by the next backward
            float[] dBias = dBiasParts[0];
            for (int part = 1; part < parts; part++) {
                add(dWeightParts[part], dWeight);
                add(dBiasParts[part], dBias);
            }
            weight.accumulateGrad(Tensor.of(dWeight, outC, inC, k, k));
            if (hasBias) {
                bias.accumulateGrad(Tensor.of(dBias, outC));
            }
        }
        return inputGradient ? Tensor.of(dx, inShape) : null;
    }

    /**
     * {@code products[o·kk + p][t] += dout_i[o, t] · col_i[p, t]}: dW's dot products kept as vectors. The rows are
     * first copied into zero-offset arrays so that every index in the inner loop is plain {@code t}, which
     * HotSpot vectorizes.
     */
    private void accumulateProducts(float[] g, int gOff, float[] cols, int colOff, int kk, int plane,
                                    float[][] rows, float[][] products) {
        for (int o = 0; o < outC; o++) {
            System.arraycopy(g, gOff + o * plane, rows[o], 0, plane);
        }
        for (int p = 0; p < kk; p++) {
            System.arraycopy(cols, colOff + p * plane, rows[outC + p], 0, plane);
        }
        for (int o = 0; o < outC; o++) {
            float[] d = rows[o];
            for (int p = 0; p < kk; p++) {
                float[] c = rows[outC + p];
                float[] pr = products[o * kk + p];
                for (int t = 0; t < plane; t++) {
                    pr[t] += d[t] * c[t];
                }
            }
        }
    }

    private static void add(float[] from, float[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /** The im2col columns of {@code x} for backward, when an engine computed the forward. */
    private void columns(Tensor x) {
        int plane = oh * ow;
        int kk = inC * k * k;
        int n = inShape[0];
        if (col == null || col.length != n * kk * plane) {
            col = new float[n * kk * plane];
        }
        int imageSize = inC * inShape[2] * inShape[3];
        for (int i = 0; i < n; i++) {
            Im2col.im2colRows(x.data(), i * imageSize, inC, inShape[2], inShape[3], k, k, stride, pad, col, i * kk * plane);
        }
    }

    /**
     * Runs the forward pass on {@code engine} (e.g. TFLite on the CPU or GPU) instead of this layer's own
     * im2col + GEMM; {@code null} goes back to the built-in path. The backward always stays here in Java.
     */
    public void setEngine(ConvEngine engine) {
        this.engine = engine;
    }

    /** The engine set by {@link #setEngine}, or {@code null} for the built-in Java path. */
    public ConvEngine engine() {
        return engine;
    }

    /** Weight {@code [outC, inC, k, k]}. */
    public Tensor weight() {
        return weight;
    }

    /** Bias {@code [outC]} (zeros when the layer has none, see {@link #hasBias()}). */
    public Tensor bias() {
        return bias;
    }

    /** Whether the bias is a trained parameter; without one the layer adds nothing after the convolution. */
    public boolean hasBias() {
        return hasBias;
    }

    public int inChannels() {
        return inC;
    }

    public int outChannels() {
        return outC;
    }

    public int kernel() {
        return k;
    }

    public int stride() {
        return stride;
    }

    public int padding() {
        return pad;
    }

    @Override
    public Map<String, Tensor> parameters() {
        return hasBias ? named("weight", weight, "bias", bias) : named("weight", weight);
    }

    @Override
    public String toString() {
        return "Conv2d(" + inC + ", " + outC + ", kernel=" + k + ", stride=" + stride + ", padding=" + pad
            + (hasBias ? "" : ", bias=false") + ")";
    }
}
