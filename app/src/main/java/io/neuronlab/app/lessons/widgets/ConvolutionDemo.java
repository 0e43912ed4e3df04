package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.functions.Convolution1d;
import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Im2col;
import io.neuronlab.mllib.tensor.Tensor;
import java.util.Random;

/** Lesson 14's numbers: a 3-point moving average, 3×3 kernels on an image, and the output-size formula, by mllib. */
public final class ConvolutionDemo {
    /** Daily values with noise, for the moving average. */
    public static final float[] SIGNAL = {3, 5, 4, 8, 6, 9, 7, 11, 10, 12};
    public static final float[] AVERAGE_3 = {1f / 3, 1f / 3, 1f / 3};
    public static final String[] KERNEL_NAMES = {"identity", "blur", "sharpen", "horizontal edges", "vertical edges",
            "all edges"};
    public static final float[][] KERNELS = {
            {0, 0, 0, 0, 1, 0, 0, 0, 0},
            {1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9},
            {0, -1, 0, -1, 5, -1, 0, -1, 0},
            {-1, -2, -1, 0, 0, 0, 1, 2, 1},
            {-1, 0, 1, -2, 0, 2, -1, 0, 1},
            {-1, -1, -1, -1, 8, -1, -1, -1, -1}};

    private ConvolutionDemo() {
    }

    /** mllib's 1-D cross-correlation of {@link #SIGNAL} with a 3-point average: 8 values. */
    public static float[] movingAverage() {
        return Convolution1d.crossCorrelate(SIGNAL, AVERAGE_3);
    }

    /** The output size (H + 2P − K) / S + 1 from mllib, or mllib's message when the filter does not fit. */
    public static String outputSize(int in, int kernel, int padding, int stride) {
        try {
            return String.valueOf(Im2col.outSize(in, kernel, stride, padding));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** A 28×28 "7" (ink 1 on 0), the image the kernels are applied to. */
    public static GrayImage seven() {
        GrayImage image = new GrayImage(28, 28);
        for (int y = 6; y <= 8; y++) {
            for (int x = 7; x <= 21; x++) {
                image.set(x, y, 1);
            }
        }
        for (int y = 9; y <= 23; y++) {
            int x = 21 - (y - 9) * 2 / 3;
            for (int dx = -1; dx <= 1; dx++) {
                image.set(x + dx, y, 1);
            }
        }
        return image;
    }

    /** mllib's Conv2d (padding 1, so the size is kept) with kernel {@code k} over the image: raw outputs. */
    public static Tensor apply(GrayImage image, int k) {
        Conv2d conv = new Conv2d(1, 1, 3, 1, 1, new He(), new Random(1));
        System.arraycopy(KERNELS[k], 0, conv.weight().data(), 0, 9);
        java.util.Arrays.fill(conv.bias().data(), 0f);
        return conv.forward(Tensor.of(image.pixels().clone(), 1, 1, image.height(), image.width()));
    }

    /** Outputs as an image to look at: |value| scaled so the largest is 1. */
    public static GrayImage visible(Tensor out, int width, int height) {
        float[] d = out.data();
        float max = 0;
        for (float v : d) {
            max = Math.max(max, Math.abs(v));
        }
        float[] p = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            p[i] = max == 0 ? 0 : Math.abs(d[i]) / max;
        }
        return new GrayImage(width, height, p);
    }
}
