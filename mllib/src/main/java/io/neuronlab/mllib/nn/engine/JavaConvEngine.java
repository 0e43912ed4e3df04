package io.neuronlab.mllib.nn.engine;

import io.neuronlab.mllib.nn.ConvGeometry;
import io.neuronlab.mllib.nn.ConvKernels;
import io.neuronlab.mllib.nn.Im2col;
import io.neuronlab.mllib.tensor.Tensor;

/**
 * mllib's own convolution, the book's way, with the same kernels as {@link io.neuronlab.mllib.nn.Conv2d}
 * ({@link ConvKernels}): unfold each image with {@link Im2col#im2colRows} into columns [C·KH·KW, OH·OW], then one GEMM with the filters viewed as
 * [O, C·KH·KW]. The default engine everywhere.
 */
public final class JavaConvEngine implements ConvEngine {

    @Override
    public String name() {
        return "Java";
    }

    @Override
    public Tensor forward(Tensor x, Tensor weight, Tensor bias, int stride, int pad) {
        ConvGeometry g = ConvEngine.geometry(x, weight, bias, stride, pad);
        float[] col = new float[g.columnsPerImage()]; // per call: one engine may serve several threads
        float[] y = new float[g.n * g.outputPerImage()];
        for (int i = 0; i < g.n; i++) {
            ConvKernels.forwardImage(g, x.data(), i, weight.data(), bias.data(), col, 0, y);
        }
        return Tensor.of(y, g.outputShape());
    }
}
