package io.neuronlab.mllib.digits;

import java.util.List;

/**
 * Draws finger strokes as the screen shows them: each stroke is smoothed with quadratic curves (the touch
 * points are control points, the midpoints between them are on the curve — the same smoothing a drawing view
 * does with {@code Path.quadTo}) and painted as a thick, round-capped, anti-aliased line with ink = 1 on 0.
 */
public final class StrokeRasterizer {
    /**
     * Pen width as a fraction of the canvas's shorter side. A digit drawn over about half to two thirds of the
     * canvas height then ends up 2.2–3.5 px thick after {@link MnistPreprocessor} scales it to 20 px, like MNIST.
     */
    public static final float DEFAULT_WIDTH_FRACTION = 0.09f;

    private final float strokeWidth;

    /** @param strokeWidth pen diameter in canvas pixels */
    public StrokeRasterizer(float strokeWidth) {
        if (!(strokeWidth > 0)) {
            throw new IllegalArgumentException("stroke width must be > 0 pixels, got " + strokeWidth);
        }
        this.strokeWidth = strokeWidth;
    }

    /** The pen width for a canvas: {@link #DEFAULT_WIDTH_FRACTION} of its shorter side. */
    public static float defaultStrokeWidth(int canvasWidth, int canvasHeight) {
        return DEFAULT_WIDTH_FRACTION * Math.min(canvasWidth, canvasHeight);
    }

    /** Longer side of the image drawings are rasterised at for recognition (12 × 28: the 28×28 result is the same). */
    public static final int RECOGNITION_SIDE = 336;

    /**
     * What the app hands to the network's preprocessing: the strokes at the default pen width for the canvas,
     * rasterised at a reduced size (longer side ≤ {@link #RECOGNITION_SIDE}) — about ten times cheaper than
     * full resolution on a phone, with the same 28×28 outcome.
     */
    public static GrayImage rasterizeForRecognition(List<Stroke> strokes, int canvasWidth, int canvasHeight) {
        return rasterizeForRecognition(strokes, canvasWidth, canvasHeight, defaultStrokeWidth(canvasWidth, canvasHeight));
    }

    /** As {@link #rasterizeForRecognition(List, int, int)} with another pen width (canvas pixels). */
    public static GrayImage rasterizeForRecognition(List<Stroke> strokes, int canvasWidth, int canvasHeight,
                                                    float strokeWidth) {
        float scale = Math.min(1f, (float) RECOGNITION_SIDE / Math.max(canvasWidth, canvasHeight));
        List<Stroke> scaled = new java.util.ArrayList<>(strokes.size());
        for (Stroke s : strokes) {
            Stroke t = new Stroke();
            for (int i = 0; i < s.size(); i++) t.add(s.x(i) * scale, s.y(i) * scale);
            scaled.add(t);
        }
        int w = Math.max(1, Math.round(canvasWidth * scale)), h = Math.max(1, Math.round(canvasHeight * scale));
        return new StrokeRasterizer(strokeWidth * scale).rasterize(scaled, w, h);
    }

    public float strokeWidth() {
        return strokeWidth;
    }

    /** Paints {@code strokes} onto a new {@code canvasWidth × canvasHeight} image. */
    public GrayImage rasterize(List<Stroke> strokes, int canvasWidth, int canvasHeight) {
        GrayImage canvas = new GrayImage(canvasWidth, canvasHeight);
        for (Stroke s : strokes) {
            draw(s, canvas);
        }
        return canvas;
    }

    /** Paints one stroke onto {@code canvas} (ink is combined with max, so overlaps do not exceed 1). */
    public void draw(Stroke s, GrayImage canvas) {
        int n = s.size();
        if (n == 0) {
            return;
        }
        if (n == 1) {
            segment(canvas, s.x(0), s.y(0), s.x(0), s.y(0));
            return;
        }
        // Path: start at p0, quadratic pieces from midpoint to midpoint with p[i] as control, line to the end.
        float px = s.x(0), py = s.y(0);
        for (int i = 1; i < n - 1; i++) {
            float cx = s.x(i), cy = s.y(i);
            float ex = (cx + s.x(i + 1)) / 2, ey = (cy + s.y(i + 1)) / 2;
            float length = dist(px, py, cx, cy) + dist(cx, cy, ex, ey);
            int steps = Math.max(1, (int) Math.ceil(length / 2));   // a piece every ~2 px is smooth enough
            float qx = px, qy = py;
            for (int k = 1; k <= steps; k++) {
                float t = (float) k / steps, u = 1 - t;
                float x = u * u * px + 2 * u * t * cx + t * t * ex;
                float y = u * u * py + 2 * u * t * cy + t * t * ey;
                segment(canvas, qx, qy, x, y);
                qx = x;
                qy = y;
            }
            px = ex;
            py = ey;
        }
        segment(canvas, px, py, s.x(n - 1), s.y(n - 1));
    }

    /** A round-capped segment: coverage falls from 1 to 0 over the last pixel of the pen's radius. */
    private void segment(GrayImage canvas, float x0, float y0, float x1, float y1) {
        float r = strokeWidth / 2;
        int w = canvas.width(), h = canvas.height();
        int minX = Math.max(0, (int) Math.floor(Math.min(x0, x1) - r - 1));
        int maxX = Math.min(w - 1, (int) Math.ceil(Math.max(x0, x1) + r + 1));
        int minY = Math.max(0, (int) Math.floor(Math.min(y0, y1) - r - 1));
        int maxY = Math.min(h - 1, (int) Math.ceil(Math.max(y0, y1) + r + 1));
        float dx = x1 - x0, dy = y1 - y0;
        float len2 = dx * dx + dy * dy;
        float[] px = canvas.pixels();
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                // pixel centre at (x + 0.5, y + 0.5), as a touch coordinate of 0 is the canvas's left edge
                float cx = x + 0.5f - x0, cy = y + 0.5f - y0;
                float t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (cx * dx + cy * dy) / len2));
                float ex = cx - t * dx, ey = cy - t * dy;
                float d = (float) Math.sqrt(ex * ex + ey * ey);
                float coverage = Math.max(0, Math.min(1, r + 0.5f - d));
                int i = y * w + x;
                if (coverage > px[i]) {
                    px[i] = coverage;
                }
            }
        }
    }

    private static float dist(float ax, float ay, float bx, float by) {
        return (float) Math.hypot(bx - ax, by - ay);
    }
}
