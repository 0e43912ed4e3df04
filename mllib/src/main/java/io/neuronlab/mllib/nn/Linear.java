package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.init.Initializer;
import io.neuronlab.mllib.tensor.Gemm;
import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Map;
import java.util.Random;

/**
 * The book's Affine layer: {@code y = x·W + b}.
 *
 * <p>Shapes: input {@code [N, in]} (or {@code [N, ...]} with the trailing sizes multiplying to {@code in},
 * flattened per sample as the book does), weight {@code [in, out]}, bias {@code [out]}, output {@code [N, out]}.
 * The backward returns dL/dx in the input's original shape.
 */
public final class Linear extends Layer {
    private final int in;
    private final int out;
    private final Tensor weight;
    private final Tensor bias;

    private Tensor x;          // last input, as given
    private float[] dWeight;   // scratch, reused across batches
    private final ReusableArray output = new ReusableArray();
    private final ReusableArray gradInput = new ReusableArray();
    private float[] dBias;

    /** A layer with weights drawn by {@code init} from {@code random} and zero biases. */
    public Linear(int in, int out, Initializer init, Random random) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear needs in > 0 and out > 0, got in=" + in + ", out=" + out);
        }
        this.in = in;
        this.out = out;
        this.weight = Tensor.zeros(in, out);
        init.fill(weight, in, out, random);
        weight.requiresGrad(true);
        this.bias = Tensor.zeros(out).requiresGrad(true);
    }

    @Override
    public Tensor forward(Tensor x) {
        int n = rows(x);
        this.x = x;
        float[] y = output.get(n * out, reusesBuffers());
        float[] b = bias.data();
        for (int i = 0; i < n; i++) {
            System.arraycopy(b, 0, y, i * out, out);
        }
        // y = x·W + (broadcast b)
        Gemm.sgemm(false, false, n, out, in, 1f, x.data(), 0, in, weight.data(), 0, out, 1f, y, 0, out);
        return Tensor.of(y, n, out);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (x == null) {
            throw new IllegalStateException("Linear.backward called before forward");
        }
        int n = rows(x);
        Shapes.requireSame("Linear.backward: gradOutput vs output", gradOutput.shape(), new int[] {n, out});
        float[] g = gradOutput.data();
        // dx = dy·Wᵀ
        float[] dx = gradInput.get(n * in, reusesBuffers());
        Gemm.sgemm(false, true, n, in, out, 1f, g, 0, out, weight.data(), 0, out, 0f, dx, 0, in);
        // dW = xᵀ·dy ; db = Σ_rows dy
        if (dWeight == null) {
            dWeight = new float[in * out];
            dBias = new float[out];
        }
        Gemm.sgemm(true, false, in, out, n, 1f, x.data(), 0, in, g, 0, out, 0f, dWeight, 0, out);
        java.util.Arrays.fill(dBias, 0f);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                dBias[j] += g[i * out + j];
            }
        }
        weight.accumulateGrad(Tensor.of(dWeight, in, out));
        bias.accumulateGrad(Tensor.of(dBias, out));
        return Tensor.of(dx, x.shape());
    }

    private int rows(Tensor x) {
        if (x.dim() < 2 || x.numel() != x.size(0) * in) {
            throw new IllegalArgumentException("Linear(" + in + ", " + out + ") expects input [N, " + in
                + "] (or [N, ...] with " + in + " values per sample), got " + Shapes.toString(x.shape()));
        }
        return x.size(0);
    }

    /** Weight {@code [in, out]}; its {@link Tensor#grad()} holds dL/dW after backward. */
    public Tensor weight() {
        return weight;
    }

    /** Bias {@code [out]}. */
    public Tensor bias() {
        return bias;
    }

    public int inFeatures() {
        return in;
    }

    public int outFeatures() {
        return out;
    }

    @Override
    public Map<String, Tensor> parameters() {
        return named("weight", weight, "bias", bias);
    }

    @Override
    public String toString() {
        return "Linear(" + in + ", " + out + ")";
    }
}
