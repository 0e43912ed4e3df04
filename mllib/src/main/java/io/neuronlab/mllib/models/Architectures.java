package io.neuronlab.mllib.models;

import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The famous architectures by name — {@code alexnet}, {@code vgg11}, {@code vgg16}, {@code googlenet},
 * {@code resnet18}, {@code resnet34}, {@code alexnet2012} — each built for an {@link ImageInput}, with torchvision's
 * layer names and, at 224×224×3 / 1000 classes, torchvision's parameter count (the CLI's {@code info --net} prints
 * both). torchvision has no AlexNet as published: {@code alexnet2012}'s reference count is that of the same layers
 * built in torch.nn ({@code alexnet2012} in scripts/torch-reference.py).
 */
public final class Architectures {
    /**
     * One architecture: its name, what it is, PyTorch's parameter count at 224×224×3 / 1000 classes (torchvision's
     * model; for {@code alexnet2012} the same layers in torch.nn), and how to build it.
     */
    public record Architecture(String name, String description, long torchvisionParameters,
                               Function<ImageInput, Sequential> builder) {
        public Sequential build(ImageInput in) {
            return builder.apply(in);
        }
    }

    private static final List<Architecture> ALL = Arrays.asList(
        new Architecture("alexnet", "AlexNet (torchvision's single-GPU variant, no LRN), 5 conv + 3 FC", 61_100_840L,
            AlexNet::create),
        new Architecture("vgg11", "VGG-11 (configuration A), 8 conv 3x3 + 3 FC", 132_863_336L, Vgg::vgg11),
        new Architecture("vgg16", "VGG-16 (configuration D), 13 conv 3x3 + 3 FC", 138_357_544L, Vgg::vgg16),
        new Architecture("googlenet", "GoogLeNet / Inception v1 with batch norm, no auxiliary heads", 6_624_904L,
            GoogLeNet::create),
        new Architecture("resnet18", "ResNet-18, 8 basic residual blocks", 11_689_512L, ResNet::resnet18),
        new Architecture("resnet34", "ResNet-34, 16 basic residual blocks", 21_797_672L, ResNet::resnet34),
        new Architecture("alexnet2012", "AlexNet as published (96-256-384-384-256 channels, local response "
            + "normalisation after conv 1 and 2, on one device), 5 conv + 3 FC", 62_378_344L, AlexNet::published));

    private Architectures() {
    }

    public static List<Architecture> all() {
        return ALL;
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Architecture a : ALL) {
            names.add(a.name());
        }
        return names;
    }

    /** The architecture called {@code name}; the message lists the known names otherwise. */
    public static Architecture byName(String name) {
        for (Architecture a : ALL) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "'; known: " + names());
    }

    /** The number of trained parameters of {@code layer} (buffers such as running statistics not counted). */
    public static long parameterCount(Layer layer) {
        long n = 0;
        for (Tensor p : layer.parameters().values()) {
            n += p.numel();
        }
        return n;
    }
}
