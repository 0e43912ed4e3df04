package io.neuronlab.mllib.digits;

/**
 * Turns a photo of handwriting into MNIST's polarity (ink = 1 on 0): grayscale → adaptive threshold against
 * the local mean → polarity detection.
 *
 * <p>Uneven light makes one global threshold fail, so every pixel is compared with the mean of a window around
 * it (an integral image makes that O(1) per pixel). Polarity: ink is the minority that stands out from its
 * surroundings, so whichever sign of deviation reaches further — darker or lighter than the local mean — is the
 * ink. Dark ink on light paper, the usual case, is inverted. A pixel is ink when it stands out by more than a
 * share of the strongest ink, and by clearly more than the sensor noise (estimated from the median absolute
 * deviation, which the paper dominates), so a blank page stays blank.
 */
public final class PhotoBinarizer {
    private static final int BINS = 1024;

    private final float windowFraction;
    private final float offsetFraction;
    private final float minContrast;

    /** Defaults: window 1/8 of the shorter side, ink stands out ≥ 35% as much as the strongest ink, contrast ≥ 0.1. */
    public PhotoBinarizer() {
        this(0.125f, 0.35f, 0.1f);
    }

    public PhotoBinarizer(float windowFraction, float offsetFraction, float minContrast) {
        this.windowFraction = windowFraction;
        this.offsetFraction = offsetFraction;
        this.minContrast = minContrast;
    }

    /**
     * @param luminance 0 = black, 1 = white
     * @return ink = 1, background = 0; all 0 when nothing stands out by at least the minimum contrast
     */
    public GrayImage binarize(GrayImage luminance) {
        float[] dev = deviationFromLocalMean(luminance, windowFraction);
        boolean darkInk = darkInk(dev);
        float[] inkness = new float[dev.length];
        for (int i = 0; i < dev.length; i++) inkness[i] = darkInk ? -dev[i] : dev[i];
        int[] hist = histogram(inkness);
        float strongest = percentile(hist, dev.length, 0.995f);
        GrayImage out = new GrayImage(luminance.width(), luminance.height());
        if (strongest < minContrast) {
            return out;
        }
        int[] absHist = new int[BINS];
        for (float d : dev) absHist[bin(Math.abs(d))]++;
        float noiseSigma = 1.4826f * percentile(absHist, dev.length, 0.5f);
        float threshold = Math.max(offsetFraction * strongest, Math.max(5 * noiseSigma, minContrast / 2));
        float[] o = out.pixels();
        for (int i = 0; i < inkness.length; i++) {
            if (inkness[i] > threshold) o[i] = 1;
        }
        return out;
    }

    /** True when the ink is darker than its surroundings (the picture must be inverted for MNIST). */
    public static boolean isDarkInk(GrayImage luminance) {
        return darkInk(deviationFromLocalMean(luminance, 0.125f));
    }

    private static boolean darkInk(float[] dev) {
        int[] hist = histogram(dev);
        float low = percentile(hist, dev.length, 0.005f), high = percentile(hist, dev.length, 0.995f);
        return -low >= high;
    }

    /** Each pixel minus the mean of the square window of side ≈ {@code windowFraction} of the shorter side. */
    private static float[] deviationFromLocalMean(GrayImage image, float windowFraction) {
        int w = image.width(), h = image.height();
        float[] lum = image.pixels();
        // integral image with a zero row and column in front: sum over [x0,x1)×[y0,y1) in four reads
        double[] integral = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            double row = 0;
            for (int x = 0; x < w; x++) {
                row += lum[y * w + x];
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
            }
        }
        int r = Math.max(1, Math.round(windowFraction * Math.min(w, h) / 2));
        float[] dev = new float[lum.length];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - r), y1 = Math.min(h, y + r + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - r), x1 = Math.min(w, x + r + 1);
                double sum = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1]
                    - integral[y1 * (w + 1) + x0] + integral[y0 * (w + 1) + x0];
                dev[y * w + x] = (float) (lum[y * w + x] - sum / ((x1 - x0) * (y1 - y0)));
            }
        }
        return dev;
    }

    /** Histogram of values in [-1, 1] (clamped) over {@link #BINS} bins. */
    private static int[] histogram(float[] values) {
        int[] hist = new int[BINS];
        for (float v : values) hist[bin(v)]++;
        return hist;
    }

    private static int bin(float v) {
        return Math.max(0, Math.min(BINS - 1, Math.round((v + 1) / 2 * (BINS - 1))));
    }

    private static float percentile(int[] hist, int n, float q) {
        long target = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (int b = 0; b < hist.length; b++) {
            seen += hist[b];
            if (seen >= target) return b * 2f / (BINS - 1) - 1;
        }
        return 1;
    }
}
