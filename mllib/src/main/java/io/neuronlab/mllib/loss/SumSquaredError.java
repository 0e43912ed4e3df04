package io.neuronlab.mllib.loss;

import io.neuronlab.mllib.tensor.Tensor;

/**
 * The book's {@code sum_squared_error}, {@code ½ Σ (y − t)²}, summed over each sample's values and averaged
 * over the batch: {@code L = (1/N)·½ Σ (y − t)²}. Shapes: output and target {@code [N, ...]} (a 1-D output is
 * one sample, so the book's single-sample numbers come out unchanged). Backward: {@code (y − t) / N}.
 */
public final class SumSquaredError implements Loss {
    private Tensor output;
    private Tensor target;

    @Override
    public float forward(Tensor output, Tensor target) {
        Regression.requireSameShape(output, target, "SumSquaredError");
        this.output = output;
        this.target = target;
        double sum = Regression.sumOfSquaredDifferences(output, target);
        return (float) (0.5 * sum / Regression.batch(output));
    }

    @Override
    public Tensor backward() {
        if (output == null) {
            throw new IllegalStateException("SumSquaredError.backward called before forward");
        }
        float[] y = output.data();
        float[] t = target.data();
        int n = Regression.batch(output);
        float[] dx = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            dx[i] = (y[i] - t[i]) / n;
        }
        return Tensor.of(dx, output.shape());
    }

    @Override
    public String toString() {
        return "SumSquaredError";
    }
}
