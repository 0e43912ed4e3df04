package io.neuronlab.mllib.nn.engine;

import io.neuronlab.mllib.nn.Im2col;
import io.neuronlab.mllib.tensor.Gemm;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Arrays;

/**
 * mllib's own convolution, the book's way and the same path as {@link io.neuronlab.mllib.nn.Conv2d}: unfold each
 * image with {@link Im2col#im2colRows} into columns [C·KH·KW, OH·OW], then one GEMM with the filters viewed as
 * [O, C·KH·KW]. The default engine everywhere.
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
        int plane = s[7] * s[8];
        int kk = c * kh * kw;
        float[] col = new float[plane * kk];
        float[] y = new float[n * o * plane];
        float[] b = bias.data();
        for (int i = 0; i < n; i++) {
            Im2col.im2colRows(x.data(), i * c * h * w, c, h, w, kh, kw, stride, pad, col, 0);
            int yOffset = i * o * plane;
            for (int f = 0; f < o; f++) {
                Arrays.fill(y, yOffset + f * plane, yOffset + (f + 1) * plane, b[f]);
            }
            // y_n [O, OH·OW] += W [O, kk] · col_n [kk, OH·OW], already NCHW
            Gemm.sgemm(false, false, o, plane, kk, 1f, weight.data(), 0, kk, col, 0, plane, 1f, y, yOffset, plane);
        }
        return Tensor.of(y, n, o, s[7], s[8]);
    }
}
