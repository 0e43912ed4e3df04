package io.neuronlab.mllib.loss;

import io.neuronlab.mllib.tensor.Tensor;

/**
 * Mean squared error over every element, as PyTorch's {@code MSELoss}: {@code L = (1/M) Σ (y − t)²} with M the
 * number of values (N·features). Shapes: output and target identical. Backward: {@code 2(y − t) / M}.
 */
public final class MeanSquaredError implements Loss {
    private Tensor output;
    private Tensor target;

    @Override
    public float forward(Tensor output, Tensor target) {
        Regression.requireSameShape(output, target, "MeanSquaredError");
        this.output = output;
        this.target = target;
        double sum = Regression.sumOfSquaredDifferences(output, target);
        return (float) (sum / Math.max(output.numel(), 1));
    }

    @Override
    public Tensor backward() {
        if (output == null) {
            throw new IllegalStateException("MeanSquaredError.backward called before forward");
        }
        float[] y = output.data();
        float[] t = target.data();
        float[] dx = new float[y.length];
        float scale = 2f / Math.max(y.length, 1);
        for (int i = 0; i < y.length; i++) {
            dx[i] = scale * (y[i] - t[i]);
        }
        return Tensor.of(dx, output.shape());
    }

    @Override
    public String toString() {
        return "MeanSquaredError";
    }
}
