package io.neuronlab.mllib.optim;

/**
 * Cosine annealing over {@code totalEpochs}: {@code lr_e = min + (lr − min)·(1 + cos(π·e / totalEpochs)) / 2},
 * from the base rate at epoch 0 down to {@code minLearningRate} at {@code totalEpochs} (and held there after).
 */
public final class CosineLr extends LrSchedule {
    private final int totalEpochs;
    private final float minLearningRate;

    public CosineLr(Optimizer optimizer, int totalEpochs) {
        this(optimizer, totalEpochs, 0f);
    }

    public CosineLr(Optimizer optimizer, int totalEpochs, float minLearningRate) {
        super(optimizer);
        if (totalEpochs <= 0) {
            throw new IllegalArgumentException("CosineLr needs totalEpochs > 0, got " + totalEpochs);
        }
        if (!(minLearningRate >= 0f && minLearningRate <= baseLearningRate)) {
            throw new IllegalArgumentException("CosineLr minimum rate must be in [0, " + baseLearningRate + "], got "
                + minLearningRate);
        }
        this.totalEpochs = totalEpochs;
        this.minLearningRate = minLearningRate;
    }

    @Override
    public float learningRateAt(int epoch) {
        int e = Math.min(epoch, totalEpochs);
        double cos = (1 + Math.cos(Math.PI * e / totalEpochs)) / 2;
        return (float) (minLearningRate + (baseLearningRate - minLearningRate) * cos);
    }

    @Override
    public String toString() {
        return "CosineLr(totalEpochs=" + totalEpochs + ", min=" + minLearningRate + ")";
    }
}
