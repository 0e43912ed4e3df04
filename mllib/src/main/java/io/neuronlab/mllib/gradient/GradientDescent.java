package io.neuronlab.mllib.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Minimises f: R^n → R by repeating x ← x − lr · ∇f(x), with the gradient from {@link NumericalGradient}
 * (the book's {@code gradient_descent}). Too large a learning rate diverges, too small barely moves.
 */
public final class GradientDescent {
    private final double learningRate;
    private final int steps;

    /** The points visited: {@code path.get(0)} is the start, the last entry is {@code x}. */
    public record Result(double[] x, List<double[]> path) {
    }

    public GradientDescent(double learningRate, int steps) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("number of steps must be >= 0, got " + steps);
        }
        this.learningRate = learningRate;
        this.steps = steps;
    }

    /** Runs the descent from {@code start} (not modified). */
    public Result minimize(ToDoubleFunction<double[]> f, double[] start) {
        double[] x = start.clone();
        List<double[]> path = new ArrayList<>();
        path.add(x.clone());
        for (int s = 0; s < steps; s++) {
            double[] grad = NumericalGradient.gradient(f, x);
            for (int i = 0; i < x.length; i++) {
                x[i] -= learningRate * grad[i];
            }
            path.add(x.clone());
        }
        return new Result(x, path);
    }
}
