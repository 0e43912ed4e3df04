package io.neuronlab.mllib.tensor;

import java.util.Arrays;

/**
 * NumPy broadcasting: shapes are aligned at their last axis; two sizes are compatible when they are equal or
 * one of them is 1 (a missing leading axis counts as 1). {@code [N, F] + [F]} adds a bias to every row.
 */
final class Broadcast {
    private Broadcast() {
    }

    /** The broadcast shape of {@code a} and {@code b}, or an exception naming {@code op} and both shapes. */
    static int[] shape(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da == db || db == 1) {
                out[i] = da;
            } else if (da == 1) {
                out[i] = db;
            } else {
                throw new IllegalArgumentException(op + ": shapes " + Shapes.toString(a) + " and "
                    + Shapes.toString(b) + " cannot be broadcast");
            }
        }
        return out;
    }

    /**
     * For each element of a tensor of shape {@code out} (row-major), the offset of the element of a tensor of
     * shape {@code in} that broadcasting reads. Null when the shapes are equal (the offset is the index).
     */
    static int[] offsets(int[] in, int[] out) {
        if (Arrays.equals(in, out)) {
            return null;
        }
        int rank = out.length;
        int[] strides = new int[rank];
        int stride = 1;
        for (int i = rank - 1; i >= 0; i--) {
            int j = i - (rank - in.length);
            if (j >= 0) {
                // a size-1 axis is re-read for every position of the output axis: stride 0
                strides[i] = in[j] == 1 ? 0 : stride;
                stride *= in[j];
            }
        }
        int n = Shapes.numel(out);
        int[] offsets = new int[n];
        int[] index = new int[rank];
        int off = 0;
        for (int k = 0; k < n; k++) {
            offsets[k] = off;
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                off += strides[d];
                if (index[d] < out[d]) {
                    break;
                }
                off -= strides[d] * out[d];
                index[d] = 0;
            }
        }
        return offsets;
    }

    /** The offset for output element {@code k} given {@link #offsets} (null means identity). */
    static int at(int[] offsets, int k) {
        return offsets == null ? k : offsets[k];
    }
}
