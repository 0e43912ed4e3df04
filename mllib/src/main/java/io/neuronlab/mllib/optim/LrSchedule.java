package io.neuronlab.mllib.optim;

/**
 * Changes an optimizer's learning rate once per epoch: call {@link #step()} at the end of every epoch.
 * The rate for epoch e (counted from 0) is {@link #learningRateAt(int)}; the optimizer's rate when the
 * schedule is created is the base rate.
 */
public abstract class LrSchedule {
    protected final Optimizer optimizer;
    protected final float baseLearningRate;
    private int epoch;

    protected LrSchedule(Optimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("a learning-rate schedule needs an optimizer");
        }
        this.optimizer = optimizer;
        this.baseLearningRate = optimizer.learningRate();
    }

    /** The learning rate used during epoch {@code epoch} (0 = the first). */
    public abstract float learningRateAt(int epoch);

    /** Ends the current epoch: moves to the next and sets the optimizer's rate for it. */
    public void step() {
        epoch++;
        optimizer.setLearningRate(learningRateAt(epoch));
    }

    /** Epochs completed so far. */
    public int epoch() {
        return epoch;
    }
}
