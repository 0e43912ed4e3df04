package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.tensor.ScalarMath;

/** Scores → probabilities for printing: a softmax unless the model already ends in one. */
@DesktopOnly
final class Probabilities {
    private Probabilities() {
    }

    static float[] of(float[] scores) {
        return ScalarMath.probabilities(scores);
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
