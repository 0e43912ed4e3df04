package io.neuronlab.app.models;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.tensor.NoGrad;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.train.Metrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Two models on the same test digits: how often each is right, on how many digits they give different answers,
 * and the first few of those digits. Plain Java; runs on the calling (background) thread.
 */
public final class ModelComparison {
    private static final int BATCH = 200;

    /** Told after every batch how many of the test digits both models have answered. */
    public interface Progress {
        void update(int done, int total);
    }

    /** One test digit the models answer differently. */
    public record Disagreement(int index, int label, int answerA, int answerB) {
    }

    /**
     * @param total         how many test digits were compared
     * @param correctA      how many model A got right
     * @param correctB      how many model B got right
     * @param disagreements on how many the two answers differ
     * @param examples      the first few of those, in test-set order
     */
    public record Result(int total, int correctA, int correctB, int disagreements, List<Disagreement> examples) {
        public float accuracyA() {
            return total == 0 ? 0f : (float) correctA / total;
        }

        public float accuracyB() {
            return total == 0 ? 0f : (float) correctB / total;
        }
    }

    private ModelComparison() {
    }

    /**
     * Runs both models (evaluation mode) over {@code test} in batches of {@value #BATCH}; keeps up to
     * {@code examplesKept} disagreements.
     */
    public static Result compare(Layer a, Layer b, Dataset test, int examplesKept, Progress progress) {
        a.train(false);
        b.train(false);
        int n = test.size();
        int classes = test.numClasses();
        int correctA = 0;
        int correctB = 0;
        int disagreements = 0;
        List<Disagreement> examples = new ArrayList<>();
        try (NoGrad scope = NoGrad.enter()) {
            for (int from = 0; from < n; from += BATCH) {
                int to = Math.min(n, from + BATCH);
                Tensor inputs = test.subset(from, to).inputs();
                float[] scoresA = a.forward(inputs).data();
                float[] scoresB = b.forward(inputs).data();
                for (int i = from; i < to; i++) {
                    int answerA = Metrics.argmax(scoresA, (i - from) * classes, classes);
                    int answerB = Metrics.argmax(scoresB, (i - from) * classes, classes);
                    int label = test.label(i);
                    correctA += answerA == label ? 1 : 0;
                    correctB += answerB == label ? 1 : 0;
                    if (answerA != answerB) {
                        disagreements++;
                        if (examples.size() < examplesKept) {
                            examples.add(new Disagreement(i, label, answerA, answerB));
                        }
                    }
                }
                progress.update(to, n);
            }
        }
        return new Result(n, correctA, correctB, disagreements, Collections.unmodifiableList(examples));
    }
}
