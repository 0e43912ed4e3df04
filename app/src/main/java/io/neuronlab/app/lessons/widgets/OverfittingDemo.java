package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.MnistSlice;
import io.neuronlab.mllib.lab.OverfittingExperiment;
import io.neuronlab.mllib.lab.SideBySideTraining;

/**
 * Lesson 13's experiment: mllib's {@link OverfittingExperiment} (the book's seven-layer network on 300 training
 * images; plain, with weight decay, with dropout, side by side from the same weights) for 100 epochs (the book:
 * 201), tested on a quarter of the slice's test images so that it finishes in a few minutes on a phone.
 */
public final class OverfittingDemo {
    public static final int EPOCHS = 100;
    public static final int TEST_IMAGES = 500;

    private OverfittingDemo() {
    }

    public static OverfittingExperiment.Options options() {
        OverfittingExperiment.Options options = new OverfittingExperiment.Options();
        options.epochs = EPOCHS;
        return options;
    }

    /** The slice's first {@link #TEST_IMAGES} test images (the slice is class-balanced and shuffled). */
    public static Dataset testImages(MnistSlice slice) {
        return slice.test().subset(0, TEST_IMAGES);
    }

    public static SideBySideTraining experiment(MnistSlice slice) {
        return OverfittingExperiment.create(slice.train(), testImages(slice), options());
    }
}
