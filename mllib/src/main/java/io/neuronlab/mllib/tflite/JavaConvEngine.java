package io.neuronlab.mllib.tflite;

import io.neuronlab.mllib.tensor.Gemm;
import io.neuronlab.mllib.tensor.Tensor;

/**
 * mllib's own convolution, the book's way: unfold each sample with im2col into columns
 * [C·KH·KW, OH·OW], then one GEMM with the filters viewed as [O, C·KH·KW]. The default engine everywhere.
 */
public final class JavaConvEngine implements ConvEngine {

    @Override
    public String name() {
        return "Java";
    }

    @Override
    public Tensor forward(Tensor x, Tensor weight, Tensor bias, int stride, int pad) {
        int[] s = ConvEngine.checkShapes(x, weight, bias, stride, pad);
        int n = s[0];
        int c = s[1];
        int h = s[2];
        int w = s[3];
        int o = s[4];
        int kh = s[5];
        int kw = s[6];
        int oh = s[7];
        int ow = s[8];
        int rows = c * kh * kw;
        int cols = oh * ow;
        float[] col = new float[rows * cols];
        float[] y = new float[n * o * cols];
        float[] b = bias.data();
        for (int i = 0; i < n; i++) {
            im2col(x.data(), i * c * h * w, c, h, w, kh, kw, stride, pad, oh, ow, col);
            int yOffset = i * o * cols;
            for (int f = 0; f < o; f++) {
                java.util.Arrays.fill(y, yOffset + f * cols, yOffset + (f + 1) * cols, b[f]);
            }
            Gemm.sgemm(false, false, o, cols, rows, 1f, weight.data(), 0, rows, col, 0, cols, 1f, y, yOffset, cols);
        }
        return Tensor.of(y, n, o, oh, ow);
    }

    /** One image [C, H, W] at {@code offset} → columns [C·KH·KW, OH·OW]; out-of-image taps read 0 (padding). */
    static void im2col(float[] x, int offset, int c, int h, int w, int kh, int kw, int stride, int pad, int oh,
                       int ow, float[] col) {
        int cols = oh * ow;
        for (int ch = 0; ch < c; ch++) {
            for (int dy = 0; dy < kh; dy++) {
                for (int dx = 0; dx < kw; dx++) {
                    int row = (ch * kh + dy) * kw + dx;
                    for (int i = 0; i < oh; i++) {
                        int yy = i * stride + dy - pad;
                        for (int j = 0; j < ow; j++) {
                            int xx = j * stride + dx - pad;
                            col[row * cols + i * ow + j] = yy >= 0 && yy < h && xx >= 0 && xx < w
                                ? x[offset + (ch * h + yy) * w + xx] : 0f;
                        }
                    }
                }
            }
        }
    }
}
