package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

/**
 * Average pooling to a fixed output size, whatever the input size: {@code [N, C, H, W]} → {@code [N, C, OH, OW]}.
 * Output row {@code i} averages input rows {@code floor(i·H/OH)} to {@code ceil((i+1)·H/OH)} (exclusive), exactly as
 * PyTorch's {@code AdaptiveAvgPool2d}, so windows may overlap and an input smaller than the output is repeated
 * (VGG's 7×7 on a 32×32 image). {@link #global()} (1×1) is global average pooling: one mean per channel (ResNet,
 * GoogLeNet). The backward spreads each gradient evenly over its window.
 */
public final class AdaptiveAvgPool2d extends Layer {
    private final int outH;
    private final int outW;
    private int[] inShape;

    public AdaptiveAvgPool2d(int outHeight, int outWidth) {
        if (outHeight <= 0 || outWidth <= 0) {
            throw new IllegalArgumentException("AdaptiveAvgPool2d needs an output size > 0, got " + outHeight + "×" + outWidth);
        }
        this.outH = outHeight;
        this.outW = outWidth;
    }

    /** Global average pooling: one value per channel, {@code [N, C, 1, 1]}. */
    public static AdaptiveAvgPool2d global() {
        return new AdaptiveAvgPool2d(1, 1);
    }

    private static int start(int i, int in, int out) {
        return (int) ((long) i * in / out);
    }

    private static int end(int i, int in, int out) {
        return (int) (((long) (i + 1) * in + out - 1) / out);
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = Pooling.requireImages(x, this);
        int h = s[2];
        int w = s[3];
        int planes = s[0] * s[1];
        float[] in = x.data();
        float[] y = new float[planes * outH * outW];
        int o = 0;
        for (int p = 0; p < planes; p++) {
            int base = p * h * w;
            for (int oy = 0; oy < outH; oy++) {
                int y0 = start(oy, h, outH);
                int y1 = end(oy, h, outH);
                for (int ox = 0; ox < outW; ox++) {
                    int x0 = start(ox, w, outW);
                    int x1 = end(ox, w, outW);
                    float sum = 0f;
                    for (int iy = y0; iy < y1; iy++) {
                        for (int ix = x0; ix < x1; ix++) {
                            sum += in[base + iy * w + ix];
                        }
                    }
                    y[o++] = sum / ((y1 - y0) * (x1 - x0));
                }
            }
        }
        inShape = s;
        return Tensor.of(y, s[0], s[1], outH, outW);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (inShape == null) {
            throw new IllegalStateException("AdaptiveAvgPool2d.backward called before forward");
        }
        Shapes.requireSame("AdaptiveAvgPool2d.backward: gradOutput vs output", gradOutput.shape(),
            new int[] {inShape[0], inShape[1], outH, outW});
        int h = inShape[2];
        int w = inShape[3];
        float[] g = gradOutput.data();
        float[] dx = new float[Shapes.numel(inShape)];
        int planes = inShape[0] * inShape[1];
        int o = 0;
        for (int p = 0; p < planes; p++) {
            int base = p * h * w;
            for (int oy = 0; oy < outH; oy++) {
                int y0 = start(oy, h, outH);
                int y1 = end(oy, h, outH);
                for (int ox = 0; ox < outW; ox++) {
                    int x0 = start(ox, w, outW);
                    int x1 = end(ox, w, outW);
                    float share = g[o++] / ((y1 - y0) * (x1 - x0));
                    for (int iy = y0; iy < y1; iy++) {
                        for (int ix = x0; ix < x1; ix++) {
                            dx[base + iy * w + ix] += share;
                        }
                    }
                }
            }
        }
        return Tensor.of(dx, inShape);
    }

    public int outHeight() {
        return outH;
    }

    public int outWidth() {
        return outW;
    }

    @Override
    public String toString() {
        return "AdaptiveAvgPool2d(" + outH + "×" + outW + ")";
    }
}
