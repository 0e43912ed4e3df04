package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.functions.Softmax;
import io.neuronlab.mllib.tensor.Tensor;

/** Lesson 4's numbers: mllib's softmax (the maximum subtracted first) and the textbook formula without it. */
public final class SoftmaxDemo {
    private SoftmaxDemo() {
    }

    /** mllib's {@link Softmax#softmax(float[])}: e^(a−max) / Σ e^(a−max). */
    public static float[] guarded(float... scores) {
        return Softmax.softmax(scores);
    }

    /** e^a / Σ e^a with mllib's tensor ops, nothing subtracted: in float, e^a is ∞ for a > 88.7. */
    public static float[] naive(float... scores) {
        Tensor e = Tensor.of(scores, scores.length).exp();
        return e.div(e.sum()).data();
    }

    /** e^a per score with mllib's tensor ops (the numerators of {@link #naive}). */
    public static float[] exponentials(float... scores) {
        return Tensor.of(scores, scores.length).exp().data();
    }

    /** The overflow demo's scores for a top score s: (s, s − 10, s − 20); s = 1010 gives the book's (1010, 1000, 990). */
    public static float[] overflowScores(double top) {
        return new float[] {(float) top, (float) (top - 10), (float) (top - 20)};
    }
}
