package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.init.Initializer;
import io.neuronlab.mllib.tensor.Gemm;
import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.tflite.ConvEngine;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * 2-D convolution (cross-correlation, as the book and every framework), computed via {@link Im2col} and GEMM.
 *
 * <p>Shapes: input {@code [N, inC, H, W]}, weight {@code [outC, inC, k, k]} (OIHW), bias {@code [outC]}, output
 * {@code [N, outC, OH, OW]} with {@code OH = (H + 2·pad − k) / stride + 1}.
 *
 * <p>Per image n: {@code out_n [outC, OH·OW] = W [outC, inC·k·k] · col_nᵀ} — already in NCHW order, so no
 * transpose is needed. Backward: {@code dW += dout_n · col_n}, {@code dcol_n = dout_nᵀ · W}, then
 * {@link Im2col#col2im col2im}. The column and scratch buffers are reused while the input shape repeats.
 */
public final class Conv2d extends Layer {
    private final int inC;
    private final int outC;
    private final int k;
    private final int stride;
    private final int pad;
    private final Tensor weight;
    private final Tensor bias;

    private int[] inShape;
    private int oh;
    private int ow;
    private float[] col;    // [N·OH·OW, inC·k·k] of the last forward
    private float[] dcol;   // one image's [OH·OW, inC·k·k], scratch
    private float[] dWeight;
    private float[] dBias;
    private ConvEngine engine;   // null: the im2col + GEMM below; else the engine runs the forward
    private Tensor engineInput;  // input of the last engine forward: backward builds its columns

    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, Initializer init, Random random) {
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
        this.bias = Tensor.zeros(outC).requiresGrad(true);
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = x.shape();
        if (s.length != 4 || s[1] != inC) {
            throw new IllegalArgumentException(this + " expects input [N, " + inC + ", H, W], got " + Shapes.toString(s));
        }
        int n = s[0];
        oh = Im2col.outSize(s[2], k, stride, pad);
        ow = Im2col.outSize(s[3], k, stride, pad);
        inShape = s;
        if (engine != null) {
            engineInput = x;
            return engine.forward(x, weight, bias, stride, pad);
        }
        engineInput = null;
        int plane = oh * ow;
        int kk = inC * k * k;
        int colSize = n * plane * kk;
        if (col == null || col.length != colSize) {
            col = new float[colSize];
        }
        float[] y = new float[n * outC * plane];
        float[] xd = x.data();
        float[] w = weight.data();
        float[] b = bias.data();
        int imageSize = inC * s[2] * s[3];
        for (int i = 0; i < n; i++) {
            Im2col.im2col(xd, i * imageSize, inC, s[2], s[3], k, k, stride, pad, col, i * plane * kk);
            int yOff = i * outC * plane;
            for (int o = 0; o < outC; o++) {
                Arrays.fill(y, yOff + o * plane, yOff + (o + 1) * plane, b[o]);
            }
            Gemm.sgemm(false, true, outC, plane, kk, 1f, w, 0, kk, col, i * plane * kk, kk, 1f, y, yOff, plane);
        }
        return Tensor.of(y, n, outC, oh, ow);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
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
        if (dWeight == null) {
            dWeight = new float[outC * kk];
            dBias = new float[outC];
        }
        if (dcol == null || dcol.length != plane * kk) {
            dcol = new float[plane * kk];
        }
        float[] g = gradOutput.data();
        float[] w = weight.data();
        float[] dx = new float[Shapes.numel(inShape)];
        int imageSize = inC * inShape[2] * inShape[3];
        Arrays.fill(dBias, 0f);
        for (int i = 0; i < n; i++) {
            int gOff = i * outC * plane;
            for (int o = 0; o < outC; o++) {
                float sum = 0f;
                for (int p = gOff + o * plane, end = p + plane; p < end; p++) {
                    sum += g[p];
                }
                dBias[o] += sum;
            }
            // dW [outC, kk] (+)= dout_n [outC, plane] · col_n [plane, kk]
            Gemm.sgemm(false, false, outC, kk, plane, 1f, g, gOff, plane, col, i * plane * kk, kk,
                i == 0 ? 0f : 1f, dWeight, 0, kk);
            // dcol_n [plane, kk] = dout_nᵀ · W
            Gemm.sgemm(true, false, plane, kk, outC, 1f, g, gOff, plane, w, 0, kk, 0f, dcol, 0, kk);
            Im2col.col2im(dcol, 0, inC, inShape[2], inShape[3], k, k, stride, pad, dx, i * imageSize);
        }
        if (n > 0) {
            weight.accumulateGrad(Tensor.of(dWeight, outC, inC, k, k));
            bias.accumulateGrad(Tensor.of(dBias, outC));
        }
        return Tensor.of(dx, inShape);
    }

    /** The im2col columns of {@code x} for backward, when an engine computed the forward. */
    private void columns(Tensor x) {
        int plane = oh * ow;
        int kk = inC * k * k;
        int n = inShape[0];
        if (col == null || col.length != n * plane * kk) {
            col = new float[n * plane * kk];
        }
        int imageSize = inC * inShape[2] * inShape[3];
        for (int i = 0; i < n; i++) {
            Im2col.im2col(x.data(), i * imageSize, inC, inShape[2], inShape[3], k, k, stride, pad, col, i * plane * kk);
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

    /** Bias {@code [outC]}. */
    public Tensor bias() {
        return bias;
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
        return named("weight", weight, "bias", bias);
    }

    @Override
    public String toString() {
        return "Conv2d(" + inC + ", " + outC + ", kernel=" + k + ", stride=" + stride + ", padding=" + pad + ")";
    }
}
