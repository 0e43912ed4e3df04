package io.neuronlab.mllib.tensor;

/** Reshaping and batch-axis selection: reshape/flatten, slice(from, to) and index(rows) on axis 0. */
final class ShapeOps {
    private ShapeOps() {
    }

    /** Same values in a new shape; one size may be -1 (inferred). Shares storage, like a NumPy view. */
    static Tensor reshape(Tensor x, int... newShape) {
        int[] shape = newShape.clone();
        int inferred = -1;
        int known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("reshape: only one size may be -1 in " + Shapes.toString(newShape));
                }
                inferred = i;
            } else if (shape[i] < 0) {
                throw new IllegalArgumentException("reshape: negative size in " + Shapes.toString(newShape));
            } else {
                known *= shape[i];
            }
        }
        if (inferred >= 0 && known > 0 && x.numel() % known == 0) {
            shape[inferred] = x.numel() / known;
        }
        if ((inferred >= 0 && shape[inferred] < 0) || Shapes.numel(shape) != x.numel()) {
            throw new IllegalArgumentException("reshape: cannot view shape " + Shapes.toString(x.shape()) + " ("
                + x.numel() + " values) as " + Shapes.toString(newShape));
        }
        int[] from = x.shape();
        return Tensor.record(Tensor.of(x.data(), shape), "reshape", g -> x.receiveGrad(Tensor.of(g.data(), from)), x);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of axis 0: {@code [N, ...] -> [to - from, ...]}. */
    static Tensor slice(Tensor x, int from, int to) {
        int[] shape = x.shape();
        if (shape.length == 0 || from < 0 || to < from || to > shape[0]) {
            throw new IllegalArgumentException("slice(" + from + ", " + to + ") is outside axis 0 of shape "
                + Shapes.toString(shape));
        }
        int row = shape[0] == 0 ? 0 : x.numel() / shape[0];
        float[] out = new float[(to - from) * row];
        System.arraycopy(x.data(), from * row, out, 0, out.length);
        int[] outShape = shape.clone();
        outShape[0] = to - from;
        return Tensor.record(Tensor.of(out, outShape), "slice", g -> {
            float[] gx = new float[x.numel()];
            System.arraycopy(g.data(), 0, gx, from * row, out.length);
            x.receiveGrad(Tensor.of(gx, shape));
        }, x);
    }

    /** Gathers rows of axis 0 (repeats allowed): {@code [N, ...] -> [rows.length, ...]}. */
    static Tensor index(Tensor x, int[] rows) {
        int[] shape = x.shape();
        if (shape.length == 0) {
            throw new IllegalArgumentException("index: a 0-dimensional tensor has no rows");
        }
        int row = shape[0] == 0 ? 0 : x.numel() / shape[0];
        float[] out = new float[rows.length * row];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] < 0 || rows[r] >= shape[0]) {
                throw new IndexOutOfBoundsException("index: row " + rows[r] + " is outside axis 0 of shape "
                    + Shapes.toString(shape));
            }
            System.arraycopy(x.data(), rows[r] * row, out, r * row, row);
        }
        int[] outShape = shape.clone();
        outShape[0] = rows.length;
        int[] picked = rows.clone();
        return Tensor.record(Tensor.of(out, outShape), "index", g -> {
            float[] gx = new float[x.numel()];
            float[] gd = g.data();
            for (int r = 0; r < picked.length; r++) {
                for (int j = 0; j < row; j++) {
                    gx[picked[r] * row + j] += gd[r * row + j];
                }
            }
            x.receiveGrad(Tensor.of(gx, shape));
        }, x);
    }
}
