package io.neuronlab.mllib.models;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.nn.AdaptiveAvgPool2d;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;

import java.util.Random;

/**
 * VGG-11 and VGG-16 (Simonyan &amp; Zisserman 2014, configurations A and D), as torchvision's {@code vgg11()} /
 * {@code vgg16()}: {@code features} — 3×3 convolutions (padding 1, with bias) each followed by a ReLU, and 2×2
 * max-pools between the stages (layer names are torchvision's indices "0", "1", …) — then {@code avgpool}
 * (adaptive, 7×7), {@code classifier}: Linear(512·7·7 → 4096) relu dropout Linear(4096 → 4096) relu dropout
 * Linear(4096 → classes). VGG-11 has 132,863,336 parameters and VGG-16 138,357,544 at 224×224×3 / 1000 classes.
 * On small inputs a pooling that would leave less than one pixel is left out (its index stays unused).
 */
public final class Vgg {
    /** Output channels per 3×3 convolution; 0 is a 2×2 max-pool ("M" in torchvision). */
    static final int[] VGG11 = {64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0};
    static final int[] VGG16 = {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0};

    private Vgg() {
    }

    public static Sequential vgg11(ImageInput in) {
        return create(in, VGG11);
    }

    public static Sequential vgg16(ImageInput in) {
        return create(in, VGG16);
    }

    static Sequential create(ImageInput in, int[] config) {
        Random random = new Random(in.seed());
        Sequential features = new Sequential();
        int index = 0;
        int channels = in.channels();
        int size = in.size();
        for (int c : config) {
            if (c == 0) {
                if (size >= 2) {
                    features.add(Integer.toString(index), new MaxPool2d(2, 2));
                    size /= 2;
                }
                index++;
            } else {
                int out = in.width(c);
                features.add(Integer.toString(index++), new Conv2d(channels, out, 3, 1, 1, new He(), random));
                features.add(Integer.toString(index++), new ReLU());
                channels = out;
            }
        }
        int hidden = in.width(4096);
        Sequential classifier = new Sequential()
            .add("0", new Linear(channels * 7 * 7, hidden, new He(), random))
            .add("1", new ReLU())
            .add("2", new Dropout(0.5f, random))
            .add("3", new Linear(hidden, hidden, new He(), random))
            .add("4", new ReLU())
            .add("5", new Dropout(0.5f, random))
            .add("6", new Linear(hidden, in.classes(), new He(), random));
        return new Sequential()
            .add("features", features)
            .add("avgpool", new AdaptiveAvgPool2d(7, 7))
            .add("flatten", new Flatten())
            .add("classifier", classifier);
    }
}
