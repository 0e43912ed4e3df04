package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.loss.CrossEntropy;
import io.neuronlab.mllib.loss.SumSquaredError;
import io.neuronlab.mllib.tensor.Tensor;

/** Lesson 5's numbers: the book's prediction with an adjustable probability for the right class (2). */
public final class LossDemo {
    /** The book's example prediction; the right class is 2 (probability 0.6). */
    static final float[] BOOK = {0.1f, 0.05f, 0.6f, 0.0f, 0.05f, 0.1f, 0.0f, 0.1f, 0.0f, 0.0f};
    public static final int RIGHT = 2;

    /** The two losses for one prediction. */
    public record Losses(float sumSquared, float crossEntropy) {
    }

    private LossDemo() {
    }

    /** The book's prediction with y[2] = p and the other classes scaled to share 1 − p in the book's proportions. */
    public static float[] prediction(double p) {
        float[] y = BOOK.clone();
        double rest = 1 - BOOK[RIGHT];
        for (int i = 0; i < y.length; i++) {
            y[i] = i == RIGHT ? (float) p : (float) (BOOK[i] * (1 - p) / rest);
        }
        return y;
    }

    /** mllib's SumSquaredError and CrossEntropy of y against the one-hot target for class 2. */
    public static Losses losses(float[] y) {
        float[] t = new float[y.length];
        t[RIGHT] = 1;
        Tensor output = Tensor.of(y, y.length);
        Tensor target = Tensor.of(t, t.length);
        return new Losses(new SumSquaredError().forward(output, target), new CrossEntropy().forward(output, target));
    }
}
