package io.neuronlab.mllib.models;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.nn.AdaptiveAvgPool2d;
import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Concat;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * GoogLeNet (Szegedy et al. 2014, Inception v1) as torchvision's {@code googlenet(aux_logits=False)}: without the
 * two auxiliary classifiers, with batch norm after every convolution ({@code BasicConv2d}: conv without bias,
 * bn ε = 0.001, relu) and — like torchvision — a 3×3 convolution in the "5×5" branch. Pools round up
 * ({@code ceil_mode}). Each Inception block is a {@link Concat} of four branches: 1×1; 1×1 → 3×3; 1×1 → 3×3;
 * 3×3/1 max-pool (padding 1) → 1×1. 6,624,904 parameters at 224×224×3 / 1000 classes. Small inputs get a 3×3
 * stride-1 first convolution and no first pooling.
 */
public final class GoogLeNet {
    /** Per Inception block: 1×1, 3×3 reduce, 3×3, "5×5" reduce, "5×5", pool projection (torchvision's order). */
    static final int[][] BLOCKS = {
        {64, 96, 128, 16, 32, 32}, {128, 128, 192, 32, 96, 64},
        {192, 96, 208, 16, 48, 64}, {160, 112, 224, 24, 64, 64}, {128, 128, 256, 24, 64, 64},
        {112, 144, 288, 32, 64, 64}, {256, 160, 320, 32, 128, 128},
        {256, 160, 320, 32, 128, 128}, {384, 192, 384, 48, 128, 128},
    };
    static final String[] NAMES = {"3a", "3b", "4a", "4b", "4c", "4d", "4e", "5a", "5b"};

    private GoogLeNet() {
    }

    public static Sequential create(ImageInput in) {
        Random random = new Random(in.seed());
        Sequential net = new Sequential();
        int c64 = in.width(64);
        if (in.small()) {
            net.add("conv1", basicConv(in.channels(), c64, 3, 1, 1, random));
        } else {
            net.add("conv1", basicConv(in.channels(), c64, 7, 2, 3, random));
            net.add("maxpool1", new MaxPool2d(3, 2, 0, true));
        }
        int c192 = in.width(192);
        net.add("conv2", basicConv(c64, c64, 1, 1, 0, random));
        net.add("conv3", basicConv(c64, c192, 3, 1, 1, random));
        net.add("maxpool2", new MaxPool2d(3, 2, 0, true));
        int channels = c192;
        for (int b = 0; b < BLOCKS.length; b++) {
            if (b == 2) {
                net.add("maxpool3", new MaxPool2d(3, 2, 0, true));
            } else if (b == 7) {
                net.add("maxpool4", new MaxPool2d(2, 2, 0, true));
            }
            int[] c = BLOCKS[b];
            int w1 = in.width(c[0]);
            int w3r = in.width(c[1]);
            int w3 = in.width(c[2]);
            int w5r = in.width(c[3]);
            int w5 = in.width(c[4]);
            int wp = in.width(c[5]);
            net.add("inception" + NAMES[b], inception(channels, w1, w3r, w3, w5r, w5, wp, random));
            channels = w1 + w3 + w5 + wp;
        }
        net.add("avgpool", AdaptiveAvgPool2d.global()).add("flatten", new Flatten())
            .add("dropout", new Dropout(0.2f, random))
            .add("fc", new Linear(channels, in.classes(), new He(), random));
        return net;
    }

    /** torchvision's {@code Inception}: four branches stacked along the channels. */
    public static Concat inception(int in, int ch1x1, int ch3x3red, int ch3x3, int ch5x5red, int ch5x5, int poolProj,
                                   Random random) {
        Map<String, Layer> branches = new LinkedHashMap<>();
        branches.put("branch1", basicConv(in, ch1x1, 1, 1, 0, random));
        branches.put("branch2", new Sequential()
            .add("0", basicConv(in, ch3x3red, 1, 1, 0, random))
            .add("1", basicConv(ch3x3red, ch3x3, 3, 1, 1, random)));
        branches.put("branch3", new Sequential()
            .add("0", basicConv(in, ch5x5red, 1, 1, 0, random))
            .add("1", basicConv(ch5x5red, ch5x5, 3, 1, 1, random)));
        branches.put("branch4", new Sequential()
            .add("0", new MaxPool2d(3, 1, 1, true))
            .add("1", basicConv(in, poolProj, 1, 1, 0, random)));
        return new Concat(branches);
    }

    /** torchvision's {@code BasicConv2d}: conv (no bias) → batch norm (ε 0.001) → relu. */
    static Sequential basicConv(int in, int out, int kernel, int stride, int padding, Random random) {
        return new Sequential()
            .add("conv", new Conv2d(in, out, kernel, stride, padding, false, new He(), random))
            .add("bn", new BatchNorm(out, 0.9f, 0.001f, true))
            .add("relu", new ReLU());
    }
}
