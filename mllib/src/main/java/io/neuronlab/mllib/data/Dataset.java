package io.neuronlab.mllib.data;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.Arrays;

/**
 * Labelled examples for classification: inputs {@code [N, ...]} (MNIST: {@code [N, 1, 28, 28]} with pixels in
 * [0, 1]) and one class index per example, {@code labels[n]} in {@code 0 .. numClasses-1}.
 */
public final class Dataset {
    private final Tensor inputs;
    private final int[] labels;
    private final int numClasses;
    private final int exampleSize;

    /** Wraps (does not copy) {@code inputs} {@code [N, ...]} and {@code labels} {@code [N]}. */
    public Dataset(Tensor inputs, int[] labels, int numClasses) {
        if (inputs.dim() < 1) {
            throw new IllegalArgumentException("inputs need a first (example) axis, got a scalar");
        }
        if (inputs.size(0) != labels.length) {
            throw new IllegalArgumentException("inputs have " + inputs.size(0) + " examples but there are "
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
        this.labels = labels;
        this.numClasses = numClasses;
        this.exampleSize = labels.length == 0 ? 0 : inputs.numel() / labels.length;
    }

    /** Number of examples N. */
    public int size() {
        return labels.length;
    }

    /** All inputs, {@code [N, ...]} (shared storage). */
    public Tensor inputs() {
        return inputs;
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
        int[] s = inputs.shape();
        return Arrays.copyOfRange(s, 1, s.length);
    }

    /** Number of values in one example (784 for MNIST). */
    public int exampleSize() {
        return exampleSize;
    }

    /** Example {@code index} as a tensor {@code [1, ...]} (a copy). */
    public Tensor example(int index) {
        float[] x = new float[exampleSize];
        System.arraycopy(inputs.data(), index * exampleSize, x, 0, exampleSize);
        int[] shape = inputs.shape();
        shape[0] = 1;
        return Tensor.of(x, shape);
    }

    /** Examples {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public Dataset subset(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("subset [" + from + ", " + to + ") is outside 0.." + size());
        }
        float[] x = Arrays.copyOfRange(inputs.data(), from * exampleSize, to * exampleSize);
        int[] shape = inputs.shape();
        shape[0] = to - from;
        return new Dataset(Tensor.of(x, shape), Arrays.copyOfRange(labels, from, to), numClasses);
    }

    @Override
    public String toString() {
        return "Dataset(" + size() + " examples of " + Arrays.toString(exampleShape()) + ", " + numClasses + " classes)";
    }
}
