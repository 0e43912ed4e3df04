package io.neuronlab.app.chart;

import android.content.Context;
import android.graphics.Canvas;
import android.graphics.DashPathEffect;
import android.graphics.Paint;
import android.graphics.Path;
import android.util.AttributeSet;
import android.view.View;
import androidx.core.content.ContextCompat;
import io.neuronlab.app.R;
import java.util.List;

/**
 * The app's line chart: several {@link Series} overlaid, a legend, axes with ticks, tick labels and titles, in
 * the theme's colours (res/values{,-night}/colors_chart.xml). Every screen that plots uses it.
 *
 * <pre>
 * chart.setAxisTitles(getString(R.string.batch), getString(R.string.loss));
 * chart.setSeries(Arrays.asList(raw.faint(), raw.smoothed("smoothed", 0.9f)));
 * chart.setYRange(0f, 1f);   // optional: fixed bounds, e.g. accuracy
 * chart.setWholeNumberX(true); // optional: x ticks 1, 2, 3 (epochs)
 * chart.setXRange(-5f, 5f);   // optional: fixed x bounds (a function plotted over an interval)
 * chart.setSeries(Collections.singletonList(histogram.bars())); // bars instead of a line
 * </pre>
 *
 * The content description summarises every series (points, first, last, lowest, highest). Call from the main
 * thread.
 */
public class ChartView extends View {
    private final Paint line = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint grid = new Paint();
    private final Paint axis = new Paint();
    private final Paint text = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint dot = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Path path = new Path();
    private final float density;
    private List<Series> series = java.util.Collections.emptyList();
    private String xTitle = "";
    private String yTitle = "";
    private float fixedYMin = Float.NaN;
    private float fixedYMax = Float.NaN;
    private boolean wholeNumberX;
    private float fixedXMin = Float.NaN;
    private float fixedXMax = Float.NaN;
    private final Paint bar = new Paint(Paint.ANTI_ALIAS_FLAG);
    private ChartModel model = ChartModel.empty();

    public ChartView(Context context) {
        this(context, null);
    }

    public ChartView(Context context, AttributeSet attrs) {
        super(context, attrs);
        density = getResources().getDisplayMetrics().density;
        line.setStyle(Paint.Style.STROKE);
        line.setStrokeJoin(Paint.Join.ROUND);
        line.setStrokeCap(Paint.Cap.ROUND);
        grid.setColor(ContextCompat.getColor(context, R.color.chart_grid));
        grid.setStrokeWidth(density);
        grid.setPathEffect(new DashPathEffect(new float[] {4 * density, 4 * density}, 0));
        axis.setColor(ContextCompat.getColor(context, R.color.on_surface_variant));
        axis.setStrokeWidth(density);
        text.setColor(ContextCompat.getColor(context, R.color.on_surface_variant));
        text.setTextSize(12 * getResources().getDisplayMetrics().scaledDensity);
        setContentDescription(describe());
    }

    /** The chart colours of the current theme, in the order series should use them (6 colours). */
    public static int[] palette(Context context) {
        int[] ids = {R.color.chart_1, R.color.chart_2, R.color.chart_3, R.color.chart_4, R.color.chart_5,
                R.color.chart_6};
        int[] colors = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            colors[i] = ContextCompat.getColor(context, ids[i]);
        }
        return colors;
    }

    /** Replaces what is drawn; the legend lists the series in this order (faint ones too). */
    public void setSeries(List<Series> series) {
        this.series = new java.util.ArrayList<>(series);
        update();
    }

    public void setAxisTitles(String xTitle, String yTitle) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        update();
    }

    /** Fixed y bounds (either may be NaN: fitted to the data on that side). */
    public void setYRange(float min, float max) {
        this.fixedYMin = min;
        this.fixedYMax = max;
        update();
    }

    /** Fixed x bounds (either may be NaN: fitted to the data on that side); points outside are clipped. */
    public void setXRange(float min, float max) {
        this.fixedXMin = min;
        this.fixedXMax = max;
        update();
    }

    /** Ticks on the x axis only at whole numbers (epochs rather than 1.5). */
    public void setWholeNumberX(boolean on) {
        this.wholeNumberX = on;
        update();
    }

    /** What is drawn now (for tests and for the screen's own summaries). */
    public ChartModel model() {
        return model;
    }

    private void update() {
        model = new ChartModel(series, xTitle, yTitle, fixedXMin, fixedXMax, fixedYMin, fixedYMax, wholeNumberX);
        setContentDescription(describe());
        invalidate();
    }

    private String describe() {
        return model.describe(getResources().getString(R.string.chart_series_summary),
                getResources().getString(R.string.chart_no_data));
    }

    @Override
    protected void onMeasure(int widthSpec, int heightSpec) {
        int wanted = Math.round(200 * density);
        setMeasuredDimension(MeasureSpec.getSize(widthSpec), resolveSize(wanted, heightSpec));
    }

    @Override
    protected void onDraw(Canvas canvas) {
        float textSize = text.getTextSize();
        float gap = 4 * density;
        Axis x = model.xAxis();
        Axis y = model.yAxis();
        double[] yTicks = y.ticks();
        double[] xTicks = x.ticks();

        // legend rows on top, wrapped
        float legendBottom = drawLegend(canvas, textSize, gap);

        float yLabelWidth = 0;
        for (double t : yTicks) {
            yLabelWidth = Math.max(yLabelWidth, text.measureText(y.label(t)));
        }
        float left = getPaddingLeft() + (yTitle.isEmpty() ? 0 : textSize + gap) + yLabelWidth + gap;
        float right = getWidth() - getPaddingRight() - text.measureText(x.label(x.max())) / 2f;
        float top = legendBottom + textSize / 2f;
        float bottom = getHeight() - getPaddingBottom() - textSize - gap - (xTitle.isEmpty() ? 0 : textSize + gap);
        if (right - left < 10 * density || bottom - top < 10 * density) {
            return;
        }

        text.setTextAlign(Paint.Align.RIGHT);
        for (double t : yTicks) {
            float py = bottom - y.fraction(t) * (bottom - top);
            canvas.drawLine(left, py, right, py, grid);
            canvas.drawText(y.label(t), left - gap, py + textSize / 3f, text);
        }
        text.setTextAlign(Paint.Align.CENTER);
        for (double t : xTicks) {
            float px = left + x.fraction(t) * (right - left);
            canvas.drawLine(px, bottom, px, bottom + gap, axis);
            canvas.drawText(x.label(t), px, bottom + gap + textSize, text);
        }
        canvas.drawLine(left, top, left, bottom, axis);
        canvas.drawLine(left, bottom, right, bottom, axis);
        if (!xTitle.isEmpty()) {
            canvas.drawText(xTitle, (left + right) / 2f, getHeight() - getPaddingBottom() - textSize / 4f, text);
        }
        if (!yTitle.isEmpty()) {
            canvas.save();
            float cx = getPaddingLeft() + textSize * 0.8f;
            float cy = (top + bottom) / 2f;
            canvas.rotate(-90, cx, cy);
            canvas.drawText(yTitle, cx, cy, text);
            canvas.restore();
        }
        if (model.isEmpty()) {
            canvas.drawText(getResources().getString(R.string.chart_no_data), (left + right) / 2f,
                    (top + bottom) / 2f, text);
            return;
        }

        canvas.save();
        canvas.clipRect(left - 2 * density, top - 2 * density, right + 2 * density, bottom + 2 * density);
        for (Series s : series) {
            drawSeries(canvas, s, x, y, left, top, right, bottom);
        }
        canvas.restore();
    }

    private void drawSeries(Canvas canvas, Series s, Axis x, Axis y, float left, float top, float right,
                            float bottom) {
        if (s.isBars()) {
            drawBars(canvas, s, x, y, left, top, right, bottom);
            return;
        }
        line.setColor(s.isFaint() ? (s.color() & 0x00FFFFFF) | 0x60000000 : s.color());
        line.setStrokeWidth((s.isFaint() ? 1 : 2) * density);
        dot.setColor(line.getColor());
        path.reset();
        boolean drawing = false;
        int finite = 0;
        for (int i = 0; i < s.size(); i++) {
            if (!Float.isFinite(s.y(i)) || !Float.isFinite(s.x(i))) {
                drawing = false;
                continue;
            }
            finite++;
            float px = left + x.fraction(s.x(i)) * (right - left);
            float py = bottom - y.fraction(s.y(i)) * (bottom - top);
            if (drawing) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                drawing = true;
            }
        }
        canvas.drawPath(path, line);
        // few points (one per epoch): mark each so a single epoch is visible too
        if (finite <= 20 && !s.isFaint()) {
            for (int i = 0; i < s.size(); i++) {
                if (Float.isFinite(s.y(i)) && Float.isFinite(s.x(i))) {
                    canvas.drawCircle(left + x.fraction(s.x(i)) * (right - left),
                            bottom - y.fraction(s.y(i)) * (bottom - top), 3 * density, dot);
                }
            }
        }
    }

    /** A histogram: each bar centred on its x, 80 % of the bin wide (a gap shows the bins), from 0 to y. */
    private void drawBars(Canvas canvas, Series s, Axis x, Axis y, float left, float top, float right, float bottom) {
        bar.setColor(s.isFaint() ? (s.color() & 0x00FFFFFF) | 0x60000000 : s.color());
        float half = 0.4f * s.barWidth();
        float zero = bottom - Math.max(0f, Math.min(1f, y.fraction(0))) * (bottom - top);
        for (int i = 0; i < s.size(); i++) {
            if (!Float.isFinite(s.y(i)) || !Float.isFinite(s.x(i))) {
                continue;
            }
            float x0 = left + x.fraction(s.x(i) - half) * (right - left);
            float x1 = left + x.fraction(s.x(i) + half) * (right - left);
            float py = bottom - y.fraction(s.y(i)) * (bottom - top);
            canvas.drawRect(x0, Math.min(py, zero), Math.max(x1, x0 + density), Math.max(py, zero), bar);
        }
    }

    private float drawLegend(Canvas canvas, float textSize, float gap) {
        float top = getPaddingTop();
        if (series.isEmpty()) {
            return top;
        }
        float swatch = 16 * density;
        float px = getPaddingLeft();
        float baseline = top + textSize;
        text.setTextAlign(Paint.Align.LEFT);
        for (Series s : series) {
            float width = swatch + gap + text.measureText(s.label()) + 3 * gap;
            if (px + width > getWidth() - getPaddingRight() && px > getPaddingLeft()) {
                px = getPaddingLeft();
                baseline += textSize + gap;
            }
            line.setColor(s.isFaint() ? (s.color() & 0x00FFFFFF) | 0x60000000 : s.color());
            line.setStrokeWidth((s.isFaint() ? 2 : 3) * density);
            float cy = baseline - textSize / 3f;
            canvas.drawLine(px, cy, px + swatch, cy, line);
            canvas.drawText(s.label(), px + swatch + gap, baseline, text);
            px += width;
        }
        return baseline + gap;
    }
}
