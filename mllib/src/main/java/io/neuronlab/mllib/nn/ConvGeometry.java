package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Shapes;

/**
 * The sizes of one convolution call — batch, channels, image, filter, stride, padding — and the output size they
 * give, checked up front so that every array the convolution makes (output, columns) fits in one Java array: a
 * damaged or hostile model file (padding 2²⁰) gets a message instead of a {@code NegativeArraySizeException}.
 */
public final class ConvGeometry {
    /** The largest array the JVM will allocate (a few header words short of {@code Integer.MAX_VALUE}). */
    public static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** Batch N, input channels C, input height H and width W. */
    public final int n, inC, h, w;
    /** Filters O, filter height KH and width KW, stride and zero padding on every side. */
    public final int outC, kh, kw, stride, pad;
    /** Output height OH and width OW. */
    public final int oh, ow;
    /** Output positions per image ({@code OH·OW}) and column rows per image ({@code C·KH·KW}). */
    public final int plane, kk;

    private ConvGeometry(int[] s, int outC, int kh, int kw, int stride, int pad, int oh, int ow) {
        this.n = s[0];
        this.inC = s[1];
        this.h = s[2];
        this.w = s[3];
        this.outC = outC;
        this.kh = kh;
        this.kw = kw;
        this.stride = stride;
        this.pad = pad;
        this.oh = oh;
        this.ow = ow;
        this.plane = oh * ow;
        this.kk = inC * kh * kw;
    }

    /**
     * The geometry of {@code what} (a layer, whose {@code toString} names it in messages) run on an input of shape
     * {@code [N, C, H, W]}; throws {@link IllegalArgumentException} when the filter does not fit or when the output
     * or the batch's columns would not fit in one array.
     */
    public static ConvGeometry of(Object what, int[] inputShape, int outC, int kh, int kw, int stride, int pad) {
        if (inputShape.length != 4) {
            throw new IllegalArgumentException(what + " expects input [N, C, H, W], got " + Shapes.toString(inputShape));
        }
        long oh = outSize(what, inputShape[2], kh, stride, pad);
        long ow = outSize(what, inputShape[3], kw, stride, pad);
        long plane = oh * ow;
        long kk = (long) inputShape[1] * kh * kw;
        long n = inputShape[0];
        // per image first: a product of the per-image sizes with N cannot overflow a long after these checks
        requireFits(what, inputShape, "output", oh, ow, outC * plane, n * outC * plane);
        requireFits(what, inputShape, "im2col columns", oh, ow, kk * plane, n * kk * plane);
        return new ConvGeometry(inputShape, outC, kh, kw, stride, pad, (int) oh, (int) ow);
    }

    private static long outSize(Object what, int in, int k, int stride, int pad) {
        if (k <= 0 || stride <= 0 || pad < 0) {
            throw new IllegalArgumentException(what + " needs filter size > 0, stride > 0 and padding >= 0, got filter "
                + k + ", stride " + stride + ", padding " + pad);
        }
        long span = (long) in + 2L * pad - k;
        if (span < 0) {
            throw new IllegalArgumentException(what + ": a filter of size " + k + " does not fit an input of size " + in
                + " with padding " + pad);
        }
        return span / stride + 1;
    }

    private static void requireFits(Object what, int[] inputShape, String array, long oh, long ow, long perImage,
                                    long total) {
        if (perImage > MAX_ARRAY || total > MAX_ARRAY) {
            throw new IllegalArgumentException(what + " on input " + Shapes.toString(inputShape) + " gives a " + oh + "x"
                + ow + " output; its " + array + " would hold " + (perImage > MAX_ARRAY ? perImage + " values per image"
                : total + " values") + ", more than one array can (" + MAX_ARRAY + ")");
        }
    }

    /** {@code [N, C, H, W]}. */
    public int[] inputShape() {
        return new int[] {n, inC, h, w};
    }

    /** {@code [N, O, OH, OW]}. */
    public int[] outputShape() {
        return new int[] {n, outC, oh, ow};
    }

    /** One input image's floats ({@code C·H·W}). */
    public int imageSize() {
        return inC * h * w;
    }

    /** One image's im2col columns ({@code C·KH·KW · OH·OW} floats). */
    public int columnsPerImage() {
        return kk * plane;
    }

    /** One image's output floats ({@code O · OH·OW}). */
    public int outputPerImage() {
        return outC * plane;
    }
}
