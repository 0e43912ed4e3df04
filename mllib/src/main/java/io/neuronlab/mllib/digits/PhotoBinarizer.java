package io.neuronlab.mllib.digits;

/**
 * Turns a photo of handwriting into MNIST's polarity (ink = 1 on 0): grayscale → polarity detection →
 * adaptive threshold against the local mean.
 *
 * <p>Polarity: the background is most of the picture, so the median luminance is the paper; whichever tail
 * of the histogram reaches further from it is the ink. Dark ink on light paper — the usual case — is inverted.
 * Threshold: uneven light makes one global threshold fail, so each pixel is compared with the mean of a
 * window around it (an integral image makes that O(1) per pixel); it is ink when it stands out from that
 * mean by a fraction of the picture's contrast.
 */
public final class PhotoBinarizer {
    private final float windowFraction;
    private final float offsetFraction;
    private final float minContrast;

    /** Defaults: window 1/8 of the shorter side, ink 15% of the contrast above the local mean, contrast ≥ 0.1. */
    public PhotoBinarizer() {
        this(0.125f, 0.15f, 0.1f);
    }

    public PhotoBinarizer(float windowFraction, float offsetFraction, float minContrast) {
        this.windowFraction = windowFraction;
        this.offsetFraction = offsetFraction;
        this.minContrast = minContrast;
    }

    /**
     * @param luminance 0 = black, 1 = white
     * @return ink = 1, background = 0; all 0 when the picture is flat (less contrast than the minimum), so a
     *     blank page gives an empty result rather than amplified noise
     */
    public GrayImage binarize(GrayImage luminance) {
        int w = luminance.width(), h = luminance.height();
        float[] lum = luminance.pixels();
        int[] hist = histogram(lum);
        float low = percentile(hist, lum.length, 0.01f);
        float median = percentile(hist, lum.length, 0.5f);
        float high = percentile(hist, lum.length, 0.99f);
        GrayImage out = new GrayImage(w, h);
        float contrast = high - low;
        if (contrast < minContrast) {
            return out;
        }
        boolean darkInk = median - low >= high - median;
        float[] inkness = new float[lum.length];
        for (int i = 0; i < lum.length; i++) {
            inkness[i] = darkInk ? 1 - lum[i] : lum[i];
        }
        // integral image with a zero row and column in front: sum over [x0,x1)×[y0,y1) in four reads
        double[] integral = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            double row = 0;
            for (int x = 0; x < w; x++) {
                row += inkness[y * w + x];
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
            }
        }
        int r = Math.max(1, Math.round(windowFraction * Math.min(w, h) / 2));
        float offset = offsetFraction * contrast;
        float[] o = out.pixels();
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - r), y1 = Math.min(h, y + r + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - r), x1 = Math.min(w, x + r + 1);
                double sum = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1]
                    - integral[y1 * (w + 1) + x0] + integral[y0 * (w + 1) + x0];
                double mean = sum / ((x1 - x0) * (y1 - y0));
                if (inkness[y * w + x] > mean + offset) {
                    o[y * w + x] = 1;
                }
            }
        }
        return out;
    }

    /** True when the ink is darker than the paper (the picture must be inverted for MNIST). */
    public static boolean isDarkInk(GrayImage luminance) {
        float[] lum = luminance.pixels();
        int[] hist = histogram(lum);
        float low = percentile(hist, lum.length, 0.01f);
        float median = percentile(hist, lum.length, 0.5f);
        float high = percentile(hist, lum.length, 0.99f);
        return median - low >= high - median;
    }

    private static int[] histogram(float[] lum) {
        int[] hist = new int[256];
        for (float v : lum) {
            hist[Math.max(0, Math.min(255, Math.round(v * 255)))]++;
        }
        return hist;
    }

    private static float percentile(int[] hist, int n, float q) {
        long target = (long) Math.ceil(q * n);
        long seen = 0;
        for (int b = 0; b < hist.length; b++) {
            seen += hist[b];
            if (seen >= Math.max(1, target)) return b / 255f;
        }
        return 1;
    }
}
