package io.neuronlab.mllib.digits;

import java.util.Arrays;

/**
 * Turns a photo of handwriting into MNIST's polarity (ink = 1 on 0): the lighting is estimated and removed,
 * the side that stands out is the ink, and each pixel is ink when it is more than halfway from the paper to
 * the ink's typical level.
 *
 * <p>Why this way: comparing each pixel with the mean of a fixed window fails as soon as a stroke is wider than
 * the window (only its edges survive: a bold 0 becomes a hollow 8), and a threshold at a share of the strongest
 * ink loses a digit that covers under 0.5 % of the frame. Light across a framed digit varies slowly, so the
 * paper is modelled as a smooth surface — a quadratic in x and y, fitted by least squares with the pixels far
 * from it (the ink) left out, refitted until it settles — whatever the stroke width. What remains after the
 * paper is removed is the ink on one side and sensor noise on both; the side whose extreme reaches further from
 * the paper is the ink (dark ink on paper is inverted, chalk on a board is not). The threshold sits halfway
 * between the paper and the median ink level, which keeps a blurred stroke as wide as it was drawn, and at
 * least a few noise deviations (median absolute deviation of the paper) above the paper, so a blank page stays
 * blank. Measured against a local-mean threshold in docs/digits.md.
 */
public final class PhotoBinarizer {
    private static final int FIT_ROUNDS = 5;
    /** Pixels further than this many robust deviations from the fitted paper are left out of the next fit. */
    private static final float FIT_CLIP = 2.5f;
    /** Ink must stand out by this many noise deviations of the paper. */
    private static final float NOISE_MARGIN = 4f;
    /**
     * The fit's outlier cut never exceeds this many sensor-noise deviations (from neighbour differences). When
     * ink covers a large share of the frame (a bold digit at 60–90 % of its height), the spread of the residual is
     * the ink's, not the noise's: the cut then lets the ink into the paper fit and the noise floor rises above the
     * ink itself, and the photo came back blank. Tuning split, digits at 60–90 % of the frame: 89.9 → 93.1 %.
     */
    private static final float NOISE_CLIP = 3f;

    private final float minContrast;

    /** Default: the ink must stand out from the paper by at least 0.1 (in luminance, 0..1). */
    public PhotoBinarizer() {
        this(0.1f);
    }

    /** @param minContrast how far the typical ink must stand out from the paper for anything to count as ink */
    public PhotoBinarizer(float minContrast) {
        if (!(minContrast > 0 && minContrast < 1)) {
            throw new IllegalArgumentException("minimum contrast must be in (0, 1), got " + minContrast);
        }
        this.minContrast = minContrast;
    }

    /**
     * @param luminance 0 = black, 1 = white
     * @return ink = 1, background = 0; all 0 when nothing stands out by at least the minimum contrast
     */
    public GrayImage binarize(GrayImage luminance) {
        Paper paper = Paper.fit(luminance);
        float[] inkness = paper.residual;
        if (paper.darkInk) {
            for (int i = 0; i < inkness.length; i++) inkness[i] = -inkness[i];
        }
        GrayImage out = new GrayImage(luminance.width(), luminance.height());
        float floor = Math.max(NOISE_MARGIN * paper.noiseSigma, minContrast / 2);
        // the ink's typical level among pixels at least a third as strong as the strongest ink (the 0.2 % tail):
        // a hard shadow across the page is far weaker than the ink and would otherwise be its "median ink"
        float[] sorted = inkness.clone();
        Arrays.sort(sorted);
        float strongest = sorted[sorted.length - Math.max(1, Math.round(0.002f * sorted.length))];
        float inkLevel = median(inkness, Math.max(floor, strongest / 3));
        if (Float.isNaN(inkLevel) || inkLevel < minContrast) {
            return out;
        }
        float threshold = Math.max(inkLevel / 2, floor);
        float[] o = out.pixels();
        for (int i = 0; i < inkness.length; i++) {
            if (inkness[i] > threshold) o[i] = 1;
        }
        return out;
    }

    /** True when the ink is darker than the paper (the picture must be inverted for MNIST). */
    public static boolean isDarkInk(GrayImage luminance) {
        return Paper.fit(luminance).darkInk;
    }

    /** Median of the values above {@code above}; NaN when there is none. */
    private static float median(float[] values, float above) {
        int n = 0;
        for (float v : values) if (v > above) n++;
        if (n == 0) return Float.NaN;
        float[] picked = new float[n];
        n = 0;
        for (float v : values) if (v > above) picked[n++] = v;
        Arrays.sort(picked);
        return picked[n / 2];
    }

    /** The lit paper as a quadratic surface, the photo's residual from it, the ink's side and the noise. */
    private static final class Paper {
        float[] residual;
        boolean darkInk;
        float noiseSigma;

        static Paper fit(GrayImage image) {
            int w = image.width(), h = image.height();
            float sensorNoise = Math.max(0.004f, neighbourNoise(image));
            float[] lum = image.pixels();
            // fit on a grid of at most ~160 x 160 pixels: the surface is smooth, the fit stays cheap
            int step = Math.max(1, Math.min(w, h) / 160);
            int gw = (w + step - 1) / step, gh = (h + step - 1) / step;
            double[][] basis = new double[gw * gh][];
            float[] sample = new float[gw * gh];
            int k = 0;
            for (int y = 0; y < h; y += step) {
                for (int x = 0; x < w; x += step) {
                    basis[k] = terms(x, y, w, h);
                    sample[k++] = lum[y * w + x];
                }
            }
            boolean[] use = new boolean[k];
            Arrays.fill(use, true);
            double[] coef = null;
            float[] res = new float[k];
            float centre = 0, sigma = 0;
            for (int round = 0; round < FIT_ROUNDS; round++) {
                double[] next = leastSquares(basis, sample, use, k);
                if (next == null) break;                           // too few paper pixels left: keep the last fit
                coef = next;
                for (int i = 0; i < k; i++) res[i] = sample[i] - (float) dot(coef, basis[i]);
                float[] kept = new float[k];
                int m = 0;
                for (int i = 0; i < k; i++) if (use[i]) kept[m++] = res[i];
                kept = Arrays.copyOf(kept, m);
                Arrays.sort(kept);
                centre = kept[m / 2];
                for (int i = 0; i < m; i++) kept[i] = Math.abs(kept[i] - centre);
                Arrays.sort(kept);
                sigma = Math.max(1e-3f, 1.4826f * kept[m / 2]);
                // after the first round the surface is roughly right: never let the ink's spread pass for noise
                if (round > 0) sigma = Math.min(sigma, NOISE_CLIP * sensorNoise);
                for (int i = 0; i < k; i++) use[i] = Math.abs(res[i] - centre) <= FIT_CLIP * sigma;
            }
            Paper p = new Paper();
            p.noiseSigma = Math.min(sigma, sensorNoise);
            p.residual = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double[] t = terms(x, y, w, h);
                    p.residual[y * w + x] = lum[y * w + x] - (float) (coef == null ? 0.5 : dot(coef, t)) - centre;
                }
            }
            // the ink's side: whichever extreme (0.2 % tails of the whole frame) lies further from the paper
            float[] sorted = p.residual.clone();
            Arrays.sort(sorted);
            int tail = Math.max(1, Math.round(0.002f * sorted.length));
            p.darkInk = -sorted[tail - 1] >= sorted[sorted.length - tail];
            return p;
        }

        /**
         * The sensor noise's standard deviation from differences of horizontal neighbours (median absolute
         * difference / √2, scaled to σ): only pixels on an edge differ by more, so it holds however much ink there is.
         */
        static float neighbourNoise(GrayImage image) {
            int w = image.width(), h = image.height();
            if (w < 2) return 0;
            float[] p = image.pixels();
            float[] d = new float[(w - 1) * h];
            int n = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x + 1 < w; x++) d[n++] = Math.abs(p[y * w + x + 1] - p[y * w + x]);
            }
            Arrays.sort(d, 0, n);
            return 1.4826f * d[n / 2] / (float) Math.sqrt(2);
        }

        /** 1, x, y, x², xy, y² with x and y scaled to [-1, 1]. */
        private static double[] terms(int x, int y, int w, int h) {
            double u = 2.0 * x / Math.max(1, w - 1) - 1, v = 2.0 * y / Math.max(1, h - 1) - 1;
            return new double[] {1, u, v, u * u, u * v, v * v};
        }

        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) s += a[i] * b[i];
            return s;
        }

        /** Normal equations solved by Gaussian elimination with partial pivoting; null when singular. */
        private static double[] leastSquares(double[][] basis, float[] y, boolean[] use, int n) {
            int m = 6;
            double[][] a = new double[m][m + 1];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (!use[i]) continue;
                count++;
                double[] t = basis[i];
                for (int r = 0; r < m; r++) {
                    for (int c = 0; c < m; c++) a[r][c] += t[r] * t[c];
                    a[r][m] += t[r] * y[i];
                }
            }
            if (count < 4 * m) return null;
            for (int col = 0; col < m; col++) {
                int pivot = col;
                for (int r = col + 1; r < m; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
                if (Math.abs(a[pivot][col]) < 1e-9 * count) return null;
                double[] swap = a[col];
                a[col] = a[pivot];
                a[pivot] = swap;
                for (int r = 0; r < m; r++) {
                    if (r == col) continue;
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= m; c++) a[r][c] -= f * a[col][c];
                }
            }
            double[] x = new double[m];
            for (int r = 0; r < m; r++) x[r] = a[r][m] / a[r][r];
            return x;
        }
    }
}
