package io.neuronlab.mllib.tflite;

/**
 * Conversions between mllib's layouts (NCHW activations, OIHW filters, Linear weights [in, out]) and
 * TFLite's (NHWC activations, OHWI filters, FULLY_CONNECTED weights [out, in]). All return new arrays.
 */
public final class Layouts {
    private Layouts() {
    }

    /** Filter [O, C, KH, KW] → [O, KH, KW, C]. */
    public static float[] oihwToOhwi(float[] w, int o, int c, int kh, int kw) {
        float[] r = new float[w.length];
        for (int a = 0; a < o; a++) {
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        r[((a * kh + y) * kw + x) * c + ch] = w[((a * c + ch) * kh + y) * kw + x];
                    }
                }
            }
        }
        return r;
    }

    /** [rows, cols] → [cols, rows]. */
    public static float[] transpose(float[] m, int rows, int cols) {
        float[] r = new float[m.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                r[j * rows + i] = m[i * cols + j];
            }
        }
        return r;
    }

    /** One image [C, H, W] starting at {@code offset} → [H, W, C] written into {@code out}. */
    public static void chwToHwc(float[] in, int offset, int c, int h, int w, float[] out) {
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[(y * w + x) * c + ch] = in[offset + (ch * h + y) * w + x];
                }
            }
        }
    }

    /** One image [H, W, C] → [C, H, W] written into {@code out} at {@code offset}. */
    public static void hwcToChw(float[] in, int c, int h, int w, float[] out, int offset) {
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[offset + (ch * h + y) * w + x] = in[(y * w + x) * c + ch];
                }
            }
        }
    }

    /**
     * Reorders the input rows of a Linear weight [C·H·W, out] that follows a flatten: mllib flattens NCHW in
     * (c, h, w) order, the NHWC graph flattens in (h, w, c) order, so row (c, h, w) moves to row (h, w, c).
     */
    public static float[] chwRowsToHwcRows(float[] weightInOut, int c, int h, int w, int out) {
        float[] r = new float[weightInOut.length];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int chw = (ch * h + y) * w + x;
                    int hwc = (y * w + x) * c + ch;
                    System.arraycopy(weightInOut, chw * out, r, hwc * out, out);
                }
            }
        }
        return r;
    }
}
