package io.neuronlab.mllib.data;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.Arrays;

/**
 * Labelled examples for classification: inputs {@code [N, ...]} (MNIST: {@code [N, 1, 28, 28]} with pixels in
 * [0, 1]) and one class index per example, {@code labels[n]} in {@code 0 .. numClasses-1}.
 *
 * <p>Inputs are held either as floats or, for 8-bit images ({@link #ofPixels}), as the bytes themselves, a
 * quarter of the memory (MNIST's training set: 47 MB instead of 188 MB); {@link #copyExample} turns them into
 * {@code byte / 255} as batches are filled.
 */
public final class Dataset {
    private Tensor inputs;
    private final byte[] pixels;
    private final int[] shape;
    private final int[] labels;
    private final int numClasses;
    private final int exampleSize;

    /** Wraps (does not copy) {@code inputs} {@code [N, ...]} and {@code labels} {@code [N]}. */
    public Dataset(Tensor inputs, int[] labels, int numClasses) {
        this(inputs, null, inputs.shape(), labels, numClasses);
    }

    /**
     * Wraps (does not copy) 8-bit pixels {@code [N, ...]} (value {@code (pixels[i] & 0xFF) / 255}) and labels.
     */
    public static Dataset ofPixels(byte[] pixels, int[] shape, int[] labels, int numClasses) {
        long numel = 1;
        for (int d : shape) {
            numel *= d;
        }
        if (numel != pixels.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + numel + " values but there are "
                + pixels.length + " pixels");
        }
        return new Dataset(null, pixels, shape.clone(), labels, numClasses);
    }

    private Dataset(Tensor inputs, byte[] pixels, int[] shape, int[] labels, int numClasses) {
        if (shape.length < 1) {
            throw new IllegalArgumentException("inputs need a first (example) axis, got a scalar");
        }
        if (shape[0] != labels.length) {
            throw new IllegalArgumentException("inputs have " + shape[0] + " examples but there are "
                + labels.length + " labels");
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", expected 0.." + (numClasses - 1));
            }
        }
        this.inputs = inputs;
        this.pixels = pixels;
        this.shape = shape;
        this.labels = labels;
        this.numClasses = numClasses;
        int size = 1;
        for (int d = 1; d < shape.length; d++) {
            size *= shape[d];
        }
        this.exampleSize = size;
    }

    /** Number of examples N. */
    public int size() {
        return labels.length;
    }

    /**
     * All inputs, {@code [N, ...]} (shared storage). For a dataset of pixels the floats are made on the first call
     * and kept (4 bytes per value): loaders and evaluation use {@link #copyExample} and never need them.
     */
    public synchronized Tensor inputs() {
        if (inputs == null) {
            float[] x = new float[pixels.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = (pixels[i] & 0xFF) / 255f;
            }
            inputs = Tensor.of(x, shape.clone());
        }
        return inputs;
    }

    /** Number of axes of the inputs, the example axis included (MNIST: 4). */
    public int inputDims() {
        return shape.length;
    }

    /** Copies example {@code index}'s {@link #exampleSize()} values into {@code dst} from {@code offset}. */
    public void copyExample(int index, float[] dst, int offset) {
        int from = index * exampleSize;
        if (pixels == null) {
            System.arraycopy(inputs().data(), from, dst, offset, exampleSize);
            return;
        }
        for (int i = 0; i < exampleSize; i++) {
            dst[offset + i] = (pixels[from + i] & 0xFF) / 255f;
        }
    }

    /** All labels, {@code [N]} (shared array). */
    public int[] labels() {
        return labels;
    }

    public int label(int index) {
        return labels[index];
    }

    public int numClasses() {
        return numClasses;
    }

    /** Shape of one example (the inputs' shape without the first axis), e.g. {@code [1, 28, 28]}. */
    public int[] exampleShape() {
        return Arrays.copyOfRange(shape, 1, shape.length);
    }

    /** Number of values in one example (784 for MNIST). */
    public int exampleSize() {
        return exampleSize;
    }

    /** Example {@code index} as a tensor {@code [1, ...]} (a copy). */
    public Tensor example(int index) {
        float[] x = new float[exampleSize];
        copyExample(index, x, 0);
        int[] one = shape.clone();
        one[0] = 1;
        return Tensor.of(x, one);
    }

    /** Examples {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public Dataset subset(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("subset [" + from + ", " + to + ") is outside 0.." + size());
        }
        int[] part = shape.clone();
        part[0] = to - from;
        int[] partLabels = Arrays.copyOfRange(labels, from, to);
        if (pixels != null) {
            return ofPixels(Arrays.copyOfRange(pixels, from * exampleSize, to * exampleSize), part, partLabels, numClasses);
        }
        float[] x = Arrays.copyOfRange(inputs.data(), from * exampleSize, to * exampleSize);
        return new Dataset(Tensor.of(x, part), partLabels, numClasses);
    }

    @Override
    public String toString() {
        return "Dataset(" + size() + " examples of " + Arrays.toString(exampleShape()) + ", " + numClasses + " classes)";
    }
}
