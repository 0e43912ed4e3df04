package io.neuronlab.mllib.tensor;

/** Matrix product (through {@link Gemm#sgemm}) and axis permutation (transpose). */
final class MatrixOps {
    private MatrixOps() {
    }

    /**
     * {@code [m, k] · [k, n] -> [m, n]}. Backward: dA = dC · Bᵀ, dB = Aᵀ · dC.
     */
    static Tensor matmul(Tensor a, Tensor b) {
        if (a.dim() != 2 || b.dim() != 2 || a.size(1) != b.size(0)) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.toString(a.shape()) + " and "
                + Shapes.toString(b.shape()) + " do not align (need [m, k] and [k, n])");
        }
        int m = a.size(0);
        int k = a.size(1);
        int n = b.size(1);
        float[] c = new float[m * n];
        Gemm.sgemm(false, false, m, n, k, 1f, a.data(), 0, k, b.data(), 0, n, 0f, c, 0, n);
        return Tensor.record(Tensor.of(c, m, n), "matmul", g -> {
            if (a.requiresGrad()) {
                float[] ga = new float[m * k];
                Gemm.sgemm(false, true, m, k, n, 1f, g.data(), 0, n, b.data(), 0, n, 0f, ga, 0, k);
                a.receiveGrad(Tensor.of(ga, m, k));
            }
            if (b.requiresGrad()) {
                float[] gb = new float[k * n];
                Gemm.sgemm(true, false, k, n, m, 1f, a.data(), 0, k, g.data(), 0, n, 0f, gb, 0, n);
                b.receiveGrad(Tensor.of(gb, k, n));
            }
        }, a, b);
    }

    /**
     * NumPy's dot: 1-D · 1-D is the inner product (a 0-d tensor), 2-D · 2-D is matmul, and a 1-D operand is
     * treated as a row ({@code [k] · [k, n] -> [n]}) or column ({@code [m, k] · [k] -> [m]}).
     */
    static Tensor dot(Tensor a, Tensor b) {
        if (a.dim() == 1 && b.dim() == 1) {
            if (a.numel() != b.numel()) {
                throw new IllegalArgumentException("dot: shapes " + Shapes.toString(a.shape()) + " and "
                    + Shapes.toString(b.shape()) + " have different lengths");
            }
            return matmul(a.reshape(1, -1), b.reshape(-1, 1)).reshape();
        }
        if (a.dim() == 1 && b.dim() == 2) {
            requireAligned(a.size(0), b.size(0), a, b);
            return matmul(a.reshape(1, -1), b).reshape(-1);
        }
        if (a.dim() == 2 && b.dim() == 1) {
            requireAligned(a.size(1), b.size(0), a, b);
            return matmul(a, b.reshape(-1, 1)).reshape(-1);
        }
        return matmul(a, b);
    }

    private static void requireAligned(int k1, int k2, Tensor a, Tensor b) {
        if (k1 != k2) {
            throw new IllegalArgumentException("dot: shapes " + Shapes.toString(a.shape()) + " and "
                + Shapes.toString(b.shape()) + " do not align");
        }
    }

    /** Output axis i is input axis {@code axes[i]}; the backward applies the inverse permutation. */
    static Tensor permute(Tensor x, int... axes) {
        int[] shape = x.shape();
        int rank = shape.length;
        if (axes.length != rank) {
            throw new IllegalArgumentException("permute: " + Shapes.toString(axes) + " is not a permutation of the "
                + rank + " axes of shape " + Shapes.toString(shape));
        }
        int[] norm = new int[rank];
        int[] inverse = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int a = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (a < 0 || a >= rank || seen[a]) {
                throw new IllegalArgumentException("permute: " + Shapes.toString(axes) + " is not a permutation of the "
                    + rank + " axes of shape " + Shapes.toString(shape));
            }
            seen[a] = true;
            norm[i] = a;
            inverse[a] = i;
        }
        float[] out = permuteData(x.data(), shape, inverse);
        int[] outShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = shape[norm[i]];
        }
        // backward: output axis i of the gradient goes back to input axis norm[i]
        return Tensor.record(Tensor.of(out, outShape), "permute", g ->
            x.receiveGrad(Tensor.of(permuteData(g.data(), outShape, norm), shape)), x);
    }

    /**
     * Writes the permuted copy of {@code in} (shape {@code shape}): input axis a lands at output axis
     * {@code target[a]}. Walks the input in order and scatters.
     */
    private static float[] permuteData(float[] in, int[] shape, int[] target) {
        int rank = shape.length;
        int[] outShape = new int[rank];
        for (int a = 0; a < rank; a++) {
            outShape[target[a]] = shape[a];
        }
        int[] outStrides = new int[rank];
        int stride = 1;
        for (int i = rank - 1; i >= 0; i--) {
            outStrides[i] = stride;
            stride *= outShape[i];
        }
        int[] step = new int[rank];
        for (int a = 0; a < rank; a++) {
            step[a] = outStrides[target[a]];
        }
        float[] out = new float[in.length];
        int[] index = new int[rank];
        int off = 0;
        for (int k = 0; k < in.length; k++) {
            out[off] = in[k];
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                off += step[d];
                if (index[d] < shape[d]) {
                    break;
                }
                off -= step[d] * shape[d];
                index[d] = 0;
            }
        }
        return out;
    }
}
