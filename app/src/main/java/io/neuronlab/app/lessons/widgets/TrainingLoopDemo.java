package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.lab.LabSettings;

/**
 * Lesson 9's training: the book's two-layer network (784-100-10, ReLU, He weights) learning MNIST by plain SGD on
 * the bundled slice, with the learner's batch size and learning rate — mllib's lab controller does the loop.
 */
public final class TrainingLoopDemo {
    public static final int[] BATCH_SIZES = {10, 50, 100, 500};
    public static final float[] LEARNING_RATES = {0.01f, 0.1f, 1f, 10f};
    public static final int DEFAULT_BATCH = 2;   // 100
    public static final int DEFAULT_RATE = 1;    // 0.1
    public static final int TRAIN_IMAGES = 6_000;
    public static final int EPOCHS = 3;
    public static final long SEED = 1;

    private TrainingLoopDemo() {
    }

    public static LabSettings settings(int batchSize, float learningRate) {
        return new LabSettings("mlp", "sgd", learningRate, batchSize, EPOCHS, LabSettings.Init.HE, false, 0f, 0f,
                TRAIN_IMAGES, SEED);
    }

    /** The loss curve's x for batch {@code i} (from 0): epochs, so that every batch size shares one axis. */
    public static float[] epochs(int points, int batchesPerEpoch) {
        float[] x = new float[points];
        for (int i = 0; i < points; i++) {
            x[i] = (i + 1) / (float) batchesPerEpoch;
        }
        return x;
    }
}
