package io.neuronlab.mllib.digits;

/**
 * A single-channel image of float pixels, row-major ({@code pixels[y * width + x]}). In this package the
 * convention is MNIST's: ink = 1, background = 0. Photo luminance (dark = 0, light = 1) is turned into that
 * convention by {@link PhotoBinarizer}.
 */
public final class GrayImage {
    private final int width;
    private final int height;
    private final float[] pixels;

    /** A black (all-zero) image. */
    public GrayImage(int width, int height) {
        this(width, height, new float[checkedArea(width, height)]);
    }

    /** Wraps {@code pixels} (not copied); its length must be {@code width * height}. */
    public GrayImage(int width, int height, float[] pixels) {
        int area = checkedArea(width, height);
        if (pixels.length != area) {
            throw new IllegalArgumentException("GrayImage " + width + "x" + height + " needs " + area
                + " pixels, got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    private static int checkedArea(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("GrayImage size must be positive, got " + width + "x" + height);
        }
        return Math.multiplyExact(width, height);
    }

    /**
     * Luminance in [0, 1] of packed ARGB pixels (Android's {@code Bitmap.getPixels} layout), Rec. 601 weights.
     * Transparent pixels count as white paper.
     */
    public static GrayImage luminanceOfArgb(int[] argb, int width, int height) {
        GrayImage out = new GrayImage(width, height);
        if (argb.length != out.pixels.length) {
            throw new IllegalArgumentException("ARGB array has " + argb.length + " pixels, expected "
                + width + "x" + height + " = " + out.pixels.length);
        }
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            float alpha = ((p >>> 24) & 0xff) / 255f;
            float lum = (0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff)) / 255f;
            out.pixels[i] = alpha * lum + (1 - alpha);
        }
        return out;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The backing array, row-major; writes are visible in the image. */
    public float[] pixels() {
        return pixels;
    }

    public float get(int x, int y) {
        return pixels[y * width + x];
    }

    public void set(int x, int y, float value) {
        pixels[y * width + x] = value;
    }

    public GrayImage copy() {
        return new GrayImage(width, height, pixels.clone());
    }

    /** The rectangle {@code [x0, x0 + w) × [y0, y0 + h)} as a new image. */
    public GrayImage crop(int x0, int y0, int w, int h) {
        if (x0 < 0 || y0 < 0 || w <= 0 || h <= 0 || x0 + w > width || y0 + h > height) {
            throw new IllegalArgumentException("crop " + w + "x" + h + " at (" + x0 + "," + y0
                + ") lies outside the " + width + "x" + height + " image");
        }
        GrayImage out = new GrayImage(w, h);
        for (int y = 0; y < h; y++) {
            System.arraycopy(pixels, (y0 + y) * width + x0, out.pixels, y * w, w);
        }
        return out;
    }

    /**
     * The smallest rectangle holding every pixel above {@code threshold}, or {@code null} when there is none.
     */
    public Box inkBounds(float threshold) {
        int minX = width, minY = height, maxX = -1, maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (pixels[row + x] > threshold) {
                    if (x < minX) minX = x;
                    if (x > maxX) maxX = x;
                    if (y < minY) minY = y;
                    if (y > maxY) maxY = y;
                }
            }
        }
        return maxX < 0 ? null : new Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** Intensity-weighted centre of mass {x, y} in pixel coordinates (pixel centres at integers); null if empty. */
    public float[] centreOfMass() {
        double sum = 0, sx = 0, sy = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = pixels[y * width + x];
                sum += v;
                sx += v * x;
                sy += v * y;
            }
        }
        return sum <= 0 ? null : new float[] {(float) (sx / sum), (float) (sy / sum)};
    }

    /** An axis-aligned pixel rectangle {@code [x, x + width) × [y, y + height)}. */
    public record Box(int x, int y, int width, int height) {
        public int right() {
            return x + width;
        }

        public int bottom() {
            return y + height;
        }

        public Box union(Box o) {
            int x0 = Math.min(x, o.x), y0 = Math.min(y, o.y);
            return new Box(x0, y0, Math.max(right(), o.right()) - x0, Math.max(bottom(), o.bottom()) - y0);
        }
    }
}
