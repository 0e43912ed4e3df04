package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.io.LayerCodecs;
import io.neuronlab.mllib.io.LayerSpec;
import io.neuronlab.mllib.models.ArchitectureSpecs;
import io.neuronlab.mllib.models.Architectures;
import io.neuronlab.mllib.models.ImageInput;
import io.neuronlab.mllib.models.LeNetBench;
import java.util.ArrayList;
import java.util.List;

/**
 * Lesson 18's networks: LeNet (mllib's LeNet, built — it has 62 thousand weights) and AlexNet, VGG-16, GoogLeNet,
 * ResNet-18 at ImageNet's 224×224×3 / 1000 classes as mllib's layer specs, counted without allocating a weight.
 */
public final class FamousNetworksDemo {
    /** One network: its architecture name, its layer structure, and torchvision's count (−1: none). */
    public record Network(String name, LayerSpec spec, long torchvisionParameters) {
        /** Parameters counted by mllib from the layer specs. */
        public long parameters() {
            return ArchitectureSpecs.parameterCount(spec);
        }
    }

    /** The architectures shown after LeNet, in the lesson's order. */
    public static final String[] FAMOUS = {"alexnet", "vgg16", "googlenet", "resnet18"};

    private FamousNetworksDemo() {
    }

    public static List<Network> networks() {
        List<Network> all = new ArrayList<>();
        all.add(new Network("lenet", LayerCodecs.standard().describe("lenet", LeNetBench.create(1)), -1));
        for (String name : FAMOUS) {
            all.add(new Network(name, ArchitectureSpecs.of(name, ImageInput.imageNet(1)),
                    Architectures.byName(name).torchvisionParameters()));
        }
        return all;
    }
}
