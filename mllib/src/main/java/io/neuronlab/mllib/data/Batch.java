package io.neuronlab.mllib.data;

import io.neuronlab.mllib.tensor.Tensor;

/**
 * One mini-batch from a {@link DataLoader}: inputs {@code [B, ...]}, labels {@code int[B]} and the same labels
 * as a float tensor {@code [B]} (the label-index target form the losses accept).
 *
 * <p>The loader refills the same Batch objects every step to avoid garbage: read a batch before asking for
 * the next one, and {@link Tensor#copy()} anything you want to keep.
 */
public final class Batch {
    private final Tensor inputs;
    private final int[] labels;
    private final Tensor targets;
    private final int[] indices;
    int number;

    Batch(int size, int[] exampleShape) {
        int[] shape = new int[exampleShape.length + 1];
        shape[0] = size;
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        this.inputs = Tensor.zeros(shape);
        this.labels = new int[size];
        this.targets = Tensor.zeros(size);
        this.indices = new int[size];
    }

    /** Number of examples B in this batch (the last batch of an epoch may be smaller). */
    public int size() {
        return labels.length;
    }

    /** Inputs {@code [B, ...]}. */
    public Tensor inputs() {
        return inputs;
    }

    /** Class labels {@code int[B]}. */
    public int[] labels() {
        return labels;
    }

    /** Class labels as floats {@code [B]}, for {@code loss.forward(output, targets)}. */
    public Tensor targets() {
        return targets;
    }

    /** Positions of this batch's examples in the dataset. */
    public int[] indices() {
        return indices;
    }

    /** Position of this batch in its epoch, from 0. */
    public int number() {
        return number;
    }
}
