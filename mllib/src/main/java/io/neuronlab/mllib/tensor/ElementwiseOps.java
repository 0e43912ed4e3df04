package io.neuronlab.mllib.tensor;

/**
 * Element-wise operations with NumPy broadcasting. Each forward sits beside its backward; a broadcast
 * input's gradient is summed back over the axes it was stretched along, so it always has the input's shape.
 */
final class ElementwiseOps {
    private ElementwiseOps() {
    }

    enum Binary { ADD, SUB, MUL, DIV }

    /** A scalar function of one float. */
    interface Fn {
        float apply(float x);
    }

    /** dy/dx of an element-wise function, given the input x and the output y (whichever is cheaper). */
    interface Derivative {
        float apply(float x, float y);
    }

    static Tensor binary(String name, Binary op, Tensor a, Tensor b) {
        int[] shape = Broadcast.shape(name, a.shape(), b.shape());
        int[] oa = Broadcast.offsets(a.shape(), shape);
        int[] ob = Broadcast.offsets(b.shape(), shape);
        float[] x = a.data();
        float[] y = b.data();
        float[] out = new float[Shapes.numel(shape)];
        for (int k = 0; k < out.length; k++) {
            float u = x[Broadcast.at(oa, k)];
            float v = y[Broadcast.at(ob, k)];
            switch (op) {
                case ADD: out[k] = u + v; break;
                case SUB: out[k] = u - v; break;
                case MUL: out[k] = u * v; break;
                default: out[k] = u / v; break;
            }
        }
        return Tensor.record(Tensor.of(out, shape), name, g -> {
            float[] gd = g.data();
            float[] ga = a.requiresGrad() ? new float[x.length] : null;
            float[] gb = b.requiresGrad() ? new float[y.length] : null;
            for (int k = 0; k < gd.length; k++) {
                int i = Broadcast.at(oa, k);
                int j = Broadcast.at(ob, k);
                float gk = gd[k];
                switch (op) {
                    case ADD:
                        if (ga != null) ga[i] += gk;
                        if (gb != null) gb[j] += gk;
                        break;
                    case SUB:
                        if (ga != null) ga[i] += gk;
                        if (gb != null) gb[j] -= gk;
                        break;
                    case MUL:
                        if (ga != null) ga[i] += gk * y[j];
                        if (gb != null) gb[j] += gk * x[i];
                        break;
                    default:
                        if (ga != null) ga[i] += gk / y[j];
                        if (gb != null) gb[j] -= gk * x[i] / (y[j] * y[j]);
                        break;
                }
            }
            if (ga != null) a.receiveGrad(Tensor.of(ga, a.shape()));
            if (gb != null) b.receiveGrad(Tensor.of(gb, b.shape()));
        }, a, b);
    }

    /** y = f(x) element-wise, with dy/dx from {@code derivative}. */
    static Tensor unary(String name, Tensor a, Fn f, Derivative derivative) {
        float[] x = a.data();
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.apply(x[i]);
        }
        return Tensor.record(Tensor.of(y, a.shape()), name, g -> {
            float[] gd = g.data();
            float[] gx = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                gx[i] = gd[i] * derivative.apply(x[i], y[i]);
            }
            a.receiveGrad(Tensor.of(gx, a.shape()));
        }, a);
    }

    enum Comparison { GT, LT, EQ }

    /** A 0/1 mask of the broadcast shape; not differentiable (its gradient is zero almost everywhere). */
    static Tensor compare(String name, Comparison op, Tensor a, Tensor b) {
        int[] shape = Broadcast.shape(name, a.shape(), b.shape());
        int[] oa = Broadcast.offsets(a.shape(), shape);
        int[] ob = Broadcast.offsets(b.shape(), shape);
        float[] out = new float[Shapes.numel(shape)];
        for (int k = 0; k < out.length; k++) {
            float u = a.data()[Broadcast.at(oa, k)];
            float v = b.data()[Broadcast.at(ob, k)];
            boolean r = op == Comparison.GT ? u > v : op == Comparison.LT ? u < v : u == v;
            out[k] = r ? 1f : 0f;
        }
        return Tensor.of(out, shape);
    }

    /** {@code condition != 0 ? a : b}, all three broadcast together; the gradient flows to the chosen side. */
    static Tensor where(Tensor condition, Tensor a, Tensor b) {
        int[] shape = Broadcast.shape("where", Broadcast.shape("where", condition.shape(), a.shape()), b.shape());
        int[] oc = Broadcast.offsets(condition.shape(), shape);
        int[] oa = Broadcast.offsets(a.shape(), shape);
        int[] ob = Broadcast.offsets(b.shape(), shape);
        float[] c = condition.data();
        float[] out = new float[Shapes.numel(shape)];
        for (int k = 0; k < out.length; k++) {
            out[k] = c[Broadcast.at(oc, k)] != 0f ? a.data()[Broadcast.at(oa, k)] : b.data()[Broadcast.at(ob, k)];
        }
        return Tensor.record(Tensor.of(out, shape), "where", g -> {
            float[] gd = g.data();
            float[] ga = new float[a.numel()];
            float[] gb = new float[b.numel()];
            for (int k = 0; k < gd.length; k++) {
                if (c[Broadcast.at(oc, k)] != 0f) {
                    ga[Broadcast.at(oa, k)] += gd[k];
                } else {
                    gb[Broadcast.at(ob, k)] += gd[k];
                }
            }
            a.receiveGrad(Tensor.of(ga, a.shape()));
            b.receiveGrad(Tensor.of(gb, b.shape()));
        }, a, b);
    }
}
