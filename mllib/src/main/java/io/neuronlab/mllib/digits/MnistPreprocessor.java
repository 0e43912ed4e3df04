package io.neuronlab.mllib.digits;

/**
 * Turns one digit, wherever and however large it was drawn, into the 28×28 input MNIST's networks expect, the
 * way MNIST itself was made: crop to the ink's bounding box, scale so the longer side is 20 px keeping the
 * aspect ratio (area averaging, which anti-aliases), then place it in a 28×28 field so that its intensity
 * centre of mass sits at pixel (14, 14) — the measured mean of the MNIST test set is (14.01, 13.99).
 * Values are in [0, 1] with ink = 1 on a 0 background, the polarity of the training data.
 */
public final class MnistPreprocessor {
    public static final int SIZE = 28;
    public static final int BOX = 20;
    /** Pixels above this count as ink for the bounding box (keeps faint anti-aliasing, ignores dust). */
    public static final float INK_THRESHOLD = 0.05f;
    /**
     * Ink whose box is smaller than this on its longer side (pixels) is a speck, not a digit: scaling it to
     * 20 px would turn a single pixel into a solid square that the network reads as some digit.
     */
    public static final int MIN_INK_SIDE = 3;

    /**
     * @param image ink = 1 on 0 (values outside [0, 1] are clamped)
     * @return a new 28×28 image
     * @throws EmptyDrawingException when no pixel is above {@link #INK_THRESHOLD}, or the ink's box is under
     *     {@link #MIN_INK_SIDE} pixels on its longer side
     */
    public GrayImage process(GrayImage image) {
        GrayImage.Box box = image.inkBounds(INK_THRESHOLD);
        if (box == null) {
            throw new EmptyDrawingException("The " + image.width() + "x" + image.height()
                + " image has no ink (no pixel above " + INK_THRESHOLD + "): draw a digit first");
        }
        if (Math.max(box.width(), box.height()) < MIN_INK_SIDE) {
            throw new EmptyDrawingException("The ink in the " + image.width() + "x" + image.height() + " image is a "
                + box.width() + "x" + box.height() + " px speck (a digit needs at least " + MIN_INK_SIDE
                + " px): nothing to recognise");
        }
        GrayImage cropped = image.crop(box.x(), box.y(), box.width(), box.height());
        clamp01(cropped.pixels());
        int longer = Math.max(box.width(), box.height());
        int w = Math.max(1, Math.round(box.width() * (float) BOX / longer));
        int h = Math.max(1, Math.round(box.height() * (float) BOX / longer));
        GrayImage scaled = resizeAreaAverage(cropped, w, h);
        clamp01(scaled.pixels());   // weights summing to 1 ± rounding may overshoot 1 by an ulp
        return placeByCentreOfMass(scaled);
    }

    /**
     * Resamples to {@code w × h}; each output pixel is the mean of the source area it covers (fractional
     * overlaps weighted), separably: rows first, then columns.
     */
    static GrayImage resizeAreaAverage(GrayImage src, int w, int h) {
        int sw = src.width(), sh = src.height();
        float[] s = src.pixels();
        float[] rows = new float[w * sh];
        float[][] wx = areaWeights(sw, w);
        int[] x0 = areaStarts(sw, w);
        for (int y = 0; y < sh; y++) {
            for (int ox = 0; ox < w; ox++) {
                float acc = 0;
                float[] weights = wx[ox];
                for (int k = 0; k < weights.length; k++) {
                    acc += weights[k] * s[y * sw + x0[ox] + k];
                }
                rows[y * w + ox] = acc;
            }
        }
        float[] out = new float[w * h];
        float[][] wy = areaWeights(sh, h);
        int[] y0 = areaStarts(sh, h);
        for (int oy = 0; oy < h; oy++) {
            float[] weights = wy[oy];
            for (int ox = 0; ox < w; ox++) {
                float acc = 0;
                for (int k = 0; k < weights.length; k++) {
                    acc += weights[k] * rows[(y0[oy] + k) * w + ox];
                }
                out[oy * w + ox] = acc;
            }
        }
        return new GrayImage(w, h, out);
    }

    /** First source index each output pixel touches. */
    private static int[] areaStarts(int n, int m) {
        int[] starts = new int[m];
        for (int o = 0; o < m; o++) {
            starts[o] = (int) Math.floor((double) o * n / m);
        }
        return starts;
    }

    /** For output pixel o covering source interval [o·n/m, (o+1)·n/m): overlap of each source pixel / length. */
    private static float[][] areaWeights(int n, int m) {
        float[][] weights = new float[m][];
        double scale = (double) n / m;
        for (int o = 0; o < m; o++) {
            double a = o * scale, b = (o + 1) * scale;
            int first = (int) Math.floor(a), last = Math.min(n - 1, (int) Math.ceil(b) - 1);
            weights[o] = new float[last - first + 1];
            for (int i = first; i <= last; i++) {
                double overlap = Math.min(b, i + 1) - Math.max(a, i);
                weights[o][i - first] = (float) (Math.max(0, overlap) / scale);
            }
        }
        return weights;
    }

    /** Pastes {@code digit} into 28×28 with an integer shift putting its centre of mass nearest (14, 14). */
    static GrayImage placeByCentreOfMass(GrayImage digit) {
        float[] com = digit.centreOfMass();
        // ink may be below threshold everywhere after averaging a tiny speck: centre the box instead
        float cx = com != null ? com[0] : (digit.width() - 1) / 2f;
        float cy = com != null ? com[1] : (digit.height() - 1) / 2f;
        int dx = Math.round(14 - cx), dy = Math.round(14 - cy);
        GrayImage out = new GrayImage(SIZE, SIZE);
        for (int y = 0; y < digit.height(); y++) {
            int ty = y + dy;
            if (ty < 0 || ty >= SIZE) continue;   // MNIST clips too when the mass sits far off-centre
            for (int x = 0; x < digit.width(); x++) {
                int tx = x + dx;
                if (tx < 0 || tx >= SIZE) continue;
                out.set(tx, ty, digit.get(x, y));
            }
        }
        return out;
    }

    private static void clamp01(float[] p) {
        for (int i = 0; i < p.length; i++) {
            float v = p[i];
            p[i] = v < 0 ? 0 : (v > 1 ? 1 : v);
        }
    }
}
