package io.neuronlab.mllib.train;

import io.neuronlab.mllib.tensor.Tensor;

/** Classification metrics on score tensors {@code [B, K]}: the predicted class is the highest score. */
public final class Metrics {
    private Metrics() {
    }

    /** Index of the largest of {@code k} values from {@code offset} (the first one on ties). */
    public static int argmax(float[] values, int offset, int k) {
        int best = 0;
        float max = values[offset];
        for (int j = 1; j < k; j++) {
            if (values[offset + j] > max) {
                max = values[offset + j];
                best = j;
            }
        }
        return best;
    }

    /** Predicted class of every row of {@code scores} {@code [B, K]}. */
    public static int[] predictions(Tensor scores) {
        int k = classes(scores);
        int rows = scores.size(0);
        int[] out = new int[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = argmax(scores.data(), i * k, k);
        }
        return out;
    }

    /** Number of rows of {@code scores} {@code [B, K]} whose argmax equals the label. */
    public static int correct(Tensor scores, int[] labels) {
        int k = classes(scores);
        int rows = scores.size(0);
        if (labels.length < rows) {
            throw new IllegalArgumentException(rows + " score rows but only " + labels.length + " labels");
        }
        int correct = 0;
        for (int i = 0; i < rows; i++) {
            if (argmax(scores.data(), i * k, k) == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    /** Fraction of rows classified correctly. */
    public static double accuracy(Tensor scores, int[] labels) {
        return scores.size(0) == 0 ? 0 : (double) correct(scores, labels) / scores.size(0);
    }

    static int classes(Tensor scores) {
        if (scores.dim() != 2) {
            throw new IllegalArgumentException("class scores must be [B, K], got shape "
                + java.util.Arrays.toString(scores.shape()));
        }
        return scores.size(1);
    }
}
