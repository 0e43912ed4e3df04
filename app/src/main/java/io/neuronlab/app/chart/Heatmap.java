package io.neuronlab.app.chart;

/**
 * One grid of values for a {@link HeatmapView}: a confusion matrix (rows = true digit, columns = predicted,
 * counts written in the cells) or a first-layer filter (weights, negative and positive around zero).
 * Values are row-major, {@code values[r * columns + c]}. Immutable.
 */
public final class Heatmap {
    /** How values map to colours. */
    public enum Scale {
        /** 0 .. the largest value: counts, probabilities. */
        SEQUENTIAL,
        /** -m .. +m with m the largest magnitude, zero in the middle: weights. */
        DIVERGING
    }

    private final String title;
    private final int rows;
    private final int columns;
    private final float[] values;
    private final Scale scale;
    private final boolean showValues;

    public Heatmap(String title, int rows, int columns, float[] values, Scale scale, boolean showValues) {
        if (rows <= 0 || columns <= 0 || values.length != rows * columns) {
            throw new IllegalArgumentException("a " + rows + "x" + columns + " heatmap needs " + rows * columns
                    + " values, got " + values.length);
        }
        this.title = title == null ? "" : title;
        this.rows = rows;
        this.columns = columns;
        this.values = values.clone();
        this.scale = scale;
        this.showValues = showValues;
    }

    /** A confusion matrix with integer counts in the cells: {@code counts[trueClass][predictedClass]}. */
    public static Heatmap confusion(String title, int[][] counts) {
        int n = counts.length;
        float[] values = new float[n * n];
        for (int r = 0; r < n; r++) {
            if (counts[r].length != n) {
                throw new IllegalArgumentException("confusion matrix row " + r + " has " + counts[r].length
                        + " columns, expected " + n);
            }
            for (int c = 0; c < n; c++) {
                values[r * n + c] = counts[r][c];
            }
        }
        return new Heatmap(title, n, n, values, Scale.SEQUENTIAL, true);
    }

    public String title() {
        return title;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public float value(int row, int column) {
        return values[row * columns + column];
    }

    public Scale scale() {
        return scale;
    }

    public boolean showsValues() {
        return showValues;
    }

    /**
     * Where a cell sits on the colour scale: 0..1 for {@link Scale#SEQUENTIAL} (0 = zero or less, 1 = the
     * largest value), -1..1 for {@link Scale#DIVERGING} (±1 = the largest magnitude). An all-zero grid gives 0.
     */
    public float intensity(int row, int column) {
        float v = value(row, column);
        if (!Float.isFinite(v)) {
            return 0f;
        }
        float extent = 0f;
        for (float x : values) {
            if (Float.isFinite(x)) {
                extent = Math.max(extent, scale == Scale.SEQUENTIAL ? x : Math.abs(x));
            }
        }
        if (extent == 0f) {
            return 0f;
        }
        return scale == Scale.SEQUENTIAL ? Math.max(0f, v) / extent : v / extent;
    }

    /** Linear blend of two ARGB colours, t in [0, 1] (clamped). */
    public static int blend(int from, int to, float t) {
        t = Math.max(0f, Math.min(1f, t));
        int color = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            int a = (from >>> shift) & 0xFF;
            int b = (to >>> shift) & 0xFF;
            color |= Math.round(a + (b - a) * t) << shift;
        }
        return color;
    }
}
