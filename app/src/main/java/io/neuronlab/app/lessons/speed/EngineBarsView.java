package io.neuronlab.app.lessons.speed;

import android.content.Context;
import android.graphics.Canvas;
import android.graphics.Paint;
import android.util.AttributeSet;
import android.view.View;
import androidx.core.content.ContextCompat;
import io.neuronlab.app.R;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Horizontal bars, one per engine, length = ms per image (shorter is faster); the fastest in the accent colour. */
public class EngineBarsView extends View {
    /** One bar: the engine's name and its time, or NaN when the engine is unavailable (drawn as an empty track). */
    public record Bar(String label, double millisPerImage) {
    }

    private final Paint bar = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint fastest = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint track = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint text = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final float density;
    private List<Bar> bars = new ArrayList<>();

    public EngineBarsView(Context context) {
        this(context, null);
    }

    public EngineBarsView(Context context, AttributeSet attrs) {
        super(context, attrs);
        density = getResources().getDisplayMetrics().density;
        bar.setColor(ContextCompat.getColor(context, R.color.outline));
        fastest.setColor(ContextCompat.getColor(context, R.color.primary));
        track.setColor(ContextCompat.getColor(context, R.color.surface_variant));
        text.setColor(ContextCompat.getColor(context, R.color.on_surface));
        text.setTextSize(14 * getResources().getDisplayMetrics().scaledDensity);
    }

    public void setBars(List<Bar> bars) {
        this.bars = new ArrayList<>(bars);
        StringBuilder sb = new StringBuilder();
        for (Bar b : bars) {
            sb.append(b.label()).append(": ").append(Double.isNaN(b.millisPerImage()) ? "-"
                    : String.format(Locale.ROOT, "%.3f ms", b.millisPerImage())).append(". ");
        }
        setContentDescription(sb.toString().trim());
        requestLayout();
        invalidate();
    }

    public List<Bar> bars() {
        return new ArrayList<>(bars);
    }

    private float rowHeight() {
        return text.getTextSize() * 1.4f + 20 * density;
    }

    @Override
    protected void onMeasure(int widthSpec, int heightSpec) {
        int wanted = Math.round(Math.max(1, bars.size()) * rowHeight());
        setMeasuredDimension(MeasureSpec.getSize(widthSpec), resolveSize(wanted, heightSpec));
    }

    @Override
    protected void onDraw(Canvas canvas) {
        double max = 0;
        double min = Double.MAX_VALUE;
        for (Bar b : bars) {
            if (!Double.isNaN(b.millisPerImage())) {
                max = Math.max(max, b.millisPerImage());
                min = Math.min(min, b.millisPerImage());
            }
        }
        float row = rowHeight();
        float barHeight = 16 * density;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            float top = i * row;
            float baseline = top + text.getTextSize();
            String value = Double.isNaN(b.millisPerImage()) ? "—"
                    : String.format(Locale.getDefault(), "%.3f ms/image", b.millisPerImage());
            canvas.drawText(b.label() + "   " + value, 0, baseline, text);
            float barTop = baseline + 6 * density;
            canvas.drawRect(0, barTop, getWidth(), barTop + barHeight, track);
            if (!Double.isNaN(b.millisPerImage()) && max > 0) {
                float w = (float) (getWidth() * b.millisPerImage() / max);
                canvas.drawRect(0, barTop, Math.max(2 * density, w), barTop + barHeight,
                        b.millisPerImage() == min ? fastest : bar);
            }
        }
    }
}
