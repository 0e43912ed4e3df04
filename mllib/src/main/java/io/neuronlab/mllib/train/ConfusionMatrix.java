package io.neuronlab.mllib.train;

import io.neuronlab.mllib.tensor.Tensor;

/**
 * Counts of (actual class, predicted class) pairs for a K-class classifier. Row = actual, column = predicted:
 * the diagonal holds the correct answers, a row's off-diagonal cells what that class was mistaken for.
 */
public final class ConfusionMatrix {
    private final int numClasses;
    private final long[] counts;
    private long total;

    public ConfusionMatrix(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
        }
        this.numClasses = numClasses;
        this.counts = new long[numClasses * numClasses];
    }

    public int numClasses() {
        return numClasses;
    }

    /** Records one example of class {@code actual} classified as {@code predicted}. */
    public void add(int actual, int predicted) {
        if (actual < 0 || actual >= numClasses || predicted < 0 || predicted >= numClasses) {
            throw new IllegalArgumentException("classes must be 0.." + (numClasses - 1) + ", got actual " + actual
                + ", predicted " + predicted);
        }
        counts[actual * numClasses + predicted]++;
        total++;
    }

    /** Records the first {@code count} rows of {@code scores} {@code [B, K]} (prediction = argmax) against labels. */
    public void add(Tensor scores, int[] labels, int count) {
        int k = Metrics.classes(scores);
        if (k != numClasses) {
            throw new IllegalArgumentException("scores have " + k + " classes, the matrix " + numClasses);
        }
        for (int i = 0; i < count; i++) {
            add(labels[i], Metrics.argmax(scores.data(), i * k, k));
        }
    }

    /** Number of examples of class {@code actual} predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[actual * numClasses + predicted];
    }

    public long total() {
        return total;
    }

    /** Fraction of all examples on the diagonal (0 if empty). */
    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < numClasses; c++) {
            correct += count(c, c);
        }
        return total == 0 ? 0 : (double) correct / total;
    }

    /** Of the examples predicted as class c, the fraction that are c (NaN if nothing was predicted as c). */
    public double precision(int c) {
        long predicted = 0;
        for (int a = 0; a < numClasses; a++) {
            predicted += count(a, c);
        }
        return predicted == 0 ? Double.NaN : (double) count(c, c) / predicted;
    }

    /** Of the examples of class c, the fraction predicted as c (NaN if there are none). */
    public double recall(int c) {
        long actual = 0;
        for (int p = 0; p < numClasses; p++) {
            actual += count(c, p);
        }
        return actual == 0 ? Double.NaN : (double) count(c, c) / actual;
    }

    /** Harmonic mean of precision and recall of class c (NaN if either is undefined, 0 if both are 0). */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The matrix as text, rows = actual, columns = predicted, with per-class precision and recall. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("actual\\pred");
        for (int p = 0; p < numClasses; p++) {
            sb.append(String.format("%7d", p));
        }
        sb.append("   recall\n");
        for (int a = 0; a < numClasses; a++) {
            sb.append(String.format("%11d", a));
            for (int p = 0; p < numClasses; p++) {
                sb.append(String.format("%7d", count(a, p)));
            }
            sb.append(String.format("   %6.4f%n", recall(a)));
        }
        sb.append("  precision");
        for (int p = 0; p < numClasses; p++) {
            sb.append(String.format(" %6.4f", precision(p)));
        }
        return sb.append(String.format("%naccuracy %.4f of %d%n", accuracy(), total)).toString();
    }
}
