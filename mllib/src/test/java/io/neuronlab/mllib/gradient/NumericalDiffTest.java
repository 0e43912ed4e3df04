package io.neuronlab.mllib.gradient;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.Test;

public class NumericalDiffTest {
    // the book's function_1: 0.01x² + 0.1x, written as Python evaluates 0.01*x**2 + 0.1*x
    private static final DoubleUnaryOperator F = x -> 0.01 * (x * x) + 0.1 * x;

    @Test
    public void centralDifferenceMatchesTheBook() {
        // analytic derivative 0.02x + 0.1: 0.2 at 5 and 0.3 at 10
        assertEquals(0.1999999999990898, NumericalDiff.central(F, 5), 1e-15);
        assertEquals(0.2999999999986347, NumericalDiff.central(F, 10), 1e-15);
        assertEquals(0.2, NumericalDiff.central(F, 5), 1e-10);
        assertEquals(0.3, NumericalDiff.central(F, 10), 1e-10);
    }

    @Test
    public void forwardDifferenceHasAnErrorOfOrderH() {
        // (f(x+h) - f(x)) / h = 0.02x + 0.1 + 0.01h for this quadratic
        double forward = NumericalDiff.forward(F, 5, 1e-4);
        assertEquals(0.2 + 0.01 * 1e-4, forward, 1e-10);
        double central = NumericalDiff.central(F, 5, 1e-4);
        assertTrue("central is far closer", Math.abs(central - 0.2) < Math.abs(forward - 0.2) / 100);
    }

    @Test
    public void tinyStepRoundsAwayTheDifference() {
        // the book's warning: with h = 1e-50, 5 + h == 5 in double and the "derivative" is 0
        assertEquals(0.0, NumericalDiff.forward(F, 5, 1e-50), 0.0);
    }

    @Test(expected = IllegalArgumentException.class)
    public void nonPositiveStepIsRejected() {
        NumericalDiff.central(F, 5, 0);
    }
}
