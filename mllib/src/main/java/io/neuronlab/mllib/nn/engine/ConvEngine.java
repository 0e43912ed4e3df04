package io.neuronlab.mllib.nn.engine;

import io.neuronlab.mllib.nn.ConvGeometry;
import io.neuronlab.mllib.tensor.Tensor;

/**
 * "Run this convolution": the forward pass of a 2-D convolution, swappable at run time between mllib's
 * pure-Java im2col + GEMM ({@link JavaConvEngine}, the default) and TensorFlow Lite on the CPU or GPU
 * ({@code io.neuronlab.mllib.tflite.TfliteConvEngine}). Backward passes always stay in Java, in the layer that owns the weights.
 *
 * <p>Threads: a layer in evaluation may be shared by several threads (see {@link io.neuronlab.mllib.nn.Layer}), so
 * {@link #forward} must be safe to call concurrently. The Java engine keeps no state; the TFLite engine runs one
 * interpreter per layer, which cannot be shared, and so takes its calls one at a time.
 */
public interface ConvEngine extends AutoCloseable {

    /** Name shown in settings and benchmarks, e.g. "Java", "TFLite CPU", "TFLite GPU (FP32)". */
    String name();

    /**
     * Computes {@code y = conv(x, weight) + bias} with zero padding {@code pad} on every side.
     *
     * @param x      input [N, C, H, W]
     * @param weight filters [O, C, KH, KW]
     * @param bias   [O]
     * @return output [N, O, OH, OW] with OH = (H + 2·pad − KH) / stride + 1 (likewise OW); not recorded for
     *         autograd
     */
    Tensor forward(Tensor x, Tensor weight, Tensor bias, int stride, int pad);

    /** Releases native resources (interpreters, delegates). The Java engine holds none. */
    @Override
    default void close() {
    }

    /** Validates the shapes every engine relies on and returns {@code [N, C, H, W, O, KH, KW, OH, OW]}. */
    static int[] checkShapes(Tensor x, Tensor weight, Tensor bias, int stride, int pad) {
        ConvGeometry g = geometry(x, weight, bias, stride, pad);
        return new int[] {g.n, g.inC, g.h, g.w, g.outC, g.kh, g.kw, g.oh, g.ow};
    }

    /** Validates the shapes every engine relies on and returns the call's sizes. */
    static ConvGeometry geometry(Tensor x, Tensor weight, Tensor bias, int stride, int pad) {
        if (x.dim() != 4 || weight.dim() != 4 || bias.dim() != 1) {
            throw new IllegalArgumentException("convolution expects x [N, C, H, W], weight [O, C, KH, KW], bias [O]; got x "
                + shape(x) + ", weight " + shape(weight) + ", bias " + shape(bias));
        }
        int c = x.size(1);
        int o = weight.size(0);
        int kh = weight.size(2);
        int kw = weight.size(3);
        if (weight.size(1) != c || bias.size(0) != o) {
            throw new IllegalArgumentException("convolution: x " + shape(x) + " has " + c + " channels but weight is "
                + shape(weight) + " and bias " + shape(bias));
        }
        // the output size, checked against what one array can hold (a padding of 2^20 must not overflow)
        return ConvGeometry.of("convolution", x.shape(), o, kh, kw, stride, pad);
    }

    private static String shape(Tensor t) {
        return io.neuronlab.mllib.tensor.Shapes.toString(t.shape());
    }
}
