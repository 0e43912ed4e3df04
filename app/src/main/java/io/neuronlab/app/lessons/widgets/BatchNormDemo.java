package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.lab.LabSettings;

/**
 * Lesson 12's experiment, after the book's: the same network trained twice from the same starting weights on the
 * same mini-batches — once as it is, once with mllib's BatchNorm after every hidden affine layer — with one of the
 * three initialisers. mllib's lab builds both ({@code LabNetworks}: BatchNorm adds no random draws, so the affine
 * weights are identical) and its controller trains them side by side.
 */
public final class BatchNormDemo {
    public static final String[] INIT_LABELS = {"std 0.01", "Xavier", "He"};
    public static final LabSettings.Init[] INITS = {LabSettings.Init.STD_0_01, LabSettings.Init.XAVIER,
            LabSettings.Init.HE};
    public static final int TRAIN_IMAGES = 1_000;
    public static final int BATCH = 100;
    public static final int EPOCHS = 10;
    public static final float LEARNING_RATE = 0.01f;
    public static final long SEED = 1;

    private BatchNormDemo() {
    }

    /** {without, with} batch normalisation; nothing else differs. */
    public static LabSettings[] settings(int init) {
        LabSettings without = new LabSettings("mlp", "sgd", LEARNING_RATE, BATCH, EPOCHS, INITS[init], false, 0f, 0f,
                TRAIN_IMAGES, SEED);
        return new LabSettings[] {without, without.withBatchNorm(true)};
    }
}
