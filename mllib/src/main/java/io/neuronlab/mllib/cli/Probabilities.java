package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;

/** Scores → probabilities for printing: a softmax unless the model already ends in one. */
@DesktopOnly
final class Probabilities {
    private Probabilities() {
    }

    static float[] of(float[] scores) {
        double sum = 0;
        boolean distribution = true;
        for (float s : scores) {
            distribution &= s >= 0 && s <= 1;
            sum += s;
        }
        if (distribution && Math.abs(sum - 1) < 1e-3) {
            return scores.clone();
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float s : scores) {
            max = Math.max(max, s);
        }
        double[] e = new double[scores.length];
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            e[i] = Math.exp(scores[i] - max); // overflow guard
            total += e[i];
        }
        float[] p = new float[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (e[i] / total);
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
