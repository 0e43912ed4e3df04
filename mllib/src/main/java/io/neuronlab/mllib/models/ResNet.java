package io.neuronlab.mllib.models;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.nn.AdaptiveAvgPool2d;
import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Residual;
import io.neuronlab.mllib.nn.Sequential;

import java.util.Random;

/**
 * ResNet-18 and ResNet-34 (He et al. 2015, "Deep Residual Learning"), layer for layer as torchvision's
 * {@code resnet18()} / {@code resnet34()} — same layer names, so PyTorch's state dict maps one to one:
 * <pre>
 * conv1 7×7/2 (64) bn1 relu maxpool 3×3/2     [N, 64, 56, 56] at 224
 * layer1..layer4: 2,2,2,2 (18) or 3,4,6,3 (34) basic blocks of 64, 128, 256, 512 channels; the first block of
 *   layer2..4 halves the image with stride 2 and a 1×1/2 conv + bn on its shortcut ("downsample")
 * avgpool (global) flatten fc(512 → classes)
 * </pre>
 * A basic block is {@code relu(bn2(conv3×3(relu(bn1(conv3×3(x))))) + shortcut(x))}; convolutions have no bias
 * (batch norm follows each). Batch norm uses PyTorch's conventions ({@link BatchNorm#pytorch}). ResNet-18 has
 * 11,689,512 parameters at 224×224×3 / 1000 classes, as torchvision's.
 */
public final class ResNet {
    private ResNet() {
    }

    public static Sequential resnet18(ImageInput in) {
        return create(in, new int[] {2, 2, 2, 2});
    }

    public static Sequential resnet34(ImageInput in) {
        return create(in, new int[] {3, 4, 6, 3});
    }

    /** A ResNet of basic blocks with {@code blocks[i]} blocks in stage {@code i + 1}. */
    public static Sequential create(ImageInput in, int[] blocks) {
        Random random = new Random(in.seed());
        int width = in.width(64);
        Sequential net = new Sequential();
        if (in.small()) {
            net.add("conv1", conv(in.channels(), width, 3, 1, random));
        } else {
            net.add("conv1", conv(in.channels(), width, 7, 2, random));
        }
        net.add("bn1", BatchNorm.pytorch(width)).add("relu", new ReLU());
        if (!in.small()) {
            net.add("maxpool", new MaxPool2d(3, 2, 1, false));
        }
        int channels = width;
        for (int stage = 0; stage < blocks.length; stage++) {
            int out = in.width(64 << stage);
            Sequential layer = new Sequential();
            for (int b = 0; b < blocks[stage]; b++) {
                int stride = b == 0 && stage > 0 ? 2 : 1;
                layer.add(Integer.toString(b), basicBlock(channels, out, stride, random));
                channels = out;
            }
            net.add("layer" + (stage + 1), layer);
        }
        net.add("avgpool", AdaptiveAvgPool2d.global()).add("flatten", new Flatten());
        net.add("fc", new Linear(channels, in.classes(), new He(), random));
        return net;
    }

    /** torchvision's {@code BasicBlock}: two 3×3 convolutions, the first with {@code stride}. */
    public static Residual basicBlock(int inChannels, int outChannels, int stride, Random random) {
        Sequential branch = new Sequential()
            .add("conv1", conv(inChannels, outChannels, 3, stride, random))
            .add("bn1", BatchNorm.pytorch(outChannels))
            .add("relu", new ReLU())
            .add("conv2", conv(outChannels, outChannels, 3, 1, random))
            .add("bn2", BatchNorm.pytorch(outChannels));
        Layer downsample = null;
        if (stride != 1 || inChannels != outChannels) {
            downsample = new Sequential()
                .add("0", new Conv2d(inChannels, outChannels, 1, stride, 0, false, new He(), random))
                .add("1", BatchNorm.pytorch(outChannels));
        }
        return new Residual(branch, downsample, true);
    }

    private static Conv2d conv(int in, int out, int kernel, int stride, Random random) {
        return new Conv2d(in, out, kernel, stride, kernel / 2, false, new He(), random);
    }
}
