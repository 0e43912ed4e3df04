package io.neuronlab.mllib.models;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.nn.AdaptiveAvgPool2d;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.LocalResponseNorm;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;

import java.util.Random;

/**
 * AlexNet as torchvision builds it ({@code alexnet()}, the single-GPU variant of Krizhevsky's "One weird trick"
 * paper, 2014): no local response normalisation and 64-192-384-256-256 channels instead of the 2012 paper's
 * 96-256-384-384-256 split over two GPUs. {@code features}: conv 11×11/4 (pad 2) relu maxpool 3×3/2, conv 5×5
 * (pad 2) relu maxpool, three 3×3 convs with relu, maxpool; {@code avgpool} adaptive 6×6; {@code classifier}:
 * dropout Linear(256·6·6 → 4096) relu dropout Linear(4096 → 4096) relu Linear(4096 → classes). 61,100,840
 * parameters at 224×224×3 / 1000 classes, as torchvision's. Small inputs get a 3×3 stride-1 first convolution, and
 * a pooling that would not fit is left out.
 */
public final class AlexNet {
    private AlexNet() {
    }

    public static Sequential create(ImageInput in) {
        Random random = new Random(in.seed());
        int c1 = in.width(64);
        int c2 = in.width(192);
        int c3 = in.width(384);
        int c4 = in.width(256);
        Sequential features = new Sequential();
        int size;
        if (in.small()) {
            features.add("0", new Conv2d(in.channels(), c1, 3, 1, 1, new He(), random));
            size = in.size();
        } else {
            features.add("0", new Conv2d(in.channels(), c1, 11, 4, 2, new He(), random));
            size = (in.size() + 4 - 11) / 4 + 1;
        }
        features.add("1", new ReLU());
        size = pool(features, "2", size);
        features.add("3", new Conv2d(c1, c2, 5, 1, 2, new He(), random)).add("4", new ReLU());
        size = pool(features, "5", size);
        features.add("6", new Conv2d(c2, c3, 3, 1, 1, new He(), random)).add("7", new ReLU())
            .add("8", new Conv2d(c3, c4, 3, 1, 1, new He(), random)).add("9", new ReLU())
            .add("10", new Conv2d(c4, c4, 3, 1, 1, new He(), random)).add("11", new ReLU());
        pool(features, "12", size);
        int hidden = in.width(4096);
        Sequential classifier = new Sequential()
            .add("0", new Dropout(0.5f, random))
            .add("1", new Linear(c4 * 6 * 6, hidden, new He(), random))
            .add("2", new ReLU())
            .add("3", new Dropout(0.5f, random))
            .add("4", new Linear(hidden, hidden, new He(), random))
            .add("5", new ReLU())
            .add("6", new Linear(hidden, in.classes(), new He(), random));
        return new Sequential()
            .add("features", features)
            .add("avgpool", new AdaptiveAvgPool2d(6, 6))
            .add("flatten", new Flatten())
            .add("classifier", classifier);
    }

    /**
     * AlexNet as published (Krizhevsky, Sutskever &amp; Hinton 2012): 96-256-384-384-256 channels and local response
     * normalisation ({@link LocalResponseNorm#alexNet()}) after the first two convolutions' ReLUs, on one device —
     * the paper's split of conv2, conv4 and conv5 into two groups (one per GPU) is left out, so it has 62,378,344
     * parameters at 224×224×3 / 1000 classes instead of the paper's ~61 million. Same module names as
     * {@link #create} (torchvision's) with the two LRN layers in {@code features}; the same torch.nn network is
     * {@code alexnet2012} in scripts/torch-reference.py.
     */
    public static Sequential published(ImageInput in) {
        Random random = new Random(in.seed());
        int c1 = in.width(96);
        int c2 = in.width(256);
        int c3 = in.width(384);
        int c5 = in.width(256);
        Sequential features = new Sequential();
        int size;
        if (in.small()) {
            features.add("0", new Conv2d(in.channels(), c1, 3, 1, 1, new He(), random));
            size = in.size();
        } else {
            features.add("0", new Conv2d(in.channels(), c1, 11, 4, 2, new He(), random));
            size = (in.size() + 4 - 11) / 4 + 1;
        }
        features.add("1", new ReLU()).add("2", LocalResponseNorm.alexNet());
        size = pool(features, "3", size);
        features.add("4", new Conv2d(c1, c2, 5, 1, 2, new He(), random)).add("5", new ReLU())
            .add("6", LocalResponseNorm.alexNet());
        size = pool(features, "7", size);
        features.add("8", new Conv2d(c2, c3, 3, 1, 1, new He(), random)).add("9", new ReLU())
            .add("10", new Conv2d(c3, c3, 3, 1, 1, new He(), random)).add("11", new ReLU())
            .add("12", new Conv2d(c3, c5, 3, 1, 1, new He(), random)).add("13", new ReLU());
        pool(features, "14", size);
        int hidden = in.width(4096);
        Sequential classifier = new Sequential()
            .add("0", new Dropout(0.5f, random))
            .add("1", new Linear(c5 * 6 * 6, hidden, new He(), random))
            .add("2", new ReLU())
            .add("3", new Dropout(0.5f, random))
            .add("4", new Linear(hidden, hidden, new He(), random))
            .add("5", new ReLU())
            .add("6", new Linear(hidden, in.classes(), new He(), random));
        return new Sequential()
            .add("features", features)
            .add("avgpool", new AdaptiveAvgPool2d(6, 6))
            .add("flatten", new Flatten())
            .add("classifier", classifier);
    }

    /** A 3×3 stride-2 max-pool named {@code name} if the image still has 3 pixels; returns the size after it. */
    private static int pool(Sequential features, String name, int size) {
        if (size < 3) {
            return size;
        }
        features.add(name, new MaxPool2d(3, 2));
        return (size - 3) / 2 + 1;
    }
}
