package io.neuronlab.mllib.tensor;

/** NumPy-like printing: nested brackets, 4 significant decimals, long axes elided with "...". */
final class TensorFormat {
    private static final int EDGE = 3;
    private static final int MAX_FULL = 6;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        StringBuilder sb = new StringBuilder("tensor(");
        int[] shape = t.shape();
        if (shape.length == 0) {
            sb.append(num(t.data()[0]));
        } else {
            append(sb, t.data(), shape, 0, 0, 7);
        }
        sb.append(", shape=").append(Shapes.toString(shape));
        if (t.requiresGrad()) {
            sb.append(", requiresGrad");
        }
        return sb.append(')').toString();
    }

    private static void append(StringBuilder sb, float[] data, int[] shape, int axis, int offset, int indent) {
        int n = shape[axis];
        int stride = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            stride *= shape[i];
        }
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (n > MAX_FULL && i == EDGE) {
                sb.append(axis == shape.length - 1 ? "..., " : "...,\n" + spaces(indent + axis + 1));
                i = n - EDGE - 1;
                continue;
            }
            if (axis == shape.length - 1) {
                sb.append(num(data[offset + i]));
            } else {
                append(sb, data, shape, axis + 1, offset + i * stride, indent);
            }
            if (i < n - 1) {
                sb.append(axis == shape.length - 1 ? ", " : ",\n" + spaces(indent + axis + 1));
            }
        }
        sb.append(']');
    }

    // String.repeat is Java 11, missing on Android API 24.
    private static String spaces(int n) {
        char[] c = new char[n];
        java.util.Arrays.fill(c, ' ');
        return new String(c);
    }

    private static String num(float v) {
        if (v == (long) v && Math.abs(v) < 1e7) {
            return Long.toString((long) v) + ".";
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
