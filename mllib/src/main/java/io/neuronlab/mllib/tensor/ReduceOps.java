package io.neuronlab.mllib.tensor;

/**
 * Reductions along one axis (sum, mean, max, argmax) and over all elements. A tensor of shape
 * {@code [..., n, ...]} is viewed as {@code [outer, n, inner]} with the reduced axis in the middle.
 */
final class ReduceOps {
    private ReduceOps() {
    }

    /** The shape after reducing {@code axis}: the axis is dropped, or kept with size 1. */
    static int[] reducedShape(int[] shape, int axis, boolean keepDims) {
        int[] out = new int[keepDims ? shape.length : shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                out[j++] = shape[i];
            } else if (keepDims) {
                out[j++] = 1;
            }
        }
        return out;
    }

    private static int outer(int[] shape, int axis) {
        int n = 1;
        for (int i = 0; i < axis; i++) {
            n *= shape[i];
        }
        return n;
    }

    private static int inner(int[] shape, int axis) {
        int n = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }

    /** Sum (or, with {@code mean}, the average) over {@code axis}. */
    static Tensor sum(String name, Tensor x, int axisArg, boolean keepDims, boolean mean) {
        int[] shape = x.shape();
        int axis = Shapes.axis(axisArg, shape.length);
        int outer = outer(shape, axis);
        int n = shape[axis];
        int inner = inner(shape, axis);
        float scale = mean ? 1f / n : 1f;
        float[] d = x.data();
        float[] out = new float[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < n; j++) {
                int base = (o * n + j) * inner;
                for (int i = 0; i < inner; i++) {
                    out[o * inner + i] += d[base + i];
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return Tensor.record(Tensor.of(out, reducedShape(shape, axis, keepDims)), name, g -> {
            float[] gd = g.data();
            float[] gx = new float[d.length];
            for (int o = 0; o < outer; o++) {
                for (int j = 0; j < n; j++) {
                    int base = (o * n + j) * inner;
                    for (int i = 0; i < inner; i++) {
                        gx[base + i] = gd[o * inner + i] * scale;
                    }
                }
            }
            x.receiveGrad(Tensor.of(gx, shape));
        }, x);
    }

    /** scale * the sum of all elements, as a 0-dimensional tensor (accumulated in double). */
    static Tensor sumAll(String name, Tensor x, float scale) {
        float[] d = x.data();
        double s = 0;
        for (float v : d) {
            s += v;
        }
        return Tensor.record(Tensor.scalar(s * scale), name, g -> {
            float[] gx = new float[d.length];
            java.util.Arrays.fill(gx, g.data()[0] * scale);
            x.receiveGrad(Tensor.of(gx, x.shape()));
        }, x);
    }

    /** Position of the largest value along {@code axis} for each [outer, inner] pair (first one on ties). */
    static int[] argmaxIndices(Tensor x, int axis) {
        int[] shape = x.shape();
        if (shape[axis] == 0) {
            throw new IllegalArgumentException("max/argmax: axis " + axis + " of shape " + Shapes.toString(shape) + " is empty");
        }
        int outer = outer(shape, axis);
        int n = shape[axis];
        int inner = inner(shape, axis);
        float[] d = x.data();
        int[] best = new int[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int arg = 0;
                float m = d[o * n * inner + i];
                for (int j = 1; j < n; j++) {
                    float v = d[(o * n + j) * inner + i];
                    if (v > m) {
                        m = v;
                        arg = j;
                    }
                }
                best[o * inner + i] = arg;
            }
        }
        return best;
    }

    /** Maximum along an axis; the gradient goes to the (first) maximal element. */
    static Tensor max(Tensor x, int axisArg, boolean keepDims) {
        int[] shape = x.shape();
        int axis = Shapes.axis(axisArg, shape.length);
        int n = shape[axis];
        int inner = inner(shape, axis);
        int[] arg = argmaxIndices(x, axis);
        float[] d = x.data();
        float[] out = new float[arg.length];
        int[] source = new int[arg.length];
        for (int k = 0; k < arg.length; k++) {
            int o = k / inner;
            int i = k % inner;
            source[k] = (o * n + arg[k]) * inner + i;
            out[k] = d[source[k]];
        }
        return Tensor.record(Tensor.of(out, reducedShape(shape, axis, keepDims)), "max", g -> {
            float[] gx = new float[d.length];
            for (int k = 0; k < source.length; k++) {
                gx[source[k]] += g.data()[k];
            }
            x.receiveGrad(Tensor.of(gx, shape));
        }, x);
    }

    /** Maximum of all elements, as a 0-dimensional tensor. */
    static Tensor maxAll(Tensor x) {
        int arg = argmaxAll(x);
        return Tensor.record(Tensor.scalar(x.data()[arg]), "max", g -> {
            float[] gx = new float[x.numel()];
            gx[arg] = g.data()[0];
            x.receiveGrad(Tensor.of(gx, x.shape()));
        }, x);
    }

    /** Flat row-major index of the largest element (first one on ties). */
    static int argmaxAll(Tensor x) {
        float[] d = x.data();
        if (d.length == 0) {
            throw new IllegalArgumentException("max/argmax of an empty tensor of shape " + Shapes.toString(x.shape()));
        }
        int arg = 0;
        for (int i = 1; i < d.length; i++) {
            if (d[i] > d[arg]) {
                arg = i;
            }
        }
        return arg;
    }
}
