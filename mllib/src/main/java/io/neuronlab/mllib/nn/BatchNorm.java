package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Parallel;
import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Map;

/**
 * Batch normalization (Ioffe &amp; Szegedy), as the book's {@code BatchNormalization}: per feature,
 * {@code y = γ·(x − μ) / √(σ² + ε) + β}.
 *
 * <p>Shapes: dense input {@code [N, F]} normalises each of the F features over the batch; image input
 * {@code [N, C, H, W]} normalises each channel over N, H and W (F = C). γ ("gamma", starts at 1) and β
 * ("beta", starts at 0) are {@code [F]}.
 *
 * <p>Training uses the batch's mean and (biased) variance and updates the running statistics,
 * {@code running = momentum·running + (1 − momentum)·batch} with momentum 0.9 as the book. Evaluation uses
 * the running statistics. They are buffers {@code running_mean} (starts at 0) and {@code running_var}
 * (starts at 1, as PyTorch, so an untrained layer is the identity; the book starts it at 0).
 *
 * <p>Two conventions differ between the book and PyTorch, and both are settable so that a model from either
 * side computes exactly what it computed there: ε (the book's {@code 10e-7} = 1e-6 by default; PyTorch's 1e-5)
 * and which variance the running statistic averages — the biased batch variance Σ(x − μ)²/m (the book's
 * default) or the unbiased Σ(x − μ)²/(m − 1) (PyTorch's). The batch itself is always normalised with the biased
 * variance, in both. {@link #pytorch(int)} makes a layer with PyTorch's choices.
 */
public final class BatchNorm extends Layer {
    /** The book's ε ({@code 10e-7}). */
    public static final float BOOK_EPS = 1e-6f;
    /** PyTorch's default ε for {@code BatchNorm1d/2d}. */
    public static final float PYTORCH_EPS = 1e-5f;

    private final int features;
    private final float momentum;
    private final float eps;
    private final boolean unbiasedRunningVariance;
    private final Tensor gamma;
    private final Tensor beta;
    private final Tensor runningMean;
    private final Tensor runningVar;

    // caches of the last forward
    private int[] inShape;
    private float[] normalized;   // x̂, the input's shape
    private float[] invStd;       // 1/√(σ² + ε) per feature
    private float[] evalInput;    // evaluation mode: the input (x̂ is recomputed from it) ...
    private float[] evalMean;     // ... and the running mean it was normalised with; null after a training forward
    private final ReusableArray output = new ReusableArray();

    public BatchNorm(int features) {
        this(features, 0.9f);
    }

    public BatchNorm(int features, float momentum) {
        this(features, momentum, BOOK_EPS, false);
    }

    /**
     * @param momentum                weight of the old value in the running statistics' update (PyTorch's
     *                                {@code momentum} m corresponds to 1 − m here)
     * @param eps                     added to the variance before the square root
     * @param unbiasedRunningVariance whether the running variance averages the unbiased batch variance (PyTorch)
     *                                rather than the biased one (the book)
     */
    public BatchNorm(int features, float momentum, float eps, boolean unbiasedRunningVariance) {
        if (!(eps > 0f && Float.isFinite(eps))) {
            throw new IllegalArgumentException("BatchNorm eps must be a positive number, got " + eps);
        }
        if (features <= 0) {
            throw new IllegalArgumentException("BatchNorm needs features > 0, got " + features);
        }
        if (!(momentum >= 0f && momentum < 1f)) {
            throw new IllegalArgumentException("BatchNorm momentum must be in [0, 1), got " + momentum);
        }
        this.features = features;
        this.momentum = momentum;
        this.eps = eps;
        this.unbiasedRunningVariance = unbiasedRunningVariance;
        this.gamma = Tensor.ones(features).requiresGrad(true);
        this.beta = Tensor.zeros(features).requiresGrad(true);
        this.runningMean = Tensor.zeros(features);
        this.runningVar = Tensor.ones(features);
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = x.shape();
        if (!(s.length == 2 || s.length == 4) || s[1] != features) {
            throw new IllegalArgumentException("BatchNorm(" + features + ") expects [N, " + features + "] or [N, "
                + features + ", H, W], got " + Shapes.toString(s));
        }
        return isTraining() ? trainingForward(x, s) : evaluationForward(x, s);
    }

    /** Batch statistics: normalises, updates the running statistics and keeps x̂ for the backward. */
    private Tensor trainingForward(Tensor x, int[] s) {
        int n = s[0];
        int spatial = s.length == 4 ? s[2] * s[3] : 1;
        int count = n * spatial;
        if (count == 0) {
            throw new IllegalArgumentException("BatchNorm in training mode needs a non-empty batch");
        }
        float[] in = x.data();
        float[] xHat = normalized != null && normalized.length == in.length ? normalized : new float[in.length];
        float[] inverse = invStd != null && invStd.length == features ? invStd : new float[features];
        float[] y = output.get(in.length, reusesBuffers());
        float[] g = gamma.data();
        float[] b = beta.data();
        float[] rm = runningMean.data();
        float[] rv = runningVar.data();
        for (int c = 0; c < features; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int p = (i * features + c) * spatial, end = p + spatial; p < end; p++) {
                    sum += in[p];
                }
            }
            double mean = sum / count;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                for (int p = (i * features + c) * spatial, end = p + spatial; p < end; p++) {
                    double d = in[p] - mean;
                    sq += d * d;
                }
            }
            double var = sq / count;
            rm[c] = (float) (momentum * rm[c] + (1 - momentum) * mean);
            // the running variance of PyTorch is unbiased (m/(m−1)); the batch is normalised with the biased one
            double runningSample = unbiasedRunningVariance && count > 1 ? sq / (count - 1) : var;
            rv[c] = (float) (momentum * rv[c] + (1 - momentum) * runningSample);
            float inv = (float) (1 / Math.sqrt(var + eps));
            inverse[c] = inv;
            for (int i = 0; i < n; i++) {
                for (int p = (i * features + c) * spatial, end = p + spatial; p < end; p++) {
                    float xn = (float) ((in[p] - mean) * inv);
                    xHat[p] = xn;
                    y[p] = g[c] * xn + b[c];
                }
            }
        }
        inShape = s;
        normalized = xHat;
        invStd = inverse;
        evalInput = null;
        evalMean = null;
        return Tensor.of(y, s);
    }

    /**
     * Running statistics, which are constants here: {@code y = x·scale + shift} per feature with
     * {@code scale = γ/√(σ² + ε)} and {@code shift = β − μ·scale} worked out once per call — one multiply-add per
     * value, in float, that HotSpot vectorises, and big inputs split over the cores (ResNet-18 at 224×224 pushes
     * 2.3 million values through its batch norms per image). x̂ is not stored: a backward recomputes it from the
     * input this forward read.
     */
    private Tensor evaluationForward(Tensor x, int[] s) {
        int n = s[0];
        int spatial = s.length == 4 ? s[2] * s[3] : 1;
        float[] in = x.data();
        float[] g = gamma.data();
        float[] b = beta.data();
        float[] rm = runningMean.data();
        float[] rv = runningVar.data();
        float[] inverse = new float[features];
        float[] mean = new float[features];
        float[] scale = new float[features];
        float[] shift = new float[features];
        for (int c = 0; c < features; c++) {
            inverse[c] = (float) (1 / Math.sqrt((double) rv[c] + eps));
            mean[c] = rm[c];
            scale[c] = g[c] * inverse[c];
            shift[c] = b[c] - rm[c] * scale[c];
        }
        float[] y = output.get(in.length, reusesBuffers());
        if (spatial == 1) {
            // [N, F]: row by row, the features side by side in memory
            Parallel.forRange(n, (int) ((long) in.length / Parallel.ELEMENTS_PER_SHARE), (part, from, to) -> {
                for (int i = from; i < to; i++) {
                    int row = i * features;
                    for (int c = 0; c < features; c++) {
                        y[row + c] = in[row + c] * scale[c] + shift[c];
                    }
                }
            });
        } else {
            // [N, C, H, W]: each (image, channel) plane is one run of memory with one scale and shift
            Parallel.forRange(n * features, (int) ((long) in.length / Parallel.ELEMENTS_PER_SHARE), (part, from, to) -> {
                for (int plane = from; plane < to; plane++) {
                    float a = scale[plane % features];
                    float d = shift[plane % features];
                    for (int p = plane * spatial, end = p + spatial; p < end; p++) {
                        y[p] = in[p] * a + d;
                    }
                }
            });
        }
        inShape = s;
        evalInput = in;
        evalMean = mean;
        invStd = inverse;
        normalized = null;
        return Tensor.of(y, s);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (inShape == null) {
            throw new IllegalStateException("BatchNorm.backward called before forward");
        }
        Shapes.requireSame("BatchNorm.backward: gradOutput vs output", gradOutput.shape(), inShape);
        int n = inShape[0];
        int spatial = inShape.length == 4 ? inShape[2] * inShape[3] : 1;
        int count = n * spatial;
        float[] dy = gradOutput.data();
        float[] dx = new float[dy.length];
        float[] g = gamma.data();
        float[] dGamma = new float[features];
        float[] dBeta = new float[features];
        boolean batchStats = evalInput == null;
        float[] xHat = batchStats ? normalized : normalizedFromInput(n, spatial);
        for (int c = 0; c < features; c++) {
            double sumDy = 0;
            double sumDyXn = 0;
            for (int i = 0; i < n; i++) {
                for (int p = (i * features + c) * spatial, end = p + spatial; p < end; p++) {
                    sumDy += dy[p];
                    sumDyXn += dy[p] * xHat[p];
                }
            }
            dBeta[c] = (float) sumDy;
            dGamma[c] = (float) sumDyXn;
            double scale = g[c] * invStd[c];
            for (int i = 0; i < n; i++) {
                for (int p = (i * features + c) * spatial, end = p + spatial; p < end; p++) {
                    if (batchStats) {
                        // the book's chain through μ and σ², collapsed: dx = γ/σ · (dy − mean(dy) − x̂·mean(dy·x̂))
                        dx[p] = (float) (scale * (dy[p] - sumDy / count - xHat[p] * sumDyXn / count));
                    } else {
                        // running statistics are constants
                        dx[p] = (float) (scale * dy[p]);
                    }
                }
            }
        }
        gamma.accumulateGrad(Tensor.of(dGamma, features));
        beta.accumulateGrad(Tensor.of(dBeta, features));
        return Tensor.of(dx, inShape);
    }

    /** x̂ of the last evaluation forward's input, as a training forward would have kept it. */
    private float[] normalizedFromInput(int n, int spatial) {
        float[] xHat = new float[evalInput.length];
        for (int c = 0; c < features; c++) {
            double mean = evalMean[c];
            float inv = invStd[c];
            for (int i = 0; i < n; i++) {
                for (int p = (i * features + c) * spatial, end = p + spatial; p < end; p++) {
                    xHat[p] = (float) ((evalInput[p] - mean) * inv);
                }
            }
        }
        return xHat;
    }

    /** γ {@code [F]}. */
    public Tensor gamma() {
        return gamma;
    }

    /** β {@code [F]}. */
    public Tensor beta() {
        return beta;
    }

    public Tensor runningMean() {
        return runningMean;
    }

    public Tensor runningVar() {
        return runningVar;
    }

    public int features() {
        return features;
    }

    /** The ε added to the variance before the square root. */
    public float eps() {
        return eps;
    }

    /** Whether the running variance averages the unbiased batch variance (PyTorch) instead of the biased one. */
    public boolean unbiasedRunningVariance() {
        return unbiasedRunningVariance;
    }

    /** A layer with PyTorch's conventions: momentum 0.1 in PyTorch's sense (0.9 here), ε = 1e-5, unbiased running variance. */
    public static BatchNorm pytorch(int features) {
        return new BatchNorm(features, 0.9f, PYTORCH_EPS, true);
    }

    @Override
    public Map<String, Tensor> parameters() {
        return named("gamma", gamma, "beta", beta);
    }

    @Override
    public Map<String, Tensor> buffers() {
        return named("running_mean", runningMean, "running_var", runningVar);
    }

    /** Weight of the old value in the running statistics' update. */
    public float momentum() {
        return momentum;
    }

    @Override
    public String toString() {
        return "BatchNorm(" + features + ", momentum=" + momentum
            + (eps != BOOK_EPS ? ", eps=" + eps : "") + (unbiasedRunningVariance ? ", unbiased running variance" : "") + ")";
    }
}
