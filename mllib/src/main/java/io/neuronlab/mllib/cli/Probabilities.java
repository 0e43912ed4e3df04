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

    /** {@link #of}, but a model whose scores are not numbers (NaN) gets an error instead of argmax's digit 0. */
    static float[] ofNumbers(float[] scores) throws CommandFailedException {
        float[] p = of(scores);
        for (float v : p) {
            if (Float.isNaN(v)) {
                throw new CommandFailedException("the model's scores are not numbers (NaN): its weights overflow or are"
                    + " damaged, so there is no digit to report");
            }
        }
        return p;
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
