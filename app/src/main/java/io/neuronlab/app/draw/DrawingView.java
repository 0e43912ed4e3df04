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

    private Drawing drawing = new Drawing();
    private static final float MAX_SCREEN_HEIGHT_FRACTION = 0.36f;

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

    /** Shows and edits {@code d} (kept by the screen's ViewModel, so a rotated screen finds it again). */
    public void setDrawing(Drawing d) {
        drawing = d;
        current = null;
        if (getWidth() > 0) d.fitTo(getWidth());
        rebuildAll();
        invalidate();
    }

    private void rebuildAll() {
        paths.clear();
        for (Stroke s : drawing.strokes) {
            Path p = new Path();
            rebuild(p, s);
            paths.add(p);
        }
    }

    @Override
    protected void onMeasure(int widthSpec, int heightSpec) {
        // square, as MNIST's field; at most 36 % of the screen's height, so that on a small phone the answer and
        // the ten bars below the canvas stay in view without scrolling
        int side = Math.min(MeasureSpec.getSize(widthSpec),
            Math.round(MAX_SCREEN_HEIGHT_FRACTION * getResources().getDisplayMetrics().heightPixels));
        if (MeasureSpec.getMode(heightSpec) != MeasureSpec.UNSPECIFIED) {
            side = Math.min(side, MeasureSpec.getSize(heightSpec));
        }
        setMeasuredDimension(side, side);
    }

    @Override
    protected void onSizeChanged(int w, int h, int oldw, int oldh) {
        ink.setStrokeWidth(StrokeRasterizer.defaultStrokeWidth(w, h));
        drawing.fitTo(w); // drawn on a canvas of another size (before a rotation): rescale
        rebuildAll();
    }

    @Override
    public boolean onTouchEvent(MotionEvent e) {
        switch (e.getActionMasked()) {
            case MotionEvent.ACTION_DOWN -> {
                // the screen scrolls; a vertical stroke must draw, not scroll
                if (getParent() != null) getParent().requestDisallowInterceptTouchEvent(true);
                current = new Stroke();
                currentPath = new Path();
                drawing.strokes.add(current);
                if (drawing.side <= 0) drawing.side = getWidth();
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
        return drawing.strokes.isEmpty();
    }

    public List<Stroke> strokes() {
        return Collections.unmodifiableList(drawing.strokes);
    }

    /** Removes the last stroke. */
    public void undo() {
        if (drawing.strokes.isEmpty()) return;
        drawing.strokes.remove(drawing.strokes.size() - 1);
        paths.remove(paths.size() - 1);
        invalidate();
        notifyChanged();
    }

    public void clear() {
        drawing.strokes.clear();
        paths.clear();
        invalidate();
        notifyChanged();
    }

    /** The drawing as the network's preprocessing takes it (ink = 1 on 0, at a reduced size). */
    public GrayImage toInkImage() {
        return StrokeRasterizer.rasterizeForRecognition(drawing.strokes, Math.max(1, getWidth()), Math.max(1, getHeight()));
    }

    private void notifyChanged() {
        if (listener != null) listener.onDrawingChanged(this);
    }
}
