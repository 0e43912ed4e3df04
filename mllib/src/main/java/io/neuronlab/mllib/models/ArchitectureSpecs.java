package io.neuronlab.mllib.models;

import io.neuronlab.mllib.io.LayerCodec;
import io.neuronlab.mllib.io.LayerCodecs;
import io.neuronlab.mllib.io.LayerSpec;
import io.neuronlab.mllib.io.ModelFormatException;
import io.neuronlab.mllib.nn.AdaptiveAvgPool2d;
import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.LocalResponseNorm;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Residual;

import java.util.Map;
import java.util.Random;

/**
 * The famous architectures as layer specs — the structure a model file stores, with every layer's
 * hyper-parameters — computed without building the network, so that VGG-16's 138 million weights (550 MB of
 * floats) need not be allocated just to count them or to draw the network on a phone. Each method mirrors its
 * builder ({@link AlexNet}, {@link Vgg}, {@link GoogLeNet}, {@link ResNet}) step for step; the tests check that
 * the specs equal those of the built networks on small inputs and that the counts equal torchvision's at 224×224.
 */
public final class ArchitectureSpecs {
    private static final LayerCodecs CODECS = LayerCodecs.standard();
    private static final Random UNUSED = new Random(0); // Dropout wants one; the spec holds only its ratio

    private ArchitectureSpecs() {
    }

    /** The spec (a Sequential named {@code name}) of the architecture called {@code name} for {@code in}. */
    public static LayerSpec of(String name, ImageInput in) {
        Architectures.byName(name); // the message lists the known names
        switch (name) {
            case "alexnet":
                return alexNet(in);
            case "vgg11":
                return vgg(name, in, Vgg.VGG11);
            case "vgg16":
                return vgg(name, in, Vgg.VGG16);
            case "googlenet":
                return googLeNet(in);
            case "resnet18":
                return resNet(name, in, new int[] {2, 2, 2, 2});
            case "resnet34":
                return resNet(name, in, new int[] {3, 4, 6, 3});
            case "alexnet2012":
                return alexNet2012(in);
            default:
                throw new IllegalArgumentException("no spec for architecture '" + name + "' (add it to ArchitectureSpecs)");
        }
    }

    /**
     * The number of trained parameters a network built from {@code spec} has (buffers not counted), from the
     * codecs' tensor shapes: nothing is allocated.
     */
    public static long parameterCount(LayerSpec spec) {
        long n = 0;
        LayerCodec<?> codec = CODECS.forKind(spec.kind());
        if (codec == null) {
            throw new IllegalArgumentException("layer '" + spec.name() + "' has unknown kind '" + spec.kind() + "'");
        }
        if (spec.children().isEmpty()) {
            Map<String, int[]> shapes;
            try {
                shapes = codec.parameterShapes(spec);
            } catch (ModelFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            if (shapes == null) {
                throw new IllegalArgumentException("layer '" + spec.name() + "' (" + spec.kind()
                    + "): its codec cannot tell its parameter shapes");
            }
            for (int[] shape : shapes.values()) {
                long size = 1;
                for (int d : shape) {
                    size *= d;
                }
                n += size;
            }
        }
        for (LayerSpec child : spec.children()) {
            n += parameterCount(child);
        }
        return n;
    }

    // ---------------------------------------------------------------- the builders, as specs

    static LayerSpec alexNet(ImageInput in) {
        int c1 = in.width(64);
        int c2 = in.width(192);
        int c3 = in.width(384);
        int c4 = in.width(256);
        LayerSpec features = sequential("features");
        int size = alexStem(features, in, c1);
        features.withChild(cheap("1", new ReLU()));
        size = alexPool(features, "2", size);
        features.withChild(conv("3", c1, c2, 5, 1, 2, true)).withChild(cheap("4", new ReLU()));
        size = alexPool(features, "5", size);
        features.withChild(conv("6", c2, c3, 3, 1, 1, true)).withChild(cheap("7", new ReLU()))
            .withChild(conv("8", c3, c4, 3, 1, 1, true)).withChild(cheap("9", new ReLU()))
            .withChild(conv("10", c4, c4, 3, 1, 1, true)).withChild(cheap("11", new ReLU()));
        alexPool(features, "12", size);
        return alexHead("alexnet", features, c4, in);
    }

    /** {@link AlexNet#published}: the paper's widths, LRN after the first two convolutions' ReLUs. */
    static LayerSpec alexNet2012(ImageInput in) {
        int c1 = in.width(96);
        int c2 = in.width(256);
        int c3 = in.width(384);
        int c5 = in.width(256);
        LayerSpec features = sequential("features");
        int size = alexStem(features, in, c1);
        features.withChild(cheap("1", new ReLU())).withChild(cheap("2", LocalResponseNorm.alexNet()));
        size = alexPool(features, "3", size);
        features.withChild(conv("4", c1, c2, 5, 1, 2, true)).withChild(cheap("5", new ReLU()))
            .withChild(cheap("6", LocalResponseNorm.alexNet()));
        size = alexPool(features, "7", size);
        features.withChild(conv("8", c2, c3, 3, 1, 1, true)).withChild(cheap("9", new ReLU()))
            .withChild(conv("10", c3, c3, 3, 1, 1, true)).withChild(cheap("11", new ReLU()))
            .withChild(conv("12", c3, c5, 3, 1, 1, true)).withChild(cheap("13", new ReLU()));
        alexPool(features, "14", size);
        return alexHead("alexnet2012", features, c5, in);
    }

    /** Both AlexNets' first convolution into {@code features}: 11×11 stride 4 at 224, 3×3 stride 1 on small inputs. */
    private static int alexStem(LayerSpec features, ImageInput in, int c1) {
        if (in.small()) {
            features.withChild(conv("0", in.channels(), c1, 3, 1, 1, true));
            return in.size();
        }
        features.withChild(conv("0", in.channels(), c1, 11, 4, 2, true));
        return (in.size() + 4 - 11) / 4 + 1;
    }

    /** Both AlexNets after their features: adaptive pooling to 6×6, then the dropout/dense classifier. */
    private static LayerSpec alexHead(String name, LayerSpec features, int channels, ImageInput in) {
        int hidden = in.width(4096);
        LayerSpec classifier = sequential("classifier")
            .withChild(cheap("0", new Dropout(0.5f, UNUSED)))
            .withChild(linear("1", channels * 6 * 6, hidden))
            .withChild(cheap("2", new ReLU()))
            .withChild(cheap("3", new Dropout(0.5f, UNUSED)))
            .withChild(linear("4", hidden, hidden))
            .withChild(cheap("5", new ReLU()))
            .withChild(linear("6", hidden, in.classes()));
        return sequential(name).withChild(features).withChild(cheap("avgpool", new AdaptiveAvgPool2d(6, 6)))
            .withChild(cheap("flatten", new Flatten())).withChild(classifier);
    }

    private static int alexPool(LayerSpec features, String name, int size) {
        if (size < 3) {
            return size;
        }
        features.withChild(cheap(name, new MaxPool2d(3, 2)));
        return (size - 3) / 2 + 1;
    }

    static LayerSpec vgg(String name, ImageInput in, int[] config) {
        LayerSpec features = sequential("features");
        int index = 0;
        int channels = in.channels();
        int size = in.size();
        for (int c : config) {
            if (c == 0) {
                if (size >= 2) {
                    features.withChild(cheap(Integer.toString(index), new MaxPool2d(2, 2)));
                    size /= 2;
                }
                index++;
            } else {
                int out = in.width(c);
                features.withChild(conv(Integer.toString(index++), channels, out, 3, 1, 1, true));
                features.withChild(cheap(Integer.toString(index++), new ReLU()));
                channels = out;
            }
        }
        int hidden = in.width(4096);
        LayerSpec classifier = sequential("classifier")
            .withChild(linear("0", channels * 7 * 7, hidden))
            .withChild(cheap("1", new ReLU()))
            .withChild(cheap("2", new Dropout(0.5f, UNUSED)))
            .withChild(linear("3", hidden, hidden))
            .withChild(cheap("4", new ReLU()))
            .withChild(cheap("5", new Dropout(0.5f, UNUSED)))
            .withChild(linear("6", hidden, in.classes()));
        return sequential(name).withChild(features).withChild(cheap("avgpool", new AdaptiveAvgPool2d(7, 7)))
            .withChild(cheap("flatten", new Flatten())).withChild(classifier);
    }

    static LayerSpec googLeNet(ImageInput in) {
        LayerSpec net = sequential("googlenet");
        int c64 = in.width(64);
        if (in.small()) {
            net.withChild(basicConv("conv1", in.channels(), c64, 3, 1, 1));
        } else {
            net.withChild(basicConv("conv1", in.channels(), c64, 7, 2, 3));
            net.withChild(cheap("maxpool1", new MaxPool2d(3, 2, 0, true)));
        }
        int c192 = in.width(192);
        net.withChild(basicConv("conv2", c64, c64, 1, 1, 0));
        net.withChild(basicConv("conv3", c64, c192, 3, 1, 1));
        net.withChild(cheap("maxpool2", new MaxPool2d(3, 2, 0, true)));
        int channels = c192;
        for (int b = 0; b < GoogLeNet.BLOCKS.length; b++) {
            if (b == 2) {
                net.withChild(cheap("maxpool3", new MaxPool2d(3, 2, 0, true)));
            } else if (b == 7) {
                net.withChild(cheap("maxpool4", new MaxPool2d(2, 2, 0, true)));
            }
            int[] c = GoogLeNet.BLOCKS[b];
            int w1 = in.width(c[0]);
            int w3r = in.width(c[1]);
            int w3 = in.width(c[2]);
            int w5r = in.width(c[3]);
            int w5 = in.width(c[4]);
            int wp = in.width(c[5]);
            net.withChild(new LayerSpec("inception" + GoogLeNet.NAMES[b], "Concat")
                .withChild(basicConv("branch1", channels, w1, 1, 1, 0))
                .withChild(sequential("branch2").withChild(basicConv("0", channels, w3r, 1, 1, 0))
                    .withChild(basicConv("1", w3r, w3, 3, 1, 1)))
                .withChild(sequential("branch3").withChild(basicConv("0", channels, w5r, 1, 1, 0))
                    .withChild(basicConv("1", w5r, w5, 3, 1, 1)))
                .withChild(sequential("branch4").withChild(cheap("0", new MaxPool2d(3, 1, 1, true)))
                    .withChild(basicConv("1", channels, wp, 1, 1, 0))));
            channels = w1 + w3 + w5 + wp;
        }
        return net.withChild(cheap("avgpool", AdaptiveAvgPool2d.global())).withChild(cheap("flatten", new Flatten()))
            .withChild(cheap("dropout", new Dropout(0.2f, UNUSED)))
            .withChild(linear("fc", channels, in.classes()));
    }

    private static LayerSpec basicConv(String name, int in, int out, int kernel, int stride, int padding) {
        return sequential(name)
            .withChild(conv("conv", in, out, kernel, stride, padding, false))
            .withChild(cheap("bn", new BatchNorm(out, 0.9f, 0.001f, true)))
            .withChild(cheap("relu", new ReLU()));
    }

    static LayerSpec resNet(String name, ImageInput in, int[] blocks) {
        int width = in.width(64);
        LayerSpec net = sequential(name);
        net.withChild(conv("conv1", in.channels(), width, in.small() ? 3 : 7, in.small() ? 1 : 2,
            in.small() ? 1 : 3, false));
        net.withChild(cheap("bn1", BatchNorm.pytorch(width))).withChild(cheap("relu", new ReLU()));
        if (!in.small()) {
            net.withChild(cheap("maxpool", new MaxPool2d(3, 2, 1, false)));
        }
        int channels = width;
        for (int stage = 0; stage < blocks.length; stage++) {
            int out = in.width(64 << stage);
            LayerSpec layer = sequential("layer" + (stage + 1));
            for (int b = 0; b < blocks[stage]; b++) {
                int stride = b == 0 && stage > 0 ? 2 : 1;
                layer.withChild(basicBlock(Integer.toString(b), channels, out, stride));
                channels = out;
            }
            net.withChild(layer);
        }
        return net.withChild(cheap("avgpool", AdaptiveAvgPool2d.global())).withChild(cheap("flatten", new Flatten()))
            .withChild(linear("fc", channels, in.classes()));
    }

    private static LayerSpec basicBlock(String name, int inChannels, int outChannels, int stride) {
        LayerSpec block = new LayerSpec(name, "Residual").with("relu_after", true)
            .withChild(conv("conv1", inChannels, outChannels, 3, stride, 1, false))
            .withChild(cheap("bn1", BatchNorm.pytorch(outChannels)))
            .withChild(cheap("relu", new ReLU()))
            .withChild(conv("conv2", outChannels, outChannels, 3, 1, 1, false))
            .withChild(cheap("bn2", BatchNorm.pytorch(outChannels)));
        if (stride != 1 || inChannels != outChannels) {
            block.withChild(sequential(Residual.DOWNSAMPLE)
                .withChild(conv("0", inChannels, outChannels, 1, stride, 0, false))
                .withChild(cheap("1", BatchNorm.pytorch(outChannels))));
        }
        return block;
    }

    // ---------------------------------------------------------------- one layer's spec

    private static LayerSpec sequential(String name) {
        return new LayerSpec(name, "Sequential");
    }

    /** As the Conv2d codec writes it ("bias" only when false); the weights are never made. */
    private static LayerSpec conv(String name, int in, int out, int kernel, int stride, int padding, boolean bias) {
        LayerSpec spec = new LayerSpec(name, "Conv2d").with("in", in).with("out", out).with("kernel", kernel)
            .with("stride", stride).with("padding", padding);
        return bias ? spec : spec.with("bias", false);
    }

    /** As the Linear codec writes it; the weights are never made. */
    private static LayerSpec linear(String name, int in, int out) {
        return new LayerSpec(name, "Linear").with("in", in).with("out", out);
    }

    /** A layer with no or few numbers (activation, pooling, batch norm, dropout), described by its own codec. */
    private static LayerSpec cheap(String name, Layer layer) {
        return CODECS.describe(name, layer);
    }
}
