package io.neuronlab.app.draw;

import android.content.Context;
import android.graphics.Canvas;
import android.graphics.Paint;
import android.graphics.Path;
import android.util.AttributeSet;
import android.view.MotionEvent;
import android.view.View;

import androidx.core.content.ContextCompat;

import io.neuronlab.app.R;

import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.Stroke;
import io.neuronlab.mllib.digits.StrokeRasterizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A square canvas for finger drawing. Strokes are smoothed with quadratic curves (touch points are control
 * points, midpoints lie on the curve) exactly as {@link StrokeRasterizer} draws them for the network, with the
 * pen width that gives MNIST-like thickness. Tells its listener when a finger lifts, and after undo and clear.
 */
public class DrawingView extends View {
    /** Called on the UI thread whenever the drawing changed and no finger is down. */
    public interface Listener {
        void onDrawingChanged(DrawingView view);
    }

    private final List<Stroke> strokes = new ArrayList<>();
    private final List<Path> paths = new ArrayList<>();
    private final Paint ink = new Paint(Paint.ANTI_ALIAS_FLAG);
    private Stroke current;
    private Path currentPath;
    private Listener listener;

    public DrawingView(Context context) {
        this(context, null);
    }

    public DrawingView(Context context, AttributeSet attrs) {
        super(context, attrs);
        ink.setStyle(Paint.Style.STROKE);
        ink.setStrokeCap(Paint.Cap.ROUND);
        ink.setStrokeJoin(Paint.Join.ROUND);
        ink.setColor(ContextCompat.getColor(context, R.color.on_surface));
        setContentDescription(context.getString(R.string.draw_canvas_description));
    }

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    @Override
    protected void onMeasure(int widthSpec, int heightSpec) {
        // full width, square: digits are drawn in a square, like MNIST's field
        int width = MeasureSpec.getSize(widthSpec);
        int height = MeasureSpec.getMode(heightSpec) == MeasureSpec.UNSPECIFIED
            ? width : Math.min(width, MeasureSpec.getSize(heightSpec));
        setMeasuredDimension(width, Math.min(width, height));
    }

    @Override
    protected void onSizeChanged(int w, int h, int oldw, int oldh) {
        ink.setStrokeWidth(StrokeRasterizer.defaultStrokeWidth(w, h));
    }

    @Override
    public boolean onTouchEvent(MotionEvent e) {
        switch (e.getActionMasked()) {
            case MotionEvent.ACTION_DOWN -> {
                // the screen scrolls; a vertical stroke must draw, not scroll
                if (getParent() != null) getParent().requestDisallowInterceptTouchEvent(true);
                current = new Stroke();
                currentPath = new Path();
                strokes.add(current);
                paths.add(currentPath);
                addPoint(e.getX(), e.getY());
            }
            case MotionEvent.ACTION_MOVE -> {
                if (current == null) return false;
                // touch screens batch samples: keep them all so fast curves stay round
                for (int h = 0; h < e.getHistorySize(); h++) addPoint(e.getHistoricalX(h), e.getHistoricalY(h));
                addPoint(e.getX(), e.getY());
            }
            case MotionEvent.ACTION_UP -> {
                if (current == null) return false;
                addPoint(e.getX(), e.getY());
                current = null;
                performClick();
                notifyChanged();
            }
            case MotionEvent.ACTION_CANCEL -> {
                current = null;
                notifyChanged();
            }
            default -> {
                return false;
            }
        }
        invalidate();
        return true;
    }

    @Override
    public boolean performClick() {
        return super.performClick();
    }

    private void addPoint(float x, float y) {
        int n = current.size();
        if (n > 0 && current.x(n - 1) == x && current.y(n - 1) == y) return;
        current.add(x, y);
        rebuild(currentPath, current);
    }

    /** The same path {@link StrokeRasterizer} draws: quadratic pieces from midpoint to midpoint. */
    private static void rebuild(Path path, Stroke s) {
        path.reset();
        int n = s.size();
        path.moveTo(s.x(0), s.y(0));
        if (n == 1) {
            path.lineTo(s.x(0) + 0.01f, s.y(0));   // a tap still shows a dot (round cap)
            return;
        }
        for (int i = 1; i < n - 1; i++) {
            path.quadTo(s.x(i), s.y(i), (s.x(i) + s.x(i + 1)) / 2, (s.y(i) + s.y(i + 1)) / 2);
        }
        path.lineTo(s.x(n - 1), s.y(n - 1));
    }

    @Override
    protected void onDraw(Canvas canvas) {
        for (Path p : paths) canvas.drawPath(p, ink);
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    public List<Stroke> strokes() {
        return Collections.unmodifiableList(strokes);
    }

    /** Removes the last stroke. */
    public void undo() {
        if (strokes.isEmpty()) return;
        strokes.remove(strokes.size() - 1);
        paths.remove(paths.size() - 1);
        invalidate();
        notifyChanged();
    }

    public void clear() {
        strokes.clear();
        paths.clear();
        invalidate();
        notifyChanged();
    }

    /** The drawing as the network's preprocessing takes it (ink = 1 on 0, at a reduced size). */
    public GrayImage toInkImage() {
        return StrokeRasterizer.rasterizeForRecognition(strokes, Math.max(1, getWidth()), Math.max(1, getHeight()));
    }

    private void notifyChanged() {
        if (listener != null) listener.onDrawingChanged(this);
    }
}
