package io.neuronlab.mllib.gradient;

import java.util.function.DoubleUnaryOperator;

/**
 * The derivative of f: R → R by finite differences (the book's {@code numerical_diff}).
 *
 * <p>The forward difference (f(x+h) − f(x)) / h has an error proportional to h; the central difference
 * (f(x+h) − f(x−h)) / 2h cancels that term and is off by O(h²). h = 1e-4 balances truncation against
 * rounding in double (h = 1e-50 would round x + h back to x and give 0).
 */
public final class NumericalDiff {
    /** The book's step. */
    public static final double DEFAULT_STEP = 1e-4;

    private NumericalDiff() {
    }

    /** (f(x+h) − f(x)) / h. */
    public static double forward(DoubleUnaryOperator f, double x, double h) {
        requireStep(h);
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
    }

    /** (f(x+h) − f(x−h)) / 2h. */
    public static double central(DoubleUnaryOperator f, double x, double h) {
        requireStep(h);
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    /** Central difference with h = 1e-4. */
    public static double central(DoubleUnaryOperator f, double x) {
        return central(f, x, DEFAULT_STEP);
    }

    static void requireStep(double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("finite-difference step h must be positive and finite, got " + h);
        }
    }
}
