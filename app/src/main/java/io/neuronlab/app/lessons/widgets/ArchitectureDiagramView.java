package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.graphics.Canvas;
import android.graphics.Paint;
import android.graphics.Path;
import android.graphics.RectF;
import android.text.TextPaint;
import android.view.View;
import androidx.core.content.ContextCompat;
import io.neuronlab.app.R;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Draws an {@link ArchitectureDiagram}: one rounded block per layer from input (top) to output, arrows between;
 * an Inception block as its lanes side by side, a residual block with its shortcut arc on the right. Theme colours
 * (dark in the night theme); the content description lists the blocks.
 */
public final class ArchitectureDiagramView extends View {
    private final TextPaint label = new TextPaint(Paint.ANTI_ALIAS_FLAG);
    private final TextPaint small = new TextPaint(Paint.ANTI_ALIAS_FLAG);
    private final Paint fill = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint line = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final float dp;
    private List<ArchitectureDiagram.Block> blocks = Collections.emptyList();

    public ArchitectureDiagramView(Context context) {
        super(context);
        dp = getResources().getDisplayMetrics().density;
        float sp = getResources().getDisplayMetrics().scaledDensity;
        label.setTextSize(13 * sp);
        small.setTextSize(11 * sp);
        line.setStyle(Paint.Style.STROKE);
        line.setStrokeWidth(1.5f * dp);
        line.setColor(ContextCompat.getColor(context, R.color.outline));
    }

    public void setBlocks(List<ArchitectureDiagram.Block> blocks, String description) {
        this.blocks = blocks;
        setContentDescription(description);
        requestLayout();
        invalidate();
    }

    public List<ArchitectureDiagram.Block> blocks() {
        return blocks;
    }

    private float rowHeight() {
        return label.getTextSize() * 1.9f;
    }

    private float height(ArchitectureDiagram.Block b) {
        return b.kind() == ArchitectureDiagram.Kind.INCEPTION ? rowHeight() + small.getTextSize() * 4.2f : rowHeight();
    }

    private float gap() {
        return 10 * dp;
    }

    @Override
    protected void onMeasure(int widthSpec, int heightSpec) {
        float h = 0;
        for (ArchitectureDiagram.Block b : blocks) {
            h += height(b) + gap();
        }
        setMeasuredDimension(MeasureSpec.getSize(widthSpec), resolveSize(Math.round(h), heightSpec));
    }

    @Override
    protected void onDraw(Canvas canvas) {
        float left = 2 * dp;
        float right = getWidth() - 28 * dp; // room for the shortcut arcs
        float y = 0;
        Context c = getContext();
        for (int i = 0; i < blocks.size(); i++) {
            ArchitectureDiagram.Block b = blocks.get(i);
            float h = height(b);
            int background;
            int text;
            switch (b.kind()) {
                case POOL -> {
                    background = R.color.secondary_container;
                    text = R.color.on_secondary_container;
                }
                case DENSE -> {
                    background = R.color.surface;
                    text = R.color.on_surface;
                }
                default -> {
                    background = R.color.primary_container;
                    text = R.color.on_primary_container;
                }
            }
            fill.setColor(ContextCompat.getColor(c, background));
            RectF box = new RectF(left, y, right, y + h);
            canvas.drawRoundRect(box, 6 * dp, 6 * dp, fill);
            canvas.drawRoundRect(box, 6 * dp, 6 * dp, line);
            label.setColor(ContextCompat.getColor(c, text));
            small.setColor(label.getColor());
            float baseline = y + rowHeight() / 2 - (label.descent() + label.ascent()) / 2;
            String count = b.parameters() > 0 ? String.format(Locale.ROOT, "%,d", b.parameters()) : "";
            float countWidth = small.measureText(count);
            canvas.drawText(count, right - 6 * dp - countWidth, baseline, small);
            CharSequence name = fit(b.label(), label, right - left - countWidth - 20 * dp);
            canvas.drawText(name, 0, name.length(), left + 6 * dp, baseline, label);
            if (b.kind() == ArchitectureDiagram.Kind.INCEPTION) {
                drawLanes(canvas, b.lanes(), left + 6 * dp, y + rowHeight(), right - 6 * dp, y + h - 6 * dp);
            }
            if (b.kind() == ArchitectureDiagram.Kind.RESIDUAL) {
                drawShortcut(canvas, right, y, y + h);
            }
            if (i < blocks.size() - 1) {
                float x = (left + right) / 2;
                canvas.drawLine(x, y + h, x, y + h + gap(), line);
                canvas.drawLine(x - 3 * dp, y + h + gap() - 4 * dp, x, y + h + gap(), line);
                canvas.drawLine(x + 3 * dp, y + h + gap() - 4 * dp, x, y + h + gap(), line);
            }
            y += h + gap();
        }
    }

    /** {@code text}, cut and ended with "…" where it is wider than {@code width} pixels. */
    private static String fit(String text, Paint paint, float width) {
        if (paint.measureText(text) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 0 && paint.measureText(text, 0, end) + paint.measureText("…") > width) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** Inception: the branches side by side, each a small box with its steps one per line. */
    private void drawLanes(Canvas canvas, List<String> lanes, float left, float top, float right, float bottom) {
        float width = (right - left) / lanes.size();
        fill.setColor(ContextCompat.getColor(getContext(), R.color.surface));
        TextPaint text = new TextPaint(small);
        text.setColor(ContextCompat.getColor(getContext(), R.color.on_surface));
        for (int k = 0; k < lanes.size(); k++) {
            RectF lane = new RectF(left + k * width + 2 * dp, top, left + (k + 1) * width - 2 * dp, bottom);
            canvas.drawRoundRect(lane, 4 * dp, 4 * dp, fill);
            String[] steps = lanes.get(k).split(" → ");
            float baseline = top + text.getTextSize() * 1.2f;
            for (String step : steps) {
                CharSequence s = fit(step, text, lane.width() - 4 * dp);
                canvas.drawText(s, 0, s.length(), lane.left + 2 * dp, baseline, text);
                baseline += text.getTextSize() * 1.1f;
            }
        }
    }

    /** Residual: an arc from the block's input around its right side to the addition at its output. */
    private void drawShortcut(Canvas canvas, float right, float top, float bottom) {
        Paint arc = new Paint(line);
        arc.setColor(ContextCompat.getColor(getContext(), R.color.tertiary));
        arc.setStrokeWidth(2 * dp);
        Path path = new Path();
        path.moveTo(right - 12 * dp, top - gap() / 2);
        path.cubicTo(right + 24 * dp, top, right + 24 * dp, bottom, right - 12 * dp, bottom + gap() / 2);
        canvas.drawPath(path, arc);
        Paint plus = new Paint(small);
        plus.setColor(arc.getColor());
        canvas.drawText("+", right + 8 * dp, bottom + small.getTextSize() * 0.3f, plus);
    }
}
