package io.neuronlab.app.chart;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import org.junit.Test;

/** Axes fitted to several series, gaps, fixed ranges and the spoken summary — without Android. */
public class ChartModelTest {
    @Test
    public void axesCoverEverySeriesAndIgnoreNonFiniteValues() {
        Series a = new Series("train", new float[] {1, 2, 3}, new float[] {0.5f, Float.NaN, 0.9f}, 0);
        Series b = new Series("test", new float[] {1, 2, 3, 4}, new float[] {0.4f, 0.7f, Float.POSITIVE_INFINITY, 0.8f}, 0);
        ChartModel model = new ChartModel(Arrays.asList(a, b), "epoch", "accuracy", Float.NaN, Float.NaN);
        assertEquals(0.4, model.yAxis().min(), 1e-6);
        assertEquals(0.9, model.yAxis().max(), 1e-6);
        assertTrue(model.xAxis().min() <= 1 && model.xAxis().max() >= 4);
        assertFalse(model.isEmpty());
    }

    @Test
    public void fixedRangeWinsOverTheData() {
        Series a = Series.of("acc", new float[] {0.91f, 0.95f}, 0);
        ChartModel model = new ChartModel(Collections.singletonList(a), "", "", 0f, 1f);
        assertEquals(0, model.yAxis().min(), 0);
        assertEquals(1, model.yAxis().max(), 0);
    }

    @Test
    public void divergedLossIsEmptyButStillHasAxes() {
        Series a = Series.of("loss", new float[] {Float.NaN, Float.NaN}, 0);
        ChartModel model = new ChartModel(Collections.singletonList(a), "batch", "loss", Float.NaN, Float.NaN);
        assertTrue(model.isEmpty());
        assertEquals(0, model.yAxis().min(), 0);
        assertEquals(1, model.yAxis().max(), 0);
        assertEquals("loss / batch. no data", model.describe("%1$s %2$d %3$s %4$s %5$s %6$s", "no data"));
    }

    @Test
    public void describesEachSeries() {
        Series loss = Series.of("loss", new float[] {2.3f, 0.7f, 0.2f, 0.25f}, 0);
        ChartModel model = new ChartModel(Collections.singletonList(loss), "batch", "loss", Float.NaN, Float.NaN);
        assertEquals("loss / batch. loss: 4 points, 2.30 -> 0.250, low 0.200, high 2.30",
                model.describe("%1$s: %2$d points, %3$s -> %4$s, low %5$s, high %6$s", "none"));
    }

    @Test
    public void seriesRejectsMismatchedLengthsAndCopiesItsArrays() {
        assertThrows(IllegalArgumentException.class, () -> new Series("x", new float[2], new float[3], 0));
        float[] y = {1f, 2f};
        Series s = Series.of("s", y, 0);
        y[0] = 99f;
        assertEquals(1f, s.y(0), 0f);
        assertEquals(2f, s.x(1), 0f);
        assertEquals(2f, s.lastFinite(), 0f);
    }

    @Test
    public void smoothedSeriesKeepsXAndColour() {
        Series raw = new Series("raw", new float[] {10, 20}, new float[] {1f, 3f}, 0xFF112233);
        Series smooth = raw.smoothed("smooth", 0.5f);
        assertEquals("smooth", smooth.label());
        assertEquals(20f, smooth.x(1), 0f);
        assertEquals(0xFF112233, smooth.color());
        assertEquals((0.5f * 0.5f + 0.5f * 3f) / 0.75f, smooth.y(1), 1e-6f);
        assertTrue(raw.faint().isFaint());
    }

    @Test
    public void barsCoverTheirWholeBinsAndStandOnZero() {
        Series h = new Series("hist", new float[] {0.25f, 0.75f}, new float[] {3f, 5f}, 0).bars();
        assertTrue(h.isBars());
        assertEquals(0.5f, h.barWidth(), 0f);
        ChartModel model = new ChartModel(Collections.singletonList(h), "value", "count", Float.NaN, Float.NaN);
        // bins [0, 0.5] and [0.5, 1]: the axis reaches both outer edges, and y starts at 0 although the least count is 3
        assertTrue(model.xAxis().min() <= 0 && model.xAxis().max() >= 1);
        assertTrue(model.xAxis().max() < 1.5);
        assertEquals(0, model.yAxis().min(), 0);
        assertTrue(model.yAxis().max() >= 5);
        // a line of the same points does not stretch to 0
        ChartModel line = new ChartModel(Collections.singletonList(new Series("l", new float[] {0.25f, 0.75f},
                new float[] {3f, 5f}, 0)), "", "", Float.NaN, Float.NaN);
        assertTrue(line.yAxis().min() > 0);
        assertThrows(IllegalArgumentException.class,
                () -> new Series("h", new float[] {1f, 1f}, new float[] {1f, 2f}, 0).bars());
        assertTrue(h.faint().isBars());
    }

    @Test
    public void fixedXRangeWinsOverTheData() {
        Series a = new Series("f", new float[] {-100f, 0f, 100f}, new float[] {1f, 0f, 1f}, 0);
        ChartModel model = new ChartModel(Collections.singletonList(a), "x", "y", -5f, 5f, Float.NaN, Float.NaN, false);
        assertEquals(-5, model.xAxis().min(), 0);
        assertEquals(5, model.xAxis().max(), 0);
        ChartModel fitted = new ChartModel(Collections.singletonList(a), "x", "y", Float.NaN, Float.NaN);
        assertEquals(-100, fitted.xAxis().min(), 0);
    }
}
