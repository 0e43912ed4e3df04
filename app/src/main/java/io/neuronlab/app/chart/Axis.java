package io.neuronlab.app.chart;

import java.util.Locale;

/**
 * One axis of a chart: a range widened to "nice" tick values (1, 2 or 5 × 10^k apart), the ticks, their labels
 * and the mapping of a value to a fraction of the axis' length.
 */
public final class Axis {
    private final double min;
    private final double max;
    private final double step;
    private final int decimals;

    private Axis(double min, double max, double step) {
        this.min = min;
        this.max = max;
        this.step = step;
        this.decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }

    /**
     * An axis covering [low, high] with at most {@code maxTicks} ticks, its ends on ticks. An empty or one-point
     * range is widened around its value; non-finite bounds give the axis 0..1.
     */
    public static Axis covering(double low, double high, int maxTicks) {
        return covering(low, high, maxTicks, false);
    }

    /** As above; with {@code wholeSteps} ticks are whole numbers (epochs, counts): the step is at least 1. */
    public static Axis covering(double low, double high, int maxTicks, boolean wholeSteps) {
        if (maxTicks < 3) {
            // a range across zero always needs a tick below, at and above it
            throw new IllegalArgumentException("an axis needs at least 3 ticks, got " + maxTicks);
        }
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            low = 0;
            high = 1;
        }
        if (low > high) {
            double t = low;
            low = high;
            high = t;
        }
        if (high - low < 1e-12 * Math.max(1, Math.abs(high))) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            low -= pad;
            high += pad;
        }
        double step = niceNumber((high - low) / (maxTicks - 1), true);
        if (wholeSteps && step < 1) {
            step = 1;
        }
        // the widened range may need one more step than the estimate: grow the step until the ticks fit
        while (Math.ceil(high / step - 1e-9) - Math.floor(low / step + 1e-9) + 1 > maxTicks) {
            step = niceNumber(step * 1.5, false);
        }
        double min = Math.floor(low / step + 1e-9) * step;
        double max = Math.ceil(high / step - 1e-9) * step;
        return new Axis(min, max, step);
    }

    /** The smallest 1, 2, 5 or 10 × 10^k at least {@code value} (rounded to the nearest if {@code round}). */
    static double niceNumber(double value, boolean round) {
        double exponent = Math.floor(Math.log10(value));
        double fraction = value / Math.pow(10, exponent);
        double nice;
        if (round) {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        }
        return nice * Math.pow(10, exponent);
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double step() {
        return step;
    }

    /** The tick values from min to max inclusive. */
    public double[] ticks() {
        int count = (int) Math.round((max - min) / step) + 1;
        double[] ticks = new double[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = min + i * step;
        }
        return ticks;
    }

    /** A tick's label with as many decimals as the step needs ("0.25" for step 0.05, "1200" for step 200). */
    public String label(double tick) {
        double rounded = Math.abs(tick) < step * 1e-6 ? 0 : tick;
        return String.format(Locale.ROOT, "%." + decimals + "f", rounded);
    }

    /** 0 at min, 1 at max (outside for values outside the range). */
    public float fraction(double value) {
        return (float) ((value - min) / (max - min));
    }
}
