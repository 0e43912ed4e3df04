package io.neuronlab.mllib.tensor;

/**
 * The numerically careful kernels that several packages need on plain arrays: the one stable sigmoid and the one
 * softmax with the overflow guard. They live at the bottom of the dependency graph (here, beside the tensor ops)
 * so that {@code functions}, {@code nn}, {@code loss} and {@code digits} all call the same code.
 */
public final class ScalarMath {
    private ScalarMath() {
    }

    /** {@code 1 / (1 + e^-x)}, written in two forms so that neither ever evaluates e^x for a large positive x. */
    public static float sigmoid(float x) {
        if (x >= 0f) {
            return (float) (1.0 / (1.0 + Math.exp(-x)));
        }
        double e = Math.exp(x);
        return (float) (e / (1.0 + e));
    }

    /**
     * Row-wise softmax of {@code rows × cols} values from {@code x} into {@code y} (both row-major; {@code y} may be
     * {@code x}). The row maximum is subtracted first — the overflow guard: e^1010 is infinite in float, e^0 is not,
     * and the result is unchanged because softmax does not change when every input is shifted by the same amount.
     */
    public static void softmaxRows(float[] x, float[] y, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                double e = Math.exp(x[o + j] - max); // overflow guard
                y[o + j] = (float) e;
                sum += e;
            }
            for (int j = 0; j < cols; j++) {
                y[o + j] = (float) (y[o + j] / sum);
            }
        }
    }

    /**
     * Scores as probabilities: returned as they are (copied) when they already form a distribution (a network that
     * ends in a Softmax layer), else their softmax.
     */
    public static float[] probabilities(float[] scores) {
        double sum = 0;
        boolean distribution = true;
        for (float s : scores) {
            distribution &= s >= 0 && s <= 1;
            sum += s;
        }
        float[] p = new float[scores.length];
        if (distribution && Math.abs(sum - 1) < 1e-3) {
            System.arraycopy(scores, 0, p, 0, p.length);
        } else {
            softmaxRows(scores, p, 1, scores.length);
        }
        return p;
    }
}
