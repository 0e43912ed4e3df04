package io.neuronlab.app.chart;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Bias-corrected exponential smoothing against values computed by hand. */
public class SmoothingTest {
    @Test
    public void constantStaysConstantFromTheFirstPoint() {
        float[] smoothed = Smoothing.exponential(new float[] {2f, 2f, 2f, 2f}, 0.9f);
        assertArrayEquals(new float[] {2f, 2f, 2f, 2f}, smoothed, 1e-6f);
    }

    @Test
    public void stepIsFollowedGradually() {
        // w = 0.5: averages 0.5*0+0.5*0 = 0 ; then 0.5*0 + 0.5*4 = 2 over 1 - 0.25 = 0.75 -> 2.6667;
        // then 0.5*2 + 0.5*4 = 3 over 1 - 0.125 = 0.875 -> 3.4286
        float[] smoothed = Smoothing.exponential(new float[] {0f, 4f, 4f}, 0.5f);
        assertArrayEquals(new float[] {0f, 8f / 3f, 3f / 0.875f}, smoothed, 1e-5f);
    }

    @Test
    public void weightZeroIsIdentity() {
        float[] values = {3f, -1f, 7f};
        assertArrayEquals(values, Smoothing.exponential(values, 0f), 0f);
    }

    @Test
    public void nonFiniteValuesAreGapsAndDoNotPoisonTheAverage() {
        float[] smoothed = Smoothing.exponential(new float[] {1f, Float.NaN, 1f, Float.POSITIVE_INFINITY, 1f}, 0.8f);
        assertTrue(Float.isNaN(smoothed[1]));
        assertEquals(Float.POSITIVE_INFINITY, smoothed[3], 0f);
        assertEquals(1f, smoothed[2], 1e-6f);
        assertEquals(1f, smoothed[4], 1e-6f);
    }

    @Test
    public void smoothingReducesTheSpreadOfNoise() {
        java.util.Random random = new java.util.Random(7);
        float[] noisy = new float[500];
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = 1f + (float) random.nextGaussian();
        }
        float[] smoothed = Smoothing.exponential(noisy, 0.9f);
        assertTrue(spread(smoothed, 100) < spread(noisy, 100) / 3);
    }

    private static double spread(float[] values, int from) {
        double mean = 0;
        for (int i = from; i < values.length; i++) {
            mean += values[i];
        }
        mean /= values.length - from;
        double variance = 0;
        for (int i = from; i < values.length; i++) {
            variance += (values[i] - mean) * (values[i] - mean);
        }
        return Math.sqrt(variance / (values.length - from));
    }

    @Test
    public void rejectsWeightsOutsideZeroOne() {
        assertThrows(IllegalArgumentException.class, () -> Smoothing.exponential(new float[1], 1f));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.exponential(new float[1], Float.NaN));
    }
}
