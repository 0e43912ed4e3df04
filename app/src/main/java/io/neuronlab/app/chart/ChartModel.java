package io.neuronlab.app.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link ChartView} draws, without Android: the series, the axis titles and the axes fitted to the
 * finite data (or a fixed y range, e.g. accuracy 0..1). Immutable.
 */
public final class ChartModel {
    /** Ticks per axis at most: readable on a phone-width chart. */
    static final int MAX_TICKS = 6;

    private final List<Series> series;
    private final String xTitle;
    private final String yTitle;
    private final float fixedYMin;
    private final float fixedYMax;
    private final boolean wholeNumberX;
    private final float fixedXMin;
    private final float fixedXMax;

    public ChartModel(List<Series> series, String xTitle, String yTitle, float fixedYMin, float fixedYMax) {
        this(series, xTitle, yTitle, fixedYMin, fixedYMax, false);
    }

    /** @param wholeNumberX x ticks only at whole numbers (epochs) */
    public ChartModel(List<Series> series, String xTitle, String yTitle, float fixedYMin, float fixedYMax,
                      boolean wholeNumberX) {
        this(series, xTitle, yTitle, Float.NaN, Float.NaN, fixedYMin, fixedYMax, wholeNumberX);
    }

    /** With fixed x bounds too (either may be NaN: fitted to the data on that side), e.g. a plot over −5..5. */
    public ChartModel(List<Series> series, String xTitle, String yTitle, float fixedXMin, float fixedXMax,
                      float fixedYMin, float fixedYMax, boolean wholeNumberX) {
        this.wholeNumberX = wholeNumberX;
        this.fixedXMin = fixedXMin;
        this.fixedXMax = fixedXMax;
        this.series = Collections.unmodifiableList(new ArrayList<>(series));
        this.xTitle = xTitle == null ? "" : xTitle;
        this.yTitle = yTitle == null ? "" : yTitle;
        this.fixedYMin = fixedYMin;
        this.fixedYMax = fixedYMax;
    }

    public static ChartModel empty() {
        return new ChartModel(Collections.emptyList(), "", "", Float.NaN, Float.NaN, false);
    }

    public List<Series> series() {
        return series;
    }

    public String xTitle() {
        return xTitle;
    }

    public String yTitle() {
        return yTitle;
    }

    /** True when no series has a finite point. */
    public boolean isEmpty() {
        for (Series s : series) {
            for (int i = 0; i < s.size(); i++) {
                if (Float.isFinite(s.x(i)) && Float.isFinite(s.y(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Fitted to the finite x values (bars: their whole width); a fixed bound wins over the data on its side. */
    public Axis xAxis() {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double half = s.isBars() ? s.barWidth() / 2.0 : 0;
            for (int i = 0; i < s.size(); i++) {
                if (Float.isFinite(s.x(i)) && Float.isFinite(s.y(i))) {
                    low = Math.min(low, s.x(i) - half);
                    high = Math.max(high, s.x(i) + half);
                }
            }
        }
        if (Float.isFinite(fixedXMin)) {
            low = fixedXMin;
            high = Math.max(high, fixedXMin);
        }
        if (Float.isFinite(fixedXMax)) {
            high = fixedXMax;
            low = Math.min(low, fixedXMax);
        }
        return Axis.covering(low, high, MAX_TICKS, wholeNumberX);
    }

    /** Fitted to the finite y values (and 0 when there are bars); a fixed bound wins over the data on its side. */
    public Axis yAxis() {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.size(); i++) {
                if (Float.isFinite(s.x(i)) && Float.isFinite(s.y(i))) {
                    low = Math.min(low, s.y(i));
                    high = Math.max(high, s.y(i));
                    if (s.isBars()) {
                        low = Math.min(low, 0);
                        high = Math.max(high, 0);
                    }
                }
            }
        }
        if (Float.isFinite(fixedYMin)) {
            low = fixedYMin;
            high = Math.max(high, fixedYMin);
        }
        if (Float.isFinite(fixedYMax)) {
            high = fixedYMax;
            low = Math.min(low, fixedYMax);
        }
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return Axis.covering(Float.isFinite(fixedYMin) ? fixedYMin : 0, Float.isFinite(fixedYMax) ? fixedYMax : 1,
                    MAX_TICKS);
        }
        return Axis.covering(low, high, MAX_TICKS);
    }

    /**
     * One sentence per series for screen readers, e.g. "loss: 120 points, from 2.31 to 0.18, last 0.18"; the
     * numbers are formatted with 3 significant digits. {@code pointsFormat} is a localised format with
     * arguments label (%1$s), point count (%2$d), first (%3$s), last (%4$s), lowest (%5$s), highest (%6$s).
     */
    public String describe(String pointsFormat, String noDataText) {
        StringBuilder text = new StringBuilder();
        if (!yTitle.isEmpty() || !xTitle.isEmpty()) {
            text.append(yTitle).append(" / ").append(xTitle).append(". ");
        }
        if (isEmpty()) {
            return text.append(noDataText).toString().trim();
        }
        for (Series s : series) {
            float first = Float.NaN;
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            int finite = 0;
            for (int i = 0; i < s.size(); i++) {
                float y = s.y(i);
                if (Float.isFinite(y)) {
                    if (finite++ == 0) {
                        first = y;
                    }
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                }
            }
            if (finite == 0) {
                continue;
            }
            text.append(String.format(Locale.getDefault(), pointsFormat, s.label(), s.size(), number(first),
                    number(s.lastFinite()), number(min), number(max))).append(' ');
        }
        return text.toString().trim();
    }

    static String number(float value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
