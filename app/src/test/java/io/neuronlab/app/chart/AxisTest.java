package io.neuronlab.app.chart;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** Nice tick ranges (1, 2, 5 × 10^k) worked out by hand. */
public class AxisTest {
    @Test
    public void lossFromTwoPointThreeDownToPointOneGetsHalfUnitTicks() {
        Axis axis = Axis.covering(0.08, 2.31, 6);
        assertEquals(0.0, axis.min(), 1e-12);
        assertEquals(2.5, axis.max(), 1e-12);
        assertEquals(0.5, axis.step(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2, 2.5}, axis.ticks(), 1e-12);
        assertEquals("1.5", axis.label(1.5));
        assertEquals("0.0", axis.label(0));
    }

    @Test
    public void accuracyNearTheTopGetsFinerTicks() {
        Axis axis = Axis.covering(0.912, 0.987, 6);
        assertEquals(0.02, axis.step(), 1e-12);
        assertEquals(0.90, axis.min(), 1e-12);
        assertEquals(1.00, axis.max(), 1e-12);
        assertEquals(6, axis.ticks().length);
        assertEquals("0.94", axis.label(axis.ticks()[2]));
    }

    @Test
    public void batchNumbersGetWholeNumberLabels() {
        Axis axis = Axis.covering(1, 938, 6);
        assertEquals(200, axis.step(), 1e-12);
        assertEquals(0, axis.min(), 1e-12);
        assertEquals(1000, axis.max(), 1e-12);
        assertEquals("800", axis.label(800));
    }

    @Test
    public void neverMoreTicksThanAsked() {
        for (double high = 0.11; high < 5000; high *= 1.37) {
            for (int maxTicks = 3; maxTicks <= 8; maxTicks++) {
                Axis axis = Axis.covering(-0.3 * high, high, maxTicks);
                double[] ticks = axis.ticks();
                assertEquals(true, ticks.length <= maxTicks);
                assertEquals(true, axis.min() <= -0.3 * high + 1e-9 && axis.max() >= high - 1e-9);
            }
        }
    }

    @Test
    public void wholeStepsForEpochs() {
        Axis axis = Axis.covering(1, 3, 6, true);
        assertArrayEquals(new double[] {1, 2, 3}, axis.ticks(), 0);
        assertEquals("2", axis.label(2));
        assertEquals(0.5, Axis.covering(1, 3, 6, false).step(), 0);
    }

    @Test
    public void singleValueIsWidenedAroundIt() {
        Axis axis = Axis.covering(0.5, 0.5, 6);
        assertEquals(true, axis.min() < 0.5 && axis.max() > 0.5);
        Axis zero = Axis.covering(0, 0, 6);
        assertEquals(true, zero.min() <= -1 && zero.max() >= 1);
    }

    @Test
    public void nonFiniteRangeFallsBackToZeroOne() {
        Axis axis = Axis.covering(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 6);
        assertEquals(0, axis.min(), 0);
        assertEquals(1, axis.max(), 0);
    }

    @Test
    public void fractionMapsEndsToZeroAndOne() {
        Axis axis = Axis.covering(0, 10, 6);
        assertEquals(0f, axis.fraction(0), 0f);
        assertEquals(1f, axis.fraction(10), 0f);
        assertEquals(0.25f, axis.fraction(2.5), 1e-6f);
    }

    @Test
    public void rejectsFewerThanThreeTicks() {
        assertThrows(IllegalArgumentException.class, () -> Axis.covering(0, 1, 2));
    }

    @Test
    public void niceNumbers() {
        assertEquals(0.5, Axis.niceNumber(0.37, true), 1e-12);
        assertEquals(2, Axis.niceNumber(1.6, true), 1e-12);
        assertEquals(10, Axis.niceNumber(7.5, true), 1e-12);
        assertEquals(5, Axis.niceNumber(3.1, false), 1e-12);
        assertEquals(200, Axis.niceNumber(187, true), 1e-12);
    }
}
