package io.neuronlab.mllib.digits;

/**
 * How large a photo the digit readers decode: the one limit the app's camera/gallery path and the CLI's
 * {@code predict} share. A picture's declared size (from its header, before any pixel is decoded) above
 * {@link #MAX_PIXELS} is refused — a small file can declare 20000×20000 and ask for gigabytes; below it, big photos
 * are decoded subsampled by a power of two ({@link #subsampling}), since 28×28 digits need few pixels.
 */
public final class PhotoSize {
    /** Decoding subsamples until the longer side is below twice this (1024–2047 px). */
    public static final int DECODE_SIDE = 1024;
    /** The largest declared size decoded at all: 200 megapixels, the largest phone camera sensors. */
    public static final long MAX_PIXELS = 200_000_000L;

    private PhotoSize() {
    }

    /** The power-of-two subsampling for a {@code width × height} picture (1: decode every pixel). */
    public static int subsampling(int width, int height) {
        int longer = Math.max(width, height);
        int sample = 1;
        while (longer / (sample * 2) >= DECODE_SIDE) {
            sample *= 2;
        }
        return sample;
    }

    /**
     * Throws {@link IllegalArgumentException} naming {@code name} unless a picture declaring {@code width × height}
     * may be decoded: both sides positive and at most {@link #MAX_PIXELS} pixels.
     */
    public static void requireDecodable(String name, long width, long height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(name + " declares a size of " + width + "x" + height + ": not a picture");
        }
        if (width * height > MAX_PIXELS) {
            throw new IllegalArgumentException(name + " declares " + width + "x" + height + " pixels ("
                + (width * height / 1_000_000) + " megapixels); photos of up to " + (MAX_PIXELS / 1_000_000)
                + " megapixels are read (a damaged or hostile file?)");
        }
    }
}
