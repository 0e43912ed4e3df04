package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.init.Initializer;
import io.neuronlab.mllib.tensor.Parallel;
import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.nn.engine.ConvEngine;

import java.util.Map;
import java.util.Random;

/**
 * 2-D convolution (cross-correlation, as the book and every framework): the book's {@code Convolution}, computed
 * via {@link Im2col} and GEMM.
 *
 * <p>Shapes: input {@code [N, inC, H, W]}, weight {@code [outC, inC, k, k]} (OIHW), bias {@code [outC]}, output
 * {@code [N, outC, OH, OW]} with {@code OH = (H + 2·pad − k) / stride + 1} ({@link ConvGeometry}, which also
 * refuses sizes no array can hold).
 *
 * <p>Per image n, with columns {@code col_n [inC·k·k, OH·OW]} ({@link Im2col#im2colRows}):
 * {@code out_n = W [outC, inC·k·k] · col_n + b}. Backward: {@code db += Σ dout_n}, {@code dW += dout_n · col_nᵀ},
 * {@code dx_n = col2im(dout_nᵀ · W)}. The arithmetic is in {@link ConvKernels} (and {@link WeightProducts} for
 * short filter rows), the scratch memory in {@link ConvWorkspace}. Small planes (fewer than 128 output positions)
 * are computed in groups of images whose columns sit side by side ({@code [inC·k·k, G·OH·OW]},
 * {@link ConvKernels#imagesPerGroup}), one forward GEMM and one dW GEMM per group. Images (or groups) are spread
 * over {@link Parallel}'s threads; each thread share keeps its own dW/db sums, added in a fixed order.
 *
 * A single image (batch 1) with a wide output plane is split by output lines instead
 * ({@link ConvKernels#forwardImageByLines}).
 *
 * <p>Threads (see {@link Layer}): in evaluation a forward unfolds into its calling thread's columns (kept between
 * calls, shared by all layers: no garbage per call), so one layer serves several threads at once; what the backward
 * needs is published as one {@link LastForward} when a forward is done.
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

    private final ConvWorkspace workspace = new ConvWorkspace();
    private final ReusableArray output = new ReusableArray();
    private final ReusableArray gradInput = new ReusableArray();
    private volatile ConvEngine engine; // null: the im2col + GEMM below; else the engine runs the forward
    private LastForward last;           // what the backward needs of the last forward, published whole

    /**
     * The book's {@code self.x} and {@code self.col}: a training forward leaves the columns, laid out one image at a
     * time ({@code imagesPerGroup} 1) or in groups ({@link ConvKernels#imagesPerGroup}); an engine's forward and an
     * evaluation forward (whose columns are the thread's scratch) leave the input, unfolded again by a backward.
     */
    private record LastForward(ConvGeometry geometry, float[] columns, Tensor input, int imagesPerGroup) {
    }

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
        ConvGeometry g = geometry(s);
        ConvEngine e = engine; // read once: Settings may switch engines while a recognition runs
        if (e != null) {
            Tensor y = e.forward(x, weight, bias, stride, pad);
            last = new LastForward(g, null, x, 1);
            return y;
        }
        boolean keep = keepsScratch();
        // training keeps the whole batch's columns for the backward; evaluation unfolds into each thread's scratch,
        // one image (or group) at a time, so its memory does not grow with the batch
        float[] kept = keep ? workspace.columns(g.n * g.columnsPerImage()) : null;
        float[] y = output.get(g.n * g.outputPerImage(), reusesBuffers()); // every value set by the kernels
        float[] xd = x.data();
        float[] w = weight.data();
        float[] b = bias.data();
        int group = ConvKernels.imagesPerGroup(g);
        if (group > 1) {
            // small planes: groups of images side by side, one GEMM per group; each thread takes a share of groups
            float[][] rows = workspace.groupRows(Parallel.threads(), g.outC * group * g.plane, keep);
            Parallel.forRange(groups(g, group), rows.length, (part, from, to) -> {
                float[] col = keep ? kept : ConvWorkspace.threadColumns(group * g.columnsPerImage());
                for (int j = from; j < to; j++) {
                    int first = j * group;
                    ConvKernels.forwardGroup(g, xd, first, Math.min(group, g.n - first), w, b, col,
                        keep ? first * g.columnsPerImage() : 0, rows[part], y);
                }
            });
        } else if (g.n == 1 && !Parallel.insideParallel() && ConvKernels.splitsByLines(g, Parallel.threads())) {
            // one image: its output lines are shared out instead
            float[] col = keep ? kept : ConvWorkspace.threadColumns(g.columnsPerImage());
            ConvKernels.forwardImageByLines(g, xd, 0, w, b, col, 0, y);
        } else {
            // images are independent: each thread takes a share of the batch
            Parallel.forRange(g.n, Integer.MAX_VALUE, (part, from, to) -> {
                float[] col = keep ? kept : ConvWorkspace.threadColumns(g.columnsPerImage());
                for (int i = from; i < to; i++) {
                    ConvKernels.forwardImage(g, xd, i, w, b, col, keep ? i * g.columnsPerImage() : 0, y);
                }
            });
        }
        // evaluation's columns are the thread's, overwritten by the next layer: a backward unfolds the input again
        last = keep ? new LastForward(g, kept, null, group) : new LastForward(g, null, x, 1);
        return Tensor.of(y, g.outputShape());
    }

    private static int groups(ConvGeometry g, int imagesPerGroup) {
        return (g.n + imagesPerGroup - 1) / imagesPerGroup;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return backward(gradOutput, true);
    }

    /** Weight and bias gradients only: no {@code doutᵀ · W} GEMM and no col2im. */
    @Override
    public void backwardParameters(Tensor gradOutput) {
        backward(gradOutput, false);
    }

    private Tensor backward(Tensor gradOutput, boolean inputGradient) {
        LastForward f = last;
        if (f == null) {
            throw new IllegalStateException("Conv2d.backward called before forward");
        }
        ConvGeometry g = f.geometry();
        Shapes.requireSame("Conv2d.backward: gradOutput vs output", gradOutput.shape(), g.outputShape());
        float[] col = f.columns() != null ? f.columns() : engineColumns(g, f.input());
        ConvWorkspace.Share[] shares = workspace.shares(Parallel.threads(), g);
        float[] dout = gradOutput.data();
        float[] w = weight.data();
        float[] dx = inputGradient ? gradInput.get(g.n * g.imageSize(), reusesBuffers()) : null; // cleared per image
        int group = f.imagesPerGroup();
        int parts;
        if (group > 1) {
            float[][] rows = workspace.groupRows(shares.length, g.outC * group * g.plane, true);
            // each share sums its groups' dW and db privately; the shares are added in order afterwards
            parts = Parallel.forRange(groups(g, group), shares.length, (part, from, to) -> {
                ConvWorkspace.Share share = shares[part];
                share.clear();
                for (int j = from; j < to; j++) {
                    int first = j * group;
                    int count = Math.min(group, g.n - first);
                    for (int i = first; i < first + count; i++) {
                        ConvKernels.addBiasGradient(g, dout, i, share.dBias);
                        if (inputGradient) {
                            ConvKernels.inputGradientImage(g, dout, i, w, share.dcol, dx);
                        }
                    }
                    ConvKernels.addWeightGradientGroup(g, dout, first, count, col, rows[part], share.dWeight);
                }
            });
        } else {
            parts = backwardImages(g, dout, col, w, dx, shares, inputGradient);
        }
        if (g.n > 0) {
            float[] dWeight = shares[0].dWeight; // scratch: cleared again by the next backward
            float[] dBias = shares[0].dBias;
            for (int part = 1; part < parts; part++) {
                add(shares[part].dWeight, dWeight);
                add(shares[part].dBias, dBias);
            }
            weight.accumulateGrad(Tensor.of(dWeight, outC, inC, k, k));
            if (hasBias) {
                bias.accumulateGrad(Tensor.of(dBias, outC));
            }
        }
        return inputGradient ? Tensor.of(dx, g.inputShape()) : null;
    }

    /** The backward one image at a time (columns per image); returns the number of thread shares used. */
    private static int backwardImages(ConvGeometry g, float[] dout, float[] col, float[] w, float[] dx,
                                      ConvWorkspace.Share[] shares, boolean inputGradient) {
        // each share sums its images' dW and db privately; the shares are added in order afterwards
        return Parallel.forRange(g.n, shares.length, (part, from, to) -> {
            ConvWorkspace.Share share = shares[part];
            share.clear();
            for (int i = from; i < to; i++) {
                ConvKernels.addBiasGradient(g, dout, i, share.dBias);
                if (share.products != null) {
                    share.products.add(dout, i * g.outputPerImage(), col, i * g.columnsPerImage());
                }
                if (inputGradient) {
                    ConvKernels.inputGradientImage(g, dout, i, w, share.dcol, dx);
                }
            }
            if (share.products != null) {
                share.products.sumInto(share.dWeight);
            } else {
                ConvKernels.addWeightGradient(g, dout, from, to, col, share.dWeight);
            }
        });
    }

    private static void add(float[] from, float[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /** The im2col columns of {@code x} for backward, when the forward kept none (an engine's, or evaluation's). */
    private float[] engineColumns(ConvGeometry g, Tensor x) {
        float[] col = workspace.columns(g.n * g.columnsPerImage());
        for (int i = 0; i < g.n; i++) {
            Im2col.im2colRows(x.data(), i * g.imageSize(), inC, g.h, g.w, k, k, stride, pad, col, i * g.columnsPerImage());
        }
        return col;
    }

    /** This layer's geometry on an input of shape {@code s}; refuses outputs no array can hold. */
    private ConvGeometry geometry(int[] s) {
        return ConvGeometry.of(this, s, outC, k, k, stride, pad);
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
