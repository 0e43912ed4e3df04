package io.neuronlab.mllib.gradient;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.Test;

public class GradientDescentTest {
    private static final ToDoubleFunction<double[]> F2 = x -> x[0] * x[0] + x[1] * x[1];

    @Test
    public void bookRunConvergesToTheMinimum() {
        double[] start = {-3, 4};
        GradientDescent.Result r = new GradientDescent(0.1, 100).minimize(F2, start);
        // each step multiplies x by 0.8: 0.8^100 * 5 ≈ 1e-9 (the book prints [-6.1e-10, 8.1e-10])
        assertEquals(0, r.x()[0], 1e-8);
        assertEquals(0, r.x()[1], 1e-8);
        assertEquals(-3 * Math.pow(0.8, 100), r.x()[0], 1e-12);
        assertEquals(101, r.path().size());
        assertArrayEquals(start, r.path().get(0), 0);
        assertArrayEquals(new double[] {-3, 4}, start, 0);
        assertArrayEquals(new double[] {-2.4, 3.2}, r.path().get(1), 1e-9);
    }

    @Test
    public void tooLargeALearningRateDiverges() {
        // lr = 10: each step multiplies x by 1 - 2*10 = -19
        GradientDescent.Result r = new GradientDescent(10, 100).minimize(F2, new double[] {-3, 4});
        assertTrue(Math.abs(r.x()[0]) > 1e10 || Double.isNaN(r.x()[0]));
    }

    @Test
    public void tooSmallALearningRateBarelyMoves() {
        // the book: lr = 1e-10 ends at [-2.99999994, 3.99999992]
        GradientDescent.Result r = new GradientDescent(1e-10, 100).minimize(F2, new double[] {-3, 4});
        assertArrayEquals(new double[] {-2.99999994, 3.99999992}, r.x(), 1e-8);
    }

    @Test(expected = IllegalArgumentException.class)
    public void negativeLearningRateIsRejected() {
        new GradientDescent(-0.1, 10);
    }
}
