package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.gradient.NumericalDiff;
import java.util.function.DoubleUnaryOperator;

/** Lesson 6's numbers: the book's f(x) = 0.01x² + 0.1x at x = 5 (true slope 0.2), differentiated by mllib. */
public final class NumericalDiffDemo {
    public static final DoubleUnaryOperator F = x -> 0.01 * x * x + 0.1 * x;
    public static final double X = 5;
    public static final double TRUE_SLOPE = 0.2;

    /** Forward and central differences with step h, and their errors against the true slope. */
    public record Slopes(double h, double forward, double central) {
        public double forwardError() {
            return Math.abs(forward - TRUE_SLOPE);
        }

        public double centralError() {
            return Math.abs(central - TRUE_SLOPE);
        }
    }

    private NumericalDiffDemo() {
    }

    /** h = 10^−exponent. */
    public static Slopes at(int exponent) {
        double h = Math.pow(10, -exponent);
        return new Slopes(h, NumericalDiff.forward(F, X, h), NumericalDiff.central(F, X, h));
    }
}
