package io.neuronlab.app.camera;

import android.content.Context;
import android.graphics.Canvas;
import android.graphics.Paint;
import android.graphics.Path;
import android.graphics.Rect;
import android.util.AttributeSet;
import android.view.View;

/** Darkens everything outside a centred box (80% of the width, half as tall as wide): aim the digits into the box. */
public class FramingBoxView extends View {
    private final Paint shade = new Paint();
    private final Paint border = new Paint(Paint.ANTI_ALIAS_FLAG);

    public FramingBoxView(Context context) {
        this(context, null);
    }

    public FramingBoxView(Context context, AttributeSet attrs) {
        super(context, attrs);
        shade.setColor(0x99000000);
        border.setColor(0xffffffff);
        border.setStyle(Paint.Style.STROKE);
        border.setStrokeWidth(3 * getResources().getDisplayMetrics().density);
    }

    /** The box in this view's coordinates. */
    public Rect box() {
        return box(getWidth(), getHeight());
    }

    /** The box for a view of the given size. */
    public static Rect box(int width, int height) {
        int w = Math.round(width * 0.8f), h = Math.min(height, Math.round(w * 0.5f));
        int left = (width - w) / 2, top = (height - h) / 2;
        return new Rect(left, top, left + w, top + h);
    }

    @Override
    protected void onDraw(Canvas canvas) {
        Rect b = box();
        Path outside = new Path();
        outside.setFillType(Path.FillType.EVEN_ODD);
        outside.addRect(0, 0, getWidth(), getHeight(), Path.Direction.CW);
        outside.addRect(b.left, b.top, b.right, b.bottom, Path.Direction.CW);
        canvas.drawPath(outside, shade);
        canvas.drawRect(b, border);
    }
}
