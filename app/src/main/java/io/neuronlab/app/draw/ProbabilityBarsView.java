package io.neuronlab.app.draw;

import android.content.Context;
import android.graphics.Canvas;
import android.graphics.Paint;
import android.util.AttributeSet;
import android.view.View;

import androidx.core.content.ContextCompat;

import io.neuronlab.app.R;

/** Ten vertical bars, one per digit 0–9, height = probability; the top digit's bar is in the accent colour. */
public class ProbabilityBarsView extends View {
    private final Paint bar = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint top = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint label = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint track = new Paint(Paint.ANTI_ALIAS_FLAG);
    private float[] probabilities;

    public ProbabilityBarsView(Context context) {
        this(context, null);
    }

    public ProbabilityBarsView(Context context, AttributeSet attrs) {
        super(context, attrs);
        // the app palette (res/values and values-night): primary for the winner, outline for the rest
        bar.setColor(ContextCompat.getColor(context, R.color.outline));
        top.setColor(ContextCompat.getColor(context, R.color.primary));
        label.setColor(ContextCompat.getColor(context, R.color.on_surface));
        track.setColor(ContextCompat.getColor(context, R.color.surface_variant));
        label.setTextAlign(Paint.Align.CENTER);
        label.setTextSize(14 * getResources().getDisplayMetrics().scaledDensity);
    }

    /** @param probabilities ten values in [0, 1], or null to show empty tracks */
    public void setProbabilities(float[] probabilities) {
        this.probabilities = probabilities == null ? null : probabilities.clone();
        StringBuilder sb = new StringBuilder();
        if (probabilities != null) {
            for (int d = 0; d < 10; d++) sb.append(d).append(": ").append(Math.round(probabilities[d] * 100)).append("%  ");
        }
        setContentDescription(sb.toString().trim());
        invalidate();
    }

    public float[] probabilities() {
        return probabilities == null ? null : probabilities.clone();
    }

    @Override
    protected void onMeasure(int widthSpec, int heightSpec) {
        int width = MeasureSpec.getSize(widthSpec);
        int wanted = Math.round(96 * getResources().getDisplayMetrics().density);
        setMeasuredDimension(width, resolveSize(wanted, heightSpec));
    }

    @Override
    protected void onDraw(Canvas canvas) {
        float slot = getWidth() / 10f;
        float labelHeight = label.getTextSize() * 1.4f;
        float barsBottom = getHeight() - labelHeight;
        int best = -1;
        if (probabilities != null) {
            best = 0;
            for (int d = 1; d < 10; d++) if (probabilities[d] > probabilities[best]) best = d;
        }
        for (int d = 0; d < 10; d++) {
            float left = d * slot + slot * 0.2f, right = (d + 1) * slot - slot * 0.2f;
            canvas.drawRect(left, 0, right, barsBottom, track);
            if (probabilities != null) {
                float h = barsBottom * Math.max(0, Math.min(1, probabilities[d]));
                canvas.drawRect(left, barsBottom - h, right, barsBottom, d == best ? top : bar);
            }
            canvas.drawText(String.valueOf(d), (d + 0.5f) * slot, getHeight() - label.getTextSize() * 0.3f, label);
        }
    }
}
