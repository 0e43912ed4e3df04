package io.neuronlab.mllib.digits;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Synthesises finger-drawn digits for robustness tests: each digit 0–9 has one or more skeletons (the strokes
 * a person makes, in a unit box with y pointing down); a sample picks one and draws it the way a finger does —
 * at a random size (25–90% of the canvas height), position, aspect, slant (−0.3…0.45) and rotation (±15°) on a
 * phone-sized canvas, with wobble, touch
 * points every few dozen pixels and a random pen width (4–14% of the canvas). Deterministic for a given seed.
 */
public final class SyntheticFingerDigits {
    private final int canvasWidth;
    private final int canvasHeight;
    private final Random random;

    /** A 1080×1080 canvas (a phone's full-width drawing area). */
    public SyntheticFingerDigits(long seed) {
        this(1080, 1080, seed);
    }

    public SyntheticFingerDigits(int canvasWidth, int canvasHeight, long seed) {
        this.canvasWidth = canvasWidth;
        this.canvasHeight = canvasHeight;
        this.random = new Random(seed);
    }

    /** One synthetic drawing: its label, the finger strokes, and the pen width they are drawn with. */
    public record Sample(int label, List<Stroke> strokes, float strokeWidth, int canvasWidth, int canvasHeight) {
        /** The canvas as the drawing view shows it, ink = 1 on 0. */
        public GrayImage render() {
            return new StrokeRasterizer(strokeWidth).rasterize(strokes, canvasWidth, canvasHeight);
        }

        /** What the app's recognition sees: {@link StrokeRasterizer#rasterizeForRecognition} with this pen. */
        public GrayImage renderForRecognition() {
            return StrokeRasterizer.rasterizeForRecognition(strokes, canvasWidth, canvasHeight, strokeWidth);
        }
    }

    /** The next sample of {@code digit}. */
    public Sample next(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("digit must be 0..9, got " + digit);
        }
        List<float[]> skeleton = skeleton(digit);
        float height = canvasHeight * (0.25f + 0.65f * random.nextFloat());
        float aspect = digit == 1 ? 0.5f : 0.45f + 0.45f * random.nextFloat();
        float width = height * aspect;
        float slant = -0.3f + 0.75f * random.nextFloat();                       // right-leaning is commoner
        double angle = Math.toRadians(-15 + 30 * random.nextFloat());
        float cos = (float) Math.cos(angle), sin = (float) Math.sin(angle);
        float reach = 0.5f * (float) Math.hypot(width + Math.abs(slant) * height, height);
        float cx = reach + random.nextFloat() * Math.max(0, canvasWidth - 2 * reach);
        float cy = reach + random.nextFloat() * Math.max(0, canvasHeight - 2 * reach);
        float spacing = 8 + 22 * random.nextFloat();                            // px between touch events
        float wobble = height * (0.004f + 0.02f * random.nextFloat());
        float penWidth = Math.min(canvasWidth, canvasHeight) * (0.04f + 0.1f * random.nextFloat());

        List<Stroke> strokes = new ArrayList<>();
        for (float[] unit : skeleton) {
            // drift of the whole stroke: the second stroke of a 4 or 5 rarely lands exactly
            float driftX = height * 0.035f * (float) random.nextGaussian();
            float driftY = height * 0.035f * (float) random.nextGaussian();
            float[] canvasXy = new float[unit.length];
            for (int i = 0; i < unit.length; i += 2) {
                float u = (unit[i] - 0.5f) * width, v = (unit[i + 1] - 0.5f) * height;
                u -= slant * v;                                                 // shear: top leans right
                canvasXy[i] = cx + cos * u - sin * v + driftX;
                canvasXy[i + 1] = cy + sin * u + cos * v + driftY;
            }
            strokes.add(fingerSamples(canvasXy, spacing, wobble));
        }
        return new Sample(digit, Collections.unmodifiableList(strokes), penWidth, canvasWidth, canvasHeight);
    }

    /** {@code perDigit} samples of every digit, interleaved 0, 1, ..., 9, 0, 1, ... */
    public List<Sample> samples(int perDigit) {
        List<Sample> out = new ArrayList<>();
        for (int k = 0; k < perDigit; k++) {
            for (int d = 0; d <= 9; d++) out.add(next(d));
        }
        return out;
    }

    /** Touch points every {@code spacing} px of arc length along the polyline, each jittered by the finger. */
    private Stroke fingerSamples(float[] xy, float spacing, float wobble) {
        Stroke s = new Stroke();
        s.add(xy[0] + jitter(wobble), xy[1] + jitter(wobble));
        float carried = 0;
        for (int i = 2; i < xy.length; i += 2) {
            float x0 = xy[i - 2], y0 = xy[i - 1], x1 = xy[i], y1 = xy[i + 1];
            float len = (float) Math.hypot(x1 - x0, y1 - y0);
            float t = spacing - carried;
            while (t <= len) {
                float f = t / len;
                s.add(x0 + f * (x1 - x0) + jitter(wobble), y0 + f * (y1 - y0) + jitter(wobble));
                t += spacing;
            }
            carried = len - (t - spacing);
        }
        s.add(xy[xy.length - 2] + jitter(wobble), xy[xy.length - 1] + jitter(wobble));
        return s;
    }

    private float jitter(float amount) {
        return amount * (float) random.nextGaussian();
    }

    /** Strokes of one variant of {@code digit} in a unit box (x right, y down), each {x0, y0, x1, y1, ...}. */
    private List<float[]> skeleton(int digit) {
        List<float[]> s = new ArrayList<>();
        boolean variant = random.nextBoolean();
        switch (digit) {
            case 0 -> s.add(arc(0.5f, 0.5f, 0.48f, 0.5f, 95, 95 + 370));
            case 1 -> {
                if (variant) s.add(new float[] {0.25f, 0.2f, 0.6f, 0f, 0.55f, 1f});    // with a flag
                else s.add(new float[] {0.55f, 0f, 0.5f, 1f});
            }
            case 2 -> s.add(concat(arc(0.5f, 0.27f, 0.45f, 0.27f, 160, -35),
                new float[] {0.05f, 1f, 0.97f, 1f}));
            case 3 -> s.add(concat(arc(0.45f, 0.25f, 0.42f, 0.25f, 150, -90),
                arc(0.45f, 0.74f, 0.5f, 0.26f, 90, -150)));
            case 4 -> {
                s.add(new float[] {0.6f, 0f, 0.02f, 0.66f, 1f, 0.66f});
                s.add(new float[] {0.74f, variant ? 0.12f : 0.3f, 0.74f, 1f});
            }
            case 5 -> {
                float[] body = concat(new float[] {0.15f, 0f, 0.1f, 0.45f}, arc(0.5f, 0.69f, 0.47f, 0.31f, 140, -155));
                if (variant) {
                    s.add(concat(new float[] {0.95f, 0f}, body));                   // one stroke
                } else {
                    s.add(body);
                    s.add(new float[] {0.15f, 0f, 0.95f, 0f});                      // bar drawn last
                }
            }
            case 6 -> s.add(concat(new float[] {0.8f, 0f, 0.45f, 0.18f, 0.12f, 0.55f},
                arc(0.5f, 0.72f, 0.44f, 0.28f, 185, 185 + 355)));
            case 7 -> {
                s.add(new float[] {0.03f, 0.02f, 0.97f, 0f, 0.35f, 1f});
                if (variant) s.add(new float[] {0.35f, 0.52f, 0.85f, 0.5f});        // crossbar
            }
            case 8 -> s.add(figureEight());
            case 9 -> s.add(concat(arc(0.5f, 0.27f, 0.45f, 0.27f, 5, 5 + 360),
                new float[] {0.93f, 0.35f, 0.85f, 1f}));
            default -> throw new IllegalArgumentException("digit " + digit);
        }
        return s;
    }

    /** Points on an ellipse from angle {@code fromDeg} to {@code toDeg} (counter-clockwise as seen, y down). */
    private static float[] arc(float cx, float cy, float rx, float ry, float fromDeg, float toDeg) {
        int n = 48;
        float[] xy = new float[2 * (n + 1)];
        for (int i = 0; i <= n; i++) {
            double a = Math.toRadians(fromDeg + (toDeg - fromDeg) * i / n);
            xy[2 * i] = cx + rx * (float) Math.cos(a);
            xy[2 * i + 1] = cy - ry * (float) Math.sin(a);
        }
        return xy;
    }

    /** One stroke: top, down the right of the upper loop, across the middle, round the lower loop, back up. */
    private static float[] figureEight() {
        int n = 96;
        float[] xy = new float[2 * (n + 1)];
        for (int i = 0; i <= n; i++) {
            double t = 2 * Math.PI * i / n;
            double y = 0.5 - 0.5 * Math.cos(t);
            double halfWidth = y < 0.5 ? 0.4 : 0.47;                               // the lower loop is larger
            xy[2 * i] = (float) (0.5 - halfWidth * Math.sin(2 * t));
            xy[2 * i + 1] = (float) y;
        }
        return xy;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
