package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

/**
 * Average pooling over {@code k × k} windows moved by {@code stride}, per channel: {@code [N, C, H, W]} →
 * {@code [N, C, OH, OW]}, {@code OH = (H − k) / stride + 1}. The backward spreads each gradient evenly,
 * {@code dy / k²}, over its window.
 */
public final class AvgPool2d extends Layer {
    private final int k;
    private final int stride;
    private int[] inShape;
    private int oh;
    private int ow;

    public AvgPool2d(int kernel, int stride) {
        if (kernel <= 0 || stride <= 0) {
            throw new IllegalArgumentException("AvgPool2d needs kernel > 0 and stride > 0, got " + kernel + ", " + stride);
        }
        this.k = kernel;
        this.stride = stride;
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = Pooling.requireImages(x, this);
        int oh = Im2col.outSize(s[2], k, stride, 0); // locals: concurrent inference calls share no shape
        int ow = Im2col.outSize(s[3], k, stride, 0);
        int planes = s[0] * s[1];
        float[] in = x.data();
        float[] y = new float[planes * oh * ow];
        float scale = 1f / (k * k);
        int o = 0;
        for (int p = 0; p < planes; p++) {
            int base = p * s[2] * s[3];
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    float sum = 0f;
                    for (int ky = 0; ky < k; ky++) {
                        int line = base + (oy * stride + ky) * s[3] + ox * stride;
                        for (int kx = 0; kx < k; kx++) {
                            sum += in[line + kx];
                        }
                    }
                    y[o++] = sum * scale;
                }
            }
        }
        inShape = s;
        this.oh = oh;
        this.ow = ow;
        return Tensor.of(y, s[0], s[1], oh, ow);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (inShape == null) {
            throw new IllegalStateException("AvgPool2d.backward called before forward");
        }
        Shapes.requireSame("AvgPool2d.backward: gradOutput vs output", gradOutput.shape(),
            new int[] {inShape[0], inShape[1], oh, ow});
        float[] g = gradOutput.data();
        float[] dx = new float[Shapes.numel(inShape)];
        float scale = 1f / (k * k);
        int planes = inShape[0] * inShape[1];
        int o = 0;
        for (int p = 0; p < planes; p++) {
            int base = p * inShape[2] * inShape[3];
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    float share = g[o++] * scale;
                    for (int ky = 0; ky < k; ky++) {
                        int line = base + (oy * stride + ky) * inShape[3] + ox * stride;
                        for (int kx = 0; kx < k; kx++) {
                            dx[line + kx] += share;
                        }
                    }
                }
            }
        }
        return Tensor.of(dx, inShape);
    }

    /** Window size k (k × k). */
    public int kernel() {
        return k;
    }

    public int stride() {
        return stride;
    }

    @Override
    public String toString() {
        return "AvgPool2d(kernel=" + k + ", stride=" + stride + ")";
    }
}
