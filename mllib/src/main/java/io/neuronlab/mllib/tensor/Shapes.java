package io.neuronlab.mllib.tensor;

import java.util.Arrays;

/** Small helpers for shapes: element counts, offsets, axis normalisation, printing. */
public final class Shapes {
    private Shapes() {
    }

    public static int numel(int... shape) {
        int n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative size in shape " + toString(shape));
            }
            n *= s;
        }
        return n;
    }

    /** Resolves a possibly negative axis against a rank. */
    public static int axis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for a tensor with " + rank + " axes");
        }
        return a;
    }

    /** Row-major offset of an index. */
    public static int offset(int[] shape, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has " + index.length
                + " coordinates but the shape " + toString(shape) + " has " + shape.length);
        }
        int off = 0;
        for (int i = 0; i < shape.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " is outside shape " + toString(shape));
            }
            off = off * shape[i] + index[i];
        }
        return off;
    }

    public static String toString(int[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        return sb.append(']').toString();
    }

    /** Throws with both shapes named unless they are equal. */
    public static void requireSame(String what, int[] a, int[] b) {
        if (!Arrays.equals(a, b)) {
            throw new IllegalArgumentException(what + ": shapes " + toString(a) + " and " + toString(b) + " do not match");
        }
    }
}
