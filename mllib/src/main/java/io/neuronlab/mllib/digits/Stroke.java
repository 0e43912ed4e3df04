package io.neuronlab.mllib.digits;

import java.util.Arrays;

/** One finger stroke: the touch points from finger down to finger up, in canvas pixels. */
public final class Stroke {
    private float[] xy = new float[32];
    private int count;

    public Stroke() {
    }

    /** A stroke through the given points, {@code {x0, y0, x1, y1, ...}}. */
    public static Stroke of(float... xyPairs) {
        if (xyPairs.length % 2 != 0) {
            throw new IllegalArgumentException("Stroke.of needs x,y pairs, got " + xyPairs.length + " numbers");
        }
        Stroke s = new Stroke();
        for (int i = 0; i < xyPairs.length; i += 2) {
            s.add(xyPairs[i], xyPairs[i + 1]);
        }
        return s;
    }

    public void add(float x, float y) {
        if (2 * count == xy.length) {
            xy = Arrays.copyOf(xy, xy.length * 2);
        }
        xy[2 * count] = x;
        xy[2 * count + 1] = y;
        count++;
    }

    public int size() {
        return count;
    }

    public float x(int i) {
        return xy[2 * i];
    }

    public float y(int i) {
        return xy[2 * i + 1];
    }

    /** The same stroke with every coordinate multiplied by {@code factor} (a canvas that changed size). */
    public Stroke scaled(float factor) {
        Stroke s = new Stroke();
        for (int i = 0; i < count; i++) {
            s.add(xy[2 * i] * factor, xy[2 * i + 1] * factor);
        }
        return s;
    }
}
