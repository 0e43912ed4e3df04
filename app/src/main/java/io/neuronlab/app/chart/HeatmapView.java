package io.neuronlab.app.chart;

import android.content.Context;
import android.graphics.Canvas;
import android.graphics.Paint;
import android.util.AttributeSet;
import android.view.View;
import androidx.core.content.ContextCompat;
import io.neuronlab.app.R;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The app's heatmap: one or more {@link Heatmap} grids side by side (wrapping into rows), each with its title —
 * a confusion matrix with counts and row/column numbers, or the first layer's filters as small images. Colours
 * come from the theme (res/values{,-night}/colors_chart.xml): zero is the surface, large values the primary
 * colour, negative ones (diverging scale) the second chart colour. Call from the main thread.
 */
public class HeatmapView extends View {
    private final Paint cell = new Paint();
    private final Paint text = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint border = new Paint();
    private final float density;
    private final int low;
    private final int high;
    private final int negative;
    private final int onHigh;
    private List<Heatmap> maps = Collections.emptyList();
    private float tileSizeDp = 56;

    public HeatmapView(Context context) {
        this(context, null);
    }

    public HeatmapView(Context context, AttributeSet attrs) {
        super(context, attrs);
        density = getResources().getDisplayMetrics().density;
        low = ContextCompat.getColor(context, R.color.heat_low);
        high = ContextCompat.getColor(context, R.color.heat_high);
        negative = ContextCompat.getColor(context, R.color.heat_negative);
        onHigh = ContextCompat.getColor(context, R.color.on_primary);
        text.setColor(ContextCompat.getColor(context, R.color.on_surface_variant));
        text.setTextSize(11 * getResources().getDisplayMetrics().scaledDensity);
        text.setTextAlign(Paint.Align.CENTER);
        border.setColor(ContextCompat.getColor(context, R.color.outline));
        border.setStyle(Paint.Style.STROKE);
        border.setStrokeWidth(density);
        setContentDescription(getResources().getString(R.string.chart_no_data));
    }

    /** One grid filling the width (a confusion matrix). */
    public void setHeatmap(Heatmap map) {
        setHeatmaps(Collections.singletonList(map), 0);
    }

    /**
     * Several small grids (filters), each {@code tileSizeDp} wide; 0 lets a single grid fill the width.
     */
    public void setHeatmaps(List<Heatmap> maps, float tileSizeDp) {
        this.maps = new ArrayList<>(maps);
        this.tileSizeDp = tileSizeDp;
        setContentDescription(describe());
        requestLayout();
        invalidate();
    }

    public List<Heatmap> heatmaps() {
        return Collections.unmodifiableList(maps);
    }

    private String describe() {
        if (maps.isEmpty()) {
            return getResources().getString(R.string.chart_no_data);
        }
        StringBuilder sb = new StringBuilder();
        for (Heatmap m : maps) {
            if (m.showsValues() && m.rows() == m.columns()) {
                int diagonal = 0;
                int total = 0;
                for (int r = 0; r < m.rows(); r++) {
                    for (int c = 0; c < m.columns(); c++) {
                        total += Math.round(m.value(r, c));
                        if (r == c) {
                            diagonal += Math.round(m.value(r, c));
                        }
                    }
                }
                sb.append(getResources().getString(R.string.chart_confusion_summary, m.title(), diagonal, total));
            } else {
                sb.append(getResources().getString(R.string.chart_grid_summary, m.title(), m.rows(), m.columns()));
            }
            sb.append(' ');
        }
        return sb.toString().trim();
    }

    private boolean singleWide() {
        return tileSizeDp <= 0;
    }

    private float labelSpace(Heatmap m) {
        return m.showsValues() ? text.getTextSize() * 1.5f : 0f;
    }

    @Override
    protected void onMeasure(int widthSpec, int heightSpec) {
        int width = MeasureSpec.getSize(widthSpec);
        float titleHeight = text.getTextSize() * 1.6f;
        int wanted;
        if (maps.isEmpty()) {
            wanted = Math.round(48 * density);
        } else if (singleWide()) {
            Heatmap m = maps.get(0);
            float side = Math.min(width, 360 * density) - labelSpace(m);
            wanted = Math.round(titleHeight + labelSpace(m) + side * m.rows() / m.columns());
        } else {
            float tile = tileSizeDp * density;
            float gap = 8 * density;
            int perRow = Math.max(1, (int) ((width + gap) / (tile + gap)));
            int rows = (maps.size() + perRow - 1) / perRow;
            wanted = Math.round(rows * (tile + titleHeight + gap));
        }
        setMeasuredDimension(width, resolveSize(wanted, heightSpec));
    }

    @Override
    protected void onDraw(Canvas canvas) {
        float titleHeight = text.getTextSize() * 1.6f;
        if (maps.isEmpty()) {
            canvas.drawText(getResources().getString(R.string.chart_no_data), getWidth() / 2f, getHeight() / 2f,
                    text);
            return;
        }
        if (singleWide()) {
            Heatmap m = maps.get(0);
            float side = Math.min(getWidth(), 360 * density) - labelSpace(m);
            drawMap(canvas, m, 0, 0, side, side * m.rows() / m.columns(), titleHeight);
            return;
        }
        float tile = tileSizeDp * density;
        float gap = 8 * density;
        int perRow = Math.max(1, (int) ((getWidth() + gap) / (tile + gap)));
        for (int i = 0; i < maps.size(); i++) {
            float left = (i % perRow) * (tile + gap);
            float top = (i / perRow) * (tile + titleHeight + gap);
            Heatmap m = maps.get(i);
            drawMap(canvas, m, left, top, tile, tile * m.rows() / m.columns(), titleHeight);
        }
    }

    private void drawMap(Canvas canvas, Heatmap m, float left, float top, float width, float height,
                         float titleHeight) {
        float labels = labelSpace(m);
        float textSize = text.getTextSize();
        float gridLeft = left + labels;
        float gridTop = top + titleHeight + labels;
        canvas.drawText(m.title(), gridLeft + width / 2f, top + textSize, text);
        float cw = width / m.columns();
        float ch = height / m.rows();
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.columns(); c++) {
                float t = m.intensity(r, c);
                cell.setColor(t >= 0 ? Heatmap.blend(low, high, t) : Heatmap.blend(low, negative, -t));
                canvas.drawRect(gridLeft + c * cw, gridTop + r * ch, gridLeft + (c + 1) * cw,
                        gridTop + (r + 1) * ch, cell);
            }
        }
        canvas.drawRect(gridLeft, gridTop, gridLeft + width, gridTop + height, border);
        if (!m.showsValues()) {
            return;
        }
        int normal = text.getColor();
        for (int i = 0; i < m.columns(); i++) {
            canvas.drawText(String.valueOf(i), gridLeft + (i + 0.5f) * cw, gridTop - textSize * 0.4f, text);
        }
        for (int r = 0; r < m.rows(); r++) {
            canvas.drawText(String.valueOf(r), left + labels / 2f, gridTop + (r + 0.5f) * ch + textSize / 3f, text);
        }
        if (cw < textSize * 1.2f) {
            return;
        }
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.columns(); c++) {
                float v = m.value(r, c);
                if (v == 0f) {
                    continue;
                }
                text.setColor(m.intensity(r, c) > 0.5f ? onHigh : normal);
                canvas.drawText(String.format(Locale.getDefault(), "%d", Math.round(v)), gridLeft + (c + 0.5f) * cw,
                        gridTop + (r + 0.5f) * ch + textSize / 3f, text);
            }
        }
        text.setColor(normal);
    }
}
