package io.neuronlab.app.chart;

import java.util.Arrays;

/**
 * One line of a {@link ChartView}: a label for the legend, x and y values of equal length and an ARGB colour.
 * Non-finite y values (NaN, infinity: a diverged loss) are gaps: the line breaks there and they do not stretch
 * the axis. Immutable: the arrays are copied.
 */
public final class Series {
    private final String label;
    private final float[] x;
    private final float[] y;
    private final int color;
    private final boolean faint;
    private final boolean bars;

    /**
     * @param label shown in the legend and read out in the content description
     * @param x     x values, ascending (batch number, epoch)
     * @param y     y values, one per x
     * @param color ARGB, e.g. from {@link ChartView#palette(android.content.Context)}
     */
    public Series(String label, float[] x, float[] y, int color) {
        this(label, x, y, color, false, false);
    }

    private Series(String label, float[] x, float[] y, int color, boolean faint, boolean bars) {
        if (label == null) {
            throw new IllegalArgumentException("label must not be null");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        this.label = label;
        this.x = x.clone();
        this.y = y.clone();
        this.color = color;
        this.faint = faint;
        this.bars = bars;
    }

    /** y against 1, 2, 3, … (batch or epoch numbers). */
    public static Series of(String label, float[] y, int color) {
        float[] x = new float[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        return new Series(label, x, y, color);
    }

    /** The same series drawn thin and translucent, e.g. the raw loss behind its smoothed line. */
    public Series faint() {
        return new Series(label, x, y, color, true, bars);
    }

    /**
     * The same series drawn as bars (a histogram: x are the bins' centres, ascending and evenly spaced, y the
     * counts or fractions). The chart's y axis then includes 0, where the bars stand.
     */
    public Series bars() {
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                throw new IllegalArgumentException("bars need ascending x (bin centres), x[" + i + "] = " + x[i]
                        + " after " + x[i - 1]);
            }
        }
        return new Series(label, x, y, color, faint, true);
    }

    /** Width of one bar: the smallest gap between neighbouring x values (1 for a single bar). */
    public float barWidth() {
        float width = Float.POSITIVE_INFINITY;
        for (int i = 1; i < x.length; i++) {
            width = Math.min(width, x[i] - x[i - 1]);
        }
        return Float.isFinite(width) ? width : 1f;
    }

    /** This series' x with y exponentially smoothed ({@link Smoothing#exponential}), under a new label. */
    public Series smoothed(String smoothedLabel, float weight) {
        return new Series(smoothedLabel, x, Smoothing.exponential(y, weight), color, false, false);
    }

    public String label() {
        return label;
    }

    public int size() {
        return x.length;
    }

    public float x(int i) {
        return x[i];
    }

    public float y(int i) {
        return y[i];
    }

    public int color() {
        return color;
    }

    public boolean isFaint() {
        return faint;
    }

    /** Whether this series is drawn as bars ({@link #bars()}). */
    public boolean isBars() {
        return bars;
    }

    /** The last finite y, or NaN when there is none. */
    public float lastFinite() {
        for (int i = y.length - 1; i >= 0; i--) {
            if (Float.isFinite(y[i])) {
                return y[i];
            }
        }
        return Float.NaN;
    }

    @Override
    public String toString() {
        return label + " " + Arrays.toString(y);
    }
}
