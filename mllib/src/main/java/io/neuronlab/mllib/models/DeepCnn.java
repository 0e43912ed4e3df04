package io.neuronlab.mllib.models;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;

import java.util.Random;

/**
 * The book's {@code DeepConvNet} (chapter 8, {@code deep_convnet.py}), about 99.4 % on MNIST:
 * <pre>
 * conv3×3(1→16, pad 1) relu  conv3×3(16→16, pad 1) relu  pool2     [N, 16, 14, 14]
 * conv3×3(16→32, pad 1) relu conv3×3(32→32, pad 2) relu  pool2     [N, 32, 8, 8]
 * conv3×3(32→64, pad 1) relu conv3×3(64→64, pad 1) relu  pool2     [N, 64, 4, 4]
 * flatten → Linear(1024→50) relu dropout 0.5 → Linear(50→10) dropout 0.5
 * </pre>
 * The fourth convolution pads by 2, as in the book, which makes the map 16×16 so that three poolings end at
 * 4×4. Like the book, dropout also follows the last Linear (training only). He initialisation
 * (std √(2/fan-in)), all draws — weights and dropout masks — from one seed.
 */
public final class DeepCnn {
    public static final float LEARNING_RATE = 1e-3f;
    public static final int BATCH_SIZE = 100;
    /** The book trains 20 epochs at a constant rate; 12 with the rate × 0.8 per epoch reach its accuracy sooner. */
    public static final int EPOCHS = 12;
    public static final float LR_DECAY = 0.8f;
    public static final int HIDDEN = 50;

    private DeepCnn() {
    }

    public static Sequential create(long seed) {
        Random random = new Random(seed);
        He he = new He();
        return new Sequential()
            .add("conv1", new Conv2d(1, 16, 3, 1, 1, he, random)).add("relu1", new ReLU())
            .add("conv2", new Conv2d(16, 16, 3, 1, 1, he, random)).add("relu2", new ReLU())
            .add("pool1", new MaxPool2d(2, 2))
            .add("conv3", new Conv2d(16, 32, 3, 1, 1, he, random)).add("relu3", new ReLU())
            .add("conv4", new Conv2d(32, 32, 3, 1, 2, he, random)).add("relu4", new ReLU())
            .add("pool2", new MaxPool2d(2, 2))
            .add("conv5", new Conv2d(32, 64, 3, 1, 1, he, random)).add("relu5", new ReLU())
            .add("conv6", new Conv2d(64, 64, 3, 1, 1, he, random)).add("relu6", new ReLU())
            .add("pool3", new MaxPool2d(2, 2))
            .add("flatten", new Flatten())
            .add("fc1", new Linear(64 * 4 * 4, HIDDEN, he, random)).add("relu7", new ReLU())
            .add("dropout1", new Dropout(0.5f, random))
            .add("fc2", new Linear(HIDDEN, 10, he, random))
            .add("dropout2", new Dropout(0.5f, random));
    }
}
