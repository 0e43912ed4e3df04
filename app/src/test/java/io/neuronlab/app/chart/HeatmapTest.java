package io.neuronlab.app.chart;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** Colour-scale positions and blending of the heatmap, without Android. */
public class HeatmapTest {
    @Test
    public void confusionMatrixIsSequentialFromZeroToTheLargestCount() {
        Heatmap m = Heatmap.confusion("confusion", new int[][] {{8, 2}, {0, 10}});
        assertEquals(Heatmap.Scale.SEQUENTIAL, m.scale());
        assertEquals(0.8f, m.intensity(0, 0), 1e-6f);
        assertEquals(0.2f, m.intensity(0, 1), 1e-6f);
        assertEquals(0f, m.intensity(1, 0), 0f);
        assertEquals(1f, m.intensity(1, 1), 0f);
        assertEquals(2f, m.value(0, 1), 0f);
    }

    @Test
    public void filtersAreDivergingAroundZero() {
        Heatmap m = new Heatmap("f", 1, 3, new float[] {-0.4f, 0.1f, 0.2f}, Heatmap.Scale.DIVERGING, false);
        assertEquals(-1f, m.intensity(0, 0), 1e-6f);
        assertEquals(0.25f, m.intensity(0, 1), 1e-6f);
        assertEquals(0.5f, m.intensity(0, 2), 1e-6f);
    }

    @Test
    public void allZeroOrNaNGridIsNeutral() {
        Heatmap m = new Heatmap("z", 1, 2, new float[] {0f, Float.NaN}, Heatmap.Scale.DIVERGING, false);
        assertEquals(0f, m.intensity(0, 0), 0f);
        assertEquals(0f, m.intensity(0, 1), 0f);
    }

    @Test
    public void blendInterpolatesEveryChannel() {
        assertEquals(0xFF000000, Heatmap.blend(0xFF000000, 0xFFFFFFFF, 0f));
        assertEquals(0xFFFFFFFF, Heatmap.blend(0xFF000000, 0xFFFFFFFF, 1f));
        assertEquals(0x80408000, Heatmap.blend(0x00000000, 0xFF80FF00, 0.5f));
        assertEquals(0xFFFFFFFF, Heatmap.blend(0xFF000000, 0xFFFFFFFF, 7f));
    }

    @Test
    public void rejectsWrongValueCounts() {
        assertThrows(IllegalArgumentException.class,
                () -> new Heatmap("x", 2, 2, new float[3], Heatmap.Scale.SEQUENTIAL, false));
        assertThrows(IllegalArgumentException.class, () -> Heatmap.confusion("x", new int[][] {{1, 2}, {3}}));
    }
}
