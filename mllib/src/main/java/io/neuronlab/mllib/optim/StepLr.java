package io.neuronlab.mllib.optim;

/** Multiplies the learning rate by {@code gamma} every {@code stepSize} epochs: {@code lr_e = lr·gamma^⌊e / stepSize⌋}. */
public final class StepLr extends LrSchedule {
    private final int stepSize;
    private final float gamma;

    public StepLr(Optimizer optimizer, int stepSize, float gamma) {
        super(optimizer);
        if (stepSize <= 0) {
            throw new IllegalArgumentException("StepLr step size must be > 0 epochs, got " + stepSize);
        }
        if (!(gamma > 0f)) {
            throw new IllegalArgumentException("StepLr gamma must be > 0, got " + gamma);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
    }

    @Override
    public float learningRateAt(int epoch) {
        return (float) (baseLearningRate * Math.pow(gamma, epoch / stepSize));
    }

    @Override
    public String toString() {
        return "StepLr(stepSize=" + stepSize + ", gamma=" + gamma + ")";
    }
}
