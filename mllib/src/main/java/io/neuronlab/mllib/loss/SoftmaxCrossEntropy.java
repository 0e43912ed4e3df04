package io.neuronlab.mllib.loss;

import io.neuronlab.mllib.tensor.ScalarMath;
import io.neuronlab.mllib.tensor.Tensor;

/**
 * The book's {@code SoftmaxWithLoss}: softmax of the scores followed by cross-entropy, fused so that the
 * backward is simply {@code (y − t) / N}.
 *
 * <p>Shapes: scores {@code [N, C]} (or {@code [C]} for one sample); targets one-hot {@code [N, C]} or label
 * indices {@code [N]}. Loss = {@code −(1/N) Σ log(y[n, t_n] + 1e-7)}, the book's 1e-7 guarding log(0).
 */
public final class SoftmaxCrossEntropy implements Loss {
    static final double DELTA = 1e-7;

    private Tensor probabilities;
    private float[] oneHot;
    private int rows;

    @Override
    public float forward(Tensor output, Tensor target) {
        rows = Targets.rows(output, "SoftmaxCrossEntropy");
        int cols = output.numel() / Math.max(rows, 1);
        float[] y = new float[output.numel()];
        ScalarMath.softmaxRows(output.data(), y, rows, cols);
        probabilities = Tensor.of(y, output.shape());
        oneHot = Targets.dense(output, target, rows, "SoftmaxCrossEntropy");
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            if (oneHot[i] != 0f) {
                sum -= oneHot[i] * Math.log(y[i] + DELTA);
            }
        }
        return (float) (sum / rows);
    }

    @Override
    public Tensor backward() {
        if (probabilities == null) {
            throw new IllegalStateException("SoftmaxCrossEntropy.backward called before forward");
        }
        float[] y = probabilities.data();
        float[] dx = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            dx[i] = (y[i] - oneHot[i]) / rows;
        }
        return Tensor.of(dx, probabilities.shape());
    }

    /** Softmax probabilities of the last forward, same shape as its scores. */
    public Tensor probabilities() {
        return probabilities;
    }

    @Override
    public String toString() {
        return "SoftmaxCrossEntropy";
    }
}
