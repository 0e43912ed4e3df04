package io.neuronlab.app.chart;

/** Smoothing of noisy curves such as the loss per batch. */
public final class Smoothing {
    private Smoothing() {
    }

    /**
     * Exponential moving average with bias correction (as TensorBoard draws it): s_t = w s_{t-1} + (1 - w) y_t,
     * shown as s_t / (1 - w^n) after n finite values, so the curve starts at the first value instead of at 0.
     * Non-finite values stay in place (a gap) and do not enter the average.
     *
     * @param weight in [0, 1): 0 returns the values unchanged, 0.9 averages over roughly the last 10 values
     */
    public static float[] exponential(float[] values, float weight) {
        if (!(weight >= 0f && weight < 1f)) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 1), got " + weight);
        }
        float[] smoothed = new float[values.length];
        double average = 0;
        double correction = 1;
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                smoothed[i] = values[i];
                continue;
            }
            average = weight * average + (1 - weight) * values[i];
            correction *= weight;
            smoothed[i] = (float) (average / (1 - correction));
        }
        return smoothed;
    }
}
