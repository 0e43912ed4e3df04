package io.neuronlab.mllib.models;

/**
 * What the famous architectures are built for: input channels, image side, classes, a width divisor and the seed
 * of the initial weights. {@link #imageNet} is the published setting (224×224×3, 1000 classes, full width);
 * {@link #mnist} (28×28×1) and {@link #cifar} (32×32×3) are the small inputs a laptop or phone trains on. Below 64
 * pixels the builders use a small stem (a 3×3 stride-1 first convolution, no early pooling), as CIFAR versions of
 * these networks do, and drop poolings that would shrink the image below one pixel; {@code widthDivisor} divides
 * every channel and hidden width (at least 1 remains), for tests and quick experiments.
 */
public record ImageInput(int channels, int size, int classes, int widthDivisor, long seed) {
    public ImageInput {
        if (channels <= 0 || size <= 0 || classes <= 0 || widthDivisor <= 0) {
            throw new IllegalArgumentException("ImageInput needs channels, size, classes and widthDivisor > 0, got "
                + channels + ", " + size + ", " + classes + ", " + widthDivisor);
        }
    }

    /** 224×224×3, 1000 classes, full width: the published networks (and torchvision's parameter counts). */
    public static ImageInput imageNet(long seed) {
        return new ImageInput(3, 224, 1000, 1, seed);
    }

    /** 28×28×1, 10 classes. */
    public static ImageInput mnist(long seed) {
        return new ImageInput(1, 28, 10, 1, seed);
    }

    /** 32×32×3, 10 classes. */
    public static ImageInput cifar(long seed) {
        return new ImageInput(3, 32, 10, 1, seed);
    }

    /** The same with every width divided by {@code divisor}. */
    public ImageInput narrower(int divisor) {
        return new ImageInput(channels, size, classes, divisor, seed);
    }

    /** Whether the builders use the small stem (inputs under 64 pixels). */
    public boolean small() {
        return size < 64;
    }

    /** {@code width / widthDivisor}, at least 1. */
    public int width(int width) {
        return Math.max(1, width / widthDivisor);
    }
}
