package io.neuronlab.mllib.digits;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Random;

/**
 * Training data for {@link PairModel}: 28×28 MNIST-style inputs (exactly what {@link DigitSegmenter} hands the
 * recogniser for one group of ink) that hold either <b>one</b> digit (class 0) or <b>two digits that touch</b>
 * (class 1), composed from MNIST images — never from the font sets the recogniser is evaluated on.
 *
 * <p>Each digit is drawn at three times MNIST's resolution (bilinear) with its own rotation, width and height
 * scale; singles are stretched further in width (a single 0 or 8 of a wide font is as wide as two narrow
 * digits), pairs are placed side by side and the second is moved left until its ink meets the first's (plus
 * up to a few pixels of overlap or a bridged hair of gap); strokes are thickened for some samples like bold
 * fonts. The composite then goes through {@link MnistPreprocessor}, the same step as the app's segments. Every
 * sample is a pure function of (images, seed, index).
 */
public final class TouchingPairs {
    /** Upsampling factor of the composition canvas. */
    static final int UP = 3;
    /** Class labels. */
    public static final int ONE = 0, TWO = 1;

    private final Dataset mnist;
    private final long seed;
    private final MnistPreprocessor preprocessor = new MnistPreprocessor();

    /** @param mnist MNIST images {@code [N, 1, 28, 28]} (e.g. the training set) to compose from */
    public TouchingPairs(Dataset mnist, long seed) {
        int[] shape = mnist.exampleShape();
        if (mnist.exampleSize() != 28 * 28 || shape[shape.length - 1] != 28) {
            throw new IllegalArgumentException("TouchingPairs composes 28x28 MNIST images, got " + java.util.Arrays.toString(shape));
        }
        this.mnist = mnist;
        this.seed = seed;
    }

    /** Sample {@code index}: even indices are one digit, odd ones two touching digits. */
    public GrayImage sample(int index) {
        Random r = new Random(seed * 1_000_003L + index);
        return index % 2 == 0 ? single(r) : pair(r);
    }

    /** The class of {@link #sample}{@code (index)}. */
    public static int label(int index) {
        return index % 2 == 0 ? ONE : TWO;
    }

    /** {@code n} samples as a dataset {@code [n, 1, 28, 28]} with labels {@link #ONE} / {@link #TWO}. */
    public Dataset dataset(int n) {
        float[] x = new float[n * 784];
        int[] labels = new int[n];
        // each sample depends on its index only: composing them in parallel gives the same set
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            System.arraycopy(sample(i).pixels(), 0, x, i * 784, 784);
            labels[i] = label(i);
        });
        return new Dataset(Tensor.of(x, n, 1, 28, 28), labels, 2);
    }

    private GrayImage single(Random r) {
        float thicken = thickening(r);
        // wide singles are the hard negatives: 0.7 to 1.6 times as wide as MNIST wrote them
        GrayImage d = digit(r, 0.7f + 0.9f * r.nextFloat() * r.nextFloat(), 0.9f + 0.2f * r.nextFloat(), 12);
        return preprocessor.process(thicken(d, thicken));
    }

    private GrayImage pair(Random r) {
        float thicken = thickening(r);
        // fonts write narrower digits than MNIST's hands: pairs as narrow as 0.55 of their height
        float narrow = 0.5f + 0.65f * r.nextFloat();
        GrayImage a = digit(r, narrow * (0.9f + 0.2f * r.nextFloat()), 1f, 8);
        GrayImage b = digit(r, narrow * (0.9f + 0.2f * r.nextFloat()), 0.85f + 0.3f * r.nextFloat(), 8);
        int dy = Math.round((r.nextFloat() - 0.5f) * 0.16f * 20 * UP);
        // touching: the second digit's ink meets the first's; some overlap (joined script) or a bridged hair gap
        int overlap = r.nextFloat() < 0.2f ? -1 : Math.round(r.nextFloat() * r.nextFloat() * 4 * UP);
        return preprocessor.process(thicken(sideBySide(a, b, dy, overlap), thicken));
    }

    /** Stroke growth in canvas pixels: none for half the samples, otherwise up to 2 (bold fonts). */
    private static float thickening(Random r) {
        return r.nextFloat() < 0.5f ? 0 : 2f * r.nextFloat();
    }

    /** A random MNIST digit on a canvas {@link #UP}× larger, scaled (sx, sy) and rotated up to ±{@code degrees}. */
    private GrayImage digit(Random r, float sx, float sy, float degrees) {
        int index = r.nextInt(mnist.size());
        float[] px = new float[784];
        mnist.copyExample(index, px, 0);
        double angle = Math.toRadians((r.nextDouble() * 2 - 1) * degrees);
        float shear = (r.nextFloat() - 0.5f) * 0.3f;
        int size = 28 * UP * 3 / 2;
        GrayImage out = new GrayImage(size, size);
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double c = size / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // canvas → MNIST pixel: undo rotation, shear and scale about the centres
                double u = x - c, v = y - c;
                double ru = cos * u + sin * v, rv = -sin * u + cos * v;
                ru -= shear * rv;
                double mx = ru / (sx * UP) + 13.5, my = rv / (sy * UP) + 13.5;
                out.set(x, y, bilinear(px, mx, my));
            }
        }
        return out;
    }

    private static float bilinear(float[] px, double x, double y) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        if (x0 < -1 || y0 < -1 || x0 > 27 || y0 > 27) return 0;
        float fx = (float) (x - x0), fy = (float) (y - y0);
        return (1 - fx) * (1 - fy) * at(px, x0, y0) + fx * (1 - fy) * at(px, x0 + 1, y0)
            + (1 - fx) * fy * at(px, x0, y0 + 1) + fx * fy * at(px, x0 + 1, y0 + 1);
    }

    private static float at(float[] px, int x, int y) {
        return x < 0 || y < 0 || x > 27 || y > 27 ? 0 : px[y * 28 + x];
    }

    /**
     * {@code b} to the right of {@code a} (moved {@code dy} down), as close as their ink allows: the second
     * starts where, on some row (±1), its ink meets the first's, then moves {@code overlap} pixels further in
     * (negative: that many pixels apart).
     */
    static GrayImage sideBySide(GrayImage a, GrayImage b, int dy, int overlap) {
        float ink = 0.3f;
        int h = a.height();
        int[] rightA = new int[h], leftB = new int[h];
        for (int y = 0; y < h; y++) {
            rightA[y] = Integer.MIN_VALUE / 4;
            leftB[y] = Integer.MAX_VALUE / 4;
            for (int x = 0; x < a.width(); x++) if (a.get(x, y) > ink) rightA[y] = x;
            int by = y - dy;
            if (by >= 0 && by < h) {
                for (int x = b.width() - 1; x >= 0; x--) if (b.get(x, by) > ink) leftB[y] = x;
            }
        }
        // smallest offset of b's ink beyond a's ink over neighbouring rows: at offset = -gap they meet
        int gap = Integer.MAX_VALUE / 4;
        for (int y = 0; y < h; y++) {
            for (int n = Math.max(0, y - 1); n <= Math.min(h - 1, y + 1); n++) gap = Math.min(gap, leftB[y] - rightA[n]);
        }
        if (gap > a.width()) gap = 0;   // no shared rows: put them edge to edge
        int offset = 1 - gap - overlap;   // b's x in the canvas = its own x + offset
        int w = Math.max(a.width(), b.width() + Math.max(0, offset)) + Math.max(0, -offset);
        int shiftA = Math.max(0, -offset);
        GrayImage out = new GrayImage(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < a.width(); x++) out.set(x + shiftA, y, a.get(x, y));
            int by = y - dy;
            if (by < 0 || by >= h) continue;
            for (int x = 0; x < b.width(); x++) {
                int tx = x + offset + shiftA;
                if (tx >= 0 && tx < w) out.set(tx, y, Math.max(out.get(tx, y), b.get(x, by)));
            }
        }
        return out;
    }

    /** Grey dilation by a disc of radius {@code r} canvas pixels (r under 0.5: unchanged). */
    static GrayImage thicken(GrayImage g, float r) {
        int k = Math.round(r);
        if (k <= 0) return g;
        int w = g.width(), h = g.height();
        GrayImage out = new GrayImage(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float m = 0;
                for (int dy = -k; dy <= k; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) continue;
                    for (int dx = -k; dx <= k; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= w || dx * dx + dy * dy > k * k) continue;
                        m = Math.max(m, g.get(xx, yy));
                    }
                }
                out.set(x, y, m);
            }
        }
        return out;
    }
}
