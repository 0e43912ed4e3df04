package io.neuronlab.mllib.loss;

import io.neuronlab.mllib.tensor.Tensor;

/**
 * The book's {@code cross_entropy_error} on probabilities (e.g. after a {@link io.neuronlab.mllib.nn.Softmax}):
 * {@code L = −(1/N) Σ t·log(y + 1e-7)}, the 1e-7 guarding log(0).
 *
 * <p>Shapes: probabilities {@code [N, C]} (or {@code [C]} for one sample); targets one-hot of the same shape
 * or label indices {@code [N]}. Backward: {@code −t / ((y + 1e-7)·N)}.
 */
public final class CrossEntropy implements Loss {
    private Tensor output;
    private float[] oneHot;
    private int rows;

    @Override
    public float forward(Tensor output, Tensor target) {
        rows = Targets.rows(output, "CrossEntropy");
        oneHot = Targets.dense(output, target, rows, "CrossEntropy");
        this.output = output;
        float[] y = output.data();
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            if (oneHot[i] != 0f) {
                sum -= oneHot[i] * Math.log(y[i] + SoftmaxCrossEntropy.DELTA);
            }
        }
        return (float) (sum / rows);
    }

    @Override
    public Tensor backward() {
        if (output == null) {
            throw new IllegalStateException("CrossEntropy.backward called before forward");
        }
        float[] y = output.data();
        float[] dx = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            dx[i] = (float) (-oneHot[i] / ((y[i] + SoftmaxCrossEntropy.DELTA) * rows));
        }
        return Tensor.of(dx, output.shape());
    }

    @Override
    public String toString() {
        return "CrossEntropy";
    }
}
