package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.models.ImageInput;

/** The {@code --input imagenet|cifar|mnist} and {@code --classes N} options of the commands that build an architecture. */
@DesktopOnly
final class NetworkInputs {
    static final String[] CHOICES = {"imagenet", "cifar", "mnist"};

    private NetworkInputs() {
    }

    static Option inputOption() {
        return Option.value("input", "KIND", "imagenet", "imagenet (224x224x3, 1000 classes), cifar (32x32x3, 10) or mnist (28x28x1, 10)");
    }

    static Option classesOption() {
        return Option.value("classes", "N", null, "number of classes, if not the input kind's");
    }

    static ImageInput of(Args args) throws UsageException {
        ImageInput in = switch (args.choice("input", CHOICES)) {
            case "cifar" -> ImageInput.cifar(1);
            case "mnist" -> ImageInput.mnist(1);
            default -> ImageInput.imageNet(1);
        };
        if (args.has("classes")) {
            in = new ImageInput(in.channels(), in.size(), args.positiveInt("classes"), in.widthDivisor(), in.seed());
        }
        return in;
    }
}
