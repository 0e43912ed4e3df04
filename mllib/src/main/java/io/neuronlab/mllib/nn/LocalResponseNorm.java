package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

/**
 * Local response normalisation across channels (Krizhevsky et al. 2012, AlexNet): each activation is divided by a
 * power of the summed squares of its neighbours in the channel direction,
 * <pre>
 * y[n, c, h, w] = x[n, c, h, w] / d[n, c, h, w]^β,   d = k + (α / size) · Σ_{c' = c − size/2 … c + size/2} x[n, c', h, w]²
 * </pre>
 * (channels outside {@code [0, C)} count as zero) — PyTorch's {@code nn.LocalResponseNorm}, Caffe's and ONNX's
 * {@code LRN} convention, where α is divided by the window size. The 2012 paper writes α without that division
 * (its α = 1e-4 is this layer's α = 5e-4 at size 5). {@code size} must be odd, so the window is centred (for an
 * even size PyTorch and ONNX place it differently). Shapes: {@code [N, C, H, W]} in and out.
 *
 * <p>Backward: with {@code r = g · y / d},
 * {@code dL/dx[j] = g[j] · d[j]^−β − (2αβ / size) · x[j] · Σ_{c in j's window} r[c]} — the symmetric window means
 * "the channels whose window holds j" are j's own window.
 */
public final class LocalResponseNorm extends Layer {
    private final int size;
    private final float alpha;
    private final float beta;
    private final float k;
    private final ReusableArray output = new ReusableArray();
    private final ReusableArray gradInput = new ReusableArray();
    private Tensor lastInput;
    private float[] lastDenominator; // d, one per element
    private float[] lastOutput;

    /**
     * @param size  channels in the window (odd, ≥ 1)
     * @param alpha scale of the summed squares (divided by {@code size}, as PyTorch)
     * @param beta  exponent
     * @param k     additive constant (PyTorch's {@code k}, ONNX's {@code bias})
     */
    public LocalResponseNorm(int size, float alpha, float beta, float k) {
        if (size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("LocalResponseNorm needs an odd window size >= 1, got " + size);
        }
        if (!(alpha >= 0) || !(beta >= 0) || !(k > 0) || !Float.isFinite(alpha) || !Float.isFinite(beta)
            || !Float.isFinite(k)) {
            throw new IllegalArgumentException("LocalResponseNorm needs alpha >= 0, beta >= 0 and k > 0 (finite), got alpha "
                + alpha + ", beta " + beta + ", k " + k);
        }
        this.size = size;
        this.alpha = alpha;
        this.beta = beta;
        this.k = k;
    }

    /** AlexNet's (2012) normalisation: window 5, the paper's α = 1e-4 (5e-4 in this convention), β = 0.75, k = 2. */
    public static LocalResponseNorm alexNet() {
        return new LocalResponseNorm(5, 5e-4f, 0.75f, 2f);
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = Pooling.requireImages(x, this);
        int channels = s[1];
        int plane = s[2] * s[3];
        float[] in = x.data();
        float[] d = new float[in.length];
        float[] y = output.get(in.length, reusesBuffers());
        float scale = alpha / size;
        int half = size / 2;
        double[] window = new double[plane];
        for (int n = 0; n < s[0]; n++) {
            int base = n * channels * plane;
            java.util.Arrays.fill(window, 0);
            // running sum of squares over channels [c − half, c + half]
            for (int c = 0; c < Math.min(half, channels); c++) {
                addSquares(in, base + c * plane, window, plane, 1);
            }
            for (int c = 0; c < channels; c++) {
                if (c + half < channels) {
                    addSquares(in, base + (c + half) * plane, window, plane, 1);
                }
                if (c - half - 1 >= 0) {
                    addSquares(in, base + (c - half - 1) * plane, window, plane, -1);
                }
                int o = base + c * plane;
                for (int p = 0; p < plane; p++) {
                    float dv = (float) (k + scale * Math.max(0, window[p])); // max: rounding of the running sum
                    d[o + p] = dv;
                    y[o + p] = (float) (in[o + p] * Math.pow(dv, -beta));
                }
            }
        }
        lastInput = x;
        lastDenominator = d;
        lastOutput = y;
        return Tensor.of(y, s);
    }

    private static void addSquares(float[] in, int offset, double[] window, int plane, int sign) {
        for (int p = 0; p < plane; p++) {
            float v = in[offset + p];
            window[p] += sign * (double) v * v;
        }
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (lastInput == null) {
            throw new IllegalStateException("LocalResponseNorm.backward called before forward");
        }
        int[] s = lastInput.shape();
        Shapes.requireSame("LocalResponseNorm.backward: gradOutput vs output", gradOutput.shape(), s);
        int channels = s[1];
        int plane = s[2] * s[3];
        float[] x = lastInput.data();
        float[] g = gradOutput.data();
        float[] d = lastDenominator;
        float[] y = lastOutput;
        float[] dx = gradInput.get(x.length, reusesBuffers());
        double factor = 2.0 * alpha * beta / size;
        int half = size / 2;
        double[] r = new double[channels * plane];
        double[] window = new double[plane];
        for (int n = 0; n < s[0]; n++) {
            int base = n * channels * plane;
            for (int i = 0; i < r.length; i++) {
                r[i] = (double) g[base + i] * y[base + i] / d[base + i];
            }
            java.util.Arrays.fill(window, 0);
            for (int c = 0; c < Math.min(half, channels); c++) {
                add(r, c * plane, window, plane, 1);
            }
            for (int c = 0; c < channels; c++) {
                if (c + half < channels) {
                    add(r, (c + half) * plane, window, plane, 1);
                }
                if (c - half - 1 >= 0) {
                    add(r, (c - half - 1) * plane, window, plane, -1);
                }
                int o = base + c * plane;
                for (int p = 0; p < plane; p++) {
                    dx[o + p] = (float) (g[o + p] * Math.pow(d[o + p], -beta) - factor * x[o + p] * window[p]);
                }
            }
        }
        return Tensor.of(dx, s);
    }

    private static void add(double[] r, int offset, double[] window, int plane, int sign) {
        for (int p = 0; p < plane; p++) {
            window[p] += sign * r[offset + p];
        }
    }

    public int size() {
        return size;
    }

    public float alpha() {
        return alpha;
    }

    public float beta() {
        return beta;
    }

    public float k() {
        return k;
    }

    @Override
    public String toString() {
        return "LocalResponseNorm(size " + size + ", alpha " + alpha + ", beta " + beta + ", k " + k + ")";
    }
}
