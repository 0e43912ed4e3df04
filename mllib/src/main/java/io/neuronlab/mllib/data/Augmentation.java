package io.neuronlab.mllib.data;

import java.util.Random;

/**
 * Random, label-preserving distortions of training images: a shift of up to ±{@code maxShift} whole pixels
 * in x and y and a rotation about the image centre of up to ±{@code maxDegrees}, drawn per image from one
 * seeded {@link Random}. Pixels are resampled bilinearly; pixels that come from outside the image are 0
 * (MNIST's background).
 *
 * <p>More varied training digits make a network generalise better, which the deep CNN needs for > 99.3 %.
 */
public final class Augmentation {
    private final int maxShift;
    private final double maxDegrees;
    private final Random random;

    public Augmentation(int maxShift, double maxDegrees, long seed) {
        if (maxShift < 0 || !(maxDegrees >= 0 && maxDegrees <= 180)) {
            throw new IllegalArgumentException("need maxShift >= 0 and 0 <= maxDegrees <= 180, got " + maxShift
                + " and " + maxDegrees);
        }
        this.maxShift = maxShift;
        this.maxDegrees = maxDegrees;
        this.random = new Random(seed);
    }

    /** The usual MNIST setting: shifts of ±2 pixels and rotations of ±10°. */
    public static Augmentation mnist(long seed) {
        return new Augmentation(2, 10, seed);
    }

    public int maxShift() {
        return maxShift;
    }

    public double maxDegrees() {
        return maxDegrees;
    }

    /**
     * Writes a randomly shifted and rotated copy of the image {@code [channels, height, width]} starting at
     * {@code src[srcOffset]} into {@code dst} from {@code dstOffset}. All channels get the same distortion.
     */
    public void apply(float[] src, int srcOffset, float[] dst, int dstOffset, int channels, int height, int width) {
        int dx = maxShift == 0 ? 0 : random.nextInt(2 * maxShift + 1) - maxShift;
        int dy = maxShift == 0 ? 0 : random.nextInt(2 * maxShift + 1) - maxShift;
        double degrees = (2 * random.nextDouble() - 1) * maxDegrees;
        transform(src, srcOffset, dst, dstOffset, channels, height, width, dx, dy, Math.toRadians(degrees));
    }

    /**
     * Rotates by {@code radians} about the centre (clockwise on screen for positive angles, since y points
     * down), then shifts by ({@code dx}, {@code dy}): output pixel (x', y') reads the input at the inverse
     * of that mapping, interpolated bilinearly.
     */
    static void transform(float[] src, int srcOffset, float[] dst, int dstOffset, int channels, int height, int width,
                          double dx, double dy, double radians) {
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            int in = srcOffset + c * plane;
            int out = dstOffset + c * plane;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double u = x - dx - cx;
                    double v = y - dy - cy;
                    double sx = cx + cos * u + sin * v;
                    double sy = cy - sin * u + cos * v;
                    dst[out + y * width + x] = bilinear(src, in, height, width, sx, sy);
                }
            }
        }
    }

    private static float bilinear(float[] img, int offset, int height, int width, double x, double y) {
        // snap values within rounding noise of a pixel centre, so 0° and 90° turns copy pixels exactly
        double rx = Math.rint(x);
        double ry = Math.rint(y);
        if (Math.abs(x - rx) < 1e-9) {
            x = rx;
        }
        if (Math.abs(y - ry) < 1e-9) {
            y = ry;
        }
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double v = (1 - fx) * (1 - fy) * pixel(img, offset, height, width, x0, y0)
            + fx * (1 - fy) * pixel(img, offset, height, width, x0 + 1, y0)
            + (1 - fx) * fy * pixel(img, offset, height, width, x0, y0 + 1)
            + fx * fy * pixel(img, offset, height, width, x0 + 1, y0 + 1);
        return (float) v;
    }

    private static float pixel(float[] img, int offset, int height, int width, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0f : img[offset + y * width + x];
    }
}
