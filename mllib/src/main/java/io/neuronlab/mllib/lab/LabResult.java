package io.neuronlab.mllib.lab;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.train.Metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How a trained network does on test images: the confusion matrix ({@code counts[actual][predicted]}) and the
 * misclassified images (index into the test set, the actual and the predicted digit), in test-set order.
 */
public final class LabResult {
    /** One wrong answer. */
    public record Mistake(int index, int actual, int predicted) {
    }

    private final int[][] confusion;
    private final List<Mistake> mistakes;
    private final int total;

    private LabResult(int[][] confusion, List<Mistake> mistakes, int total) {
        this.confusion = confusion;
        this.mistakes = Collections.unmodifiableList(mistakes);
        this.total = total;
    }

    /** Runs {@code model} (evaluation mode) over {@code test} in batches of 200. */
    public static LabResult evaluate(Layer model, Dataset test) {
        model.train(false);
        int classes = test.numClasses();
        int[][] confusion = new int[classes][classes];
        List<Mistake> mistakes = new ArrayList<>();
        int n = test.size();
        for (int from = 0; from < n; from += 200) {
            int to = Math.min(n, from + 200);
            Tensor scores = model.forward(test.subset(from, to).inputs());
            for (int i = from; i < to; i++) {
                int predicted = Metrics.argmax(scores.data(), (i - from) * classes, classes);
                int actual = test.label(i);
                confusion[actual][predicted]++;
                if (predicted != actual) {
                    mistakes.add(new Mistake(i, actual, predicted));
                }
            }
        }
        return new LabResult(confusion, mistakes, n);
    }

    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    public List<Mistake> mistakes() {
        return mistakes;
    }

    public int total() {
        return total;
    }

    /** Fraction correct, 0..1 (0 for an empty test set). */
    public float accuracy() {
        return total == 0 ? 0f : (total - mistakes.size()) / (float) total;
    }
}
