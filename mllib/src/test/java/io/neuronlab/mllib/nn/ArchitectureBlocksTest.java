package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.gradient.GradientChecker;
import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The blocks and layers of the famous architectures: residual and Inception (Concat) blocks, adaptive average
 * pooling, padded and ceil-mode max pooling, convolutions without bias — values against hand-computed ones and
 * PyTorch's size rules, gradients against finite differences.
 */
public class ArchitectureBlocksTest {
    private static final double TOLERANCE = 2e-2;

    @Test
    public void adaptiveAveragePoolingUsesPyTorchsWindows() {
        // 5 → 3: windows [0,2), [1,4), [3,5) — overlapping, as PyTorch's floor/ceil rule gives
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5}, 1, 1, 1, 5);
        Tensor y = new AdaptiveAvgPool2d(1, 3).forward(x);
        assertArrayEquals(new float[] {1.5f, 3f, 4.5f}, y.data(), 1e-6f);
        // 2 → 3 repeats the input: windows [0,1), [0,2), [1,2)
        Tensor up = new AdaptiveAvgPool2d(1, 3).forward(Tensor.of(new float[] {2, 4}, 1, 1, 1, 2));
        assertArrayEquals(new float[] {2f, 3f, 4f}, up.data(), 1e-6f);
        // global: the mean of each channel
        Tensor g = AdaptiveAvgPool2d.global().forward(Tensor.of(new float[] {1, 2, 3, 4, 10, 20, 30, 40}, 1, 2, 2, 2));
        assertArrayEquals(new int[] {1, 2, 1, 1}, g.shape());
        assertArrayEquals(new float[] {2.5f, 25f}, g.data(), 1e-6f);
    }

    @Test
    public void adaptiveAveragePoolingGradients() {
        Random r = new Random(3);
        GradChecks.assertLayerGradients(new AdaptiveAvgPool2d(3, 2), GradChecks.gaussian(r, 2, 2, 5, 4), TOLERANCE);
        GradChecks.assertLayerGradients(new AdaptiveAvgPool2d(7, 7), GradChecks.gaussian(r, 1, 2, 3, 3), TOLERANCE);
    }

    @Test
    public void paddedMaxPoolKeepsTheSizeAndPaddingNeverWins() {
        MaxPool2d pool = new MaxPool2d(3, 1, 1, true); // Inception's pooling branch
        float[] v = new float[16];
        for (int i = 0; i < 16; i++) {
            v[i] = -1 - i; // all negative: padding taken as 0 instead of -inf would win every border window
        }
        Tensor y = pool.forward(Tensor.of(v, 1, 1, 4, 4));
        assertArrayEquals(new int[] {1, 1, 4, 4}, y.shape());
        assertEquals(-1f, y.get(0, 0, 0, 0), 0f);   // rows 0-1, cols 0-1 of the image
        assertEquals(-11f, y.get(0, 0, 3, 3), 0f);  // rows 2-3, cols 2-3: -11, -12, -15, -16
        assertEquals(-6f, y.get(0, 0, 2, 2), 0f);   // rows 1-3, cols 1-3
    }

    @Test
    public void maxPoolOutputSizesFollowPyTorch() {
        // sizes from torch.nn.MaxPool2d on torch.zeros(1, 1, n, n), torchvision's poolings
        int[][] cases = { // kernel, stride, padding, ceil, input, output
            {3, 2, 0, 1, 112, 56}, {3, 2, 0, 1, 56, 28}, {3, 2, 0, 1, 28, 14}, {2, 2, 0, 1, 14, 7}, // GoogLeNet
            {2, 2, 0, 1, 7, 4}, {3, 2, 0, 1, 5, 2}, {3, 2, 0, 1, 6, 3},
            {3, 2, 1, 0, 112, 56}, {3, 2, 1, 0, 7, 4}, // ResNet
            {3, 2, 0, 0, 55, 27}, {3, 2, 0, 0, 13, 6}, // AlexNet
        };
        for (int[] c : cases) {
            MaxPool2d pool = new MaxPool2d(c[0], c[1], c[2], c[3] == 1);
            assertEquals(pool + " on " + c[4], c[5], pool.outSize(c[4]));
        }
    }

    @Test
    public void ceilModeKeepsThePartialLastWindow() {
        MaxPool2d pool = new MaxPool2d(2, 2, 0, true);
        Tensor y = pool.forward(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3));
        assertArrayEquals(new int[] {1, 1, 2, 2}, y.shape());
        assertArrayEquals(new float[] {5, 6, 8, 9}, y.data(), 0f);
    }

    @Test
    public void paddedAndCeilMaxPoolGradients() {
        Random r = new Random(4);
        GradChecks.assertLayerGradients(new MaxPool2d(3, 1, 1, true), spread(r, 2, 2, 5, 5), TOLERANCE);
        GradChecks.assertLayerGradients(new MaxPool2d(3, 2, 1, false), spread(r, 1, 2, 7, 6), TOLERANCE);
        GradChecks.assertLayerGradients(new MaxPool2d(3, 2, 0, true), spread(r, 1, 2, 6, 6), TOLERANCE);
    }

    @Test
    public void convolutionWithoutBiasHasOnlyAWeight() {
        Random r = new Random(5);
        Conv2d conv = new Conv2d(2, 3, 3, 2, 1, false, new He(), r);
        assertEquals(1, conv.parameters().size());
        assertTrue(conv.parameters().containsKey("weight"));
        assertFalse(conv.hasBias());
        GradChecks.assertLayerGradients(conv, GradChecks.gaussian(r, 2, 2, 5, 5), TOLERANCE);
        assertEquals(0f, conv.bias().data()[0], 0f);
    }

    /** Gradient check with a step of 1e-3: finite differences then rarely cross a ReLU kink or a max-pool tie. */
    private static void assertGradients(Layer layer, Tensor x) {
        GradientChecker.Report report = new GradientChecker(1e-3).checkLayer(layer, x, 7);
        assertTrue(report.toString(), report.maxRelativeError() < TOLERANCE);
    }

    /** Values 0.1 apart, shuffled: no max-pool window holds two within a finite-difference step. */
    private static Tensor spread(Random r, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = 0.1f * (i - d.length / 2);
        }
        for (int i = d.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            float v = d[i];
            d[i] = d[j];
            d[j] = v;
        }
        return t;
    }

    private static Sequential convBn(int in, int out, int stride, Random r) {
        return new Sequential()
            .add("conv", new Conv2d(in, out, 3, stride, 1, false, new He(), r))
            .add("bn", BatchNorm.pytorch(out));
    }

    @Test
    public void residualBlockAddsBranchAndIdentity() {
        Random r = new Random(6);
        Sequential branch = new Sequential().add("conv", new Conv2d(2, 2, 3, 1, 1, new He(), r));
        Residual block = new Residual(branch, null, false);
        Tensor x = GradChecks.gaussian(r, 1, 2, 4, 4);
        Tensor expected = branch.forward(x);
        Tensor y = block.forward(x);
        for (int i = 0; i < y.numel(); i++) {
            assertEquals(expected.data()[i] + x.data()[i], y.data()[i], 1e-6f);
        }
        Residual withRelu = new Residual(branch, null, true);
        Tensor z = withRelu.forward(x);
        for (int i = 0; i < z.numel(); i++) {
            assertEquals(Math.max(0f, expected.data()[i] + x.data()[i]), z.data()[i], 1e-6f);
        }
    }

    @Test
    public void residualBlockGradients() {
        Random r = new Random(7);
        // identity shortcut, ReLU after the sum: a step small enough not to cross ReLU's kink
        Residual identity = new Residual(new Sequential().add("conv1", new Conv2d(2, 2, 3, 1, 1, false, new He(), r))
            .add("relu", new ReLU()).add("conv2", new Conv2d(2, 2, 3, 1, 1, new He(), r)), null, true);
        assertGradients(identity, GradChecks.gaussian(r, 2, 2, 4, 4));
        Residual linear = new Residual(new Sequential().add("conv1", new Conv2d(2, 2, 3, 1, 1, false, new He(), r)), null, false);
        GradChecks.assertLayerGradients(linear, GradChecks.gaussian(r, 2, 2, 4, 4), TOLERANCE);
        // projection shortcut: stride 2, more channels, batch norm in training mode on both paths
        Residual projection = new Residual(convBn(2, 3, 2, r), new Sequential()
            .add("0", new Conv2d(2, 3, 1, 2, 0, false, new He(), r)).add("1", BatchNorm.pytorch(3)), false);
        GradChecks.assertLayerGradients(projection, GradChecks.gaussian(r, 2, 2, 5, 5), TOLERANCE);
        assertEquals("[conv.weight, conv.bn.gamma, conv.bn.beta, downsample.0.weight, downsample.1.gamma, downsample.1.beta]"
            .replace("conv.bn", "bn"), projection.parameters().keySet().toString());
    }

    @Test
    public void residualBlockRejectsAShapeChangeWithoutDownsample() {
        Residual bad = new Residual(convBn(2, 3, 2, new Random(8)), null, true);
        try {
            bad.forward(Tensor.zeros(1, 2, 4, 4));
            fail("a branch that changes the shape needs a downsample");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("needs a downsample layer"));
        }
    }

    private static Concat inceptionLike(Random r) {
        Map<String, Layer> branches = new LinkedHashMap<>();
        branches.put("branch1", new Conv2d(2, 1, 1, 1, 0, new He(), r));
        branches.put("branch2", new Sequential().add("0", new Conv2d(2, 2, 1, 1, 0, new He(), r))
            .add("1", new Conv2d(2, 3, 3, 1, 1, new He(), r)));
        branches.put("branch4", new Sequential().add("0", new MaxPool2d(3, 1, 1, true))
            .add("1", new Conv2d(2, 2, 1, 1, 0, new He(), r)));
        return new Concat(branches);
    }

    @Test
    public void concatStacksTheBranchesAlongChannels() {
        Random r = new Random(9);
        Concat block = inceptionLike(r);
        Tensor x = GradChecks.gaussian(r, 2, 2, 3, 3);
        Tensor y = block.forward(x);
        assertArrayEquals(new int[] {2, 6, 3, 3}, y.shape());
        Tensor b2 = block.children().get("branch2").forward(x);
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 3; i++) {
                    assertEquals(b2.get(n, c, i, 1), y.get(n, 1 + c, i, 1), 0f);
                }
            }
        }
        assertEquals("[branch1.weight, branch1.bias, branch2.0.weight, branch2.0.bias, branch2.1.weight, branch2.1.bias, "
            + "branch4.1.weight, branch4.1.bias]", block.parameters().keySet().toString());
    }

    @Test
    public void concatGradients() {
        Random r = new Random(10);
        GradChecks.assertLayerGradients(inceptionLike(r), spread(r, 2, 2, 4, 4), TOLERANCE);
    }

    @Test
    public void containersPassTrainingModeToTheirChildren() {
        Random r = new Random(11);
        Residual block = new Residual(convBn(2, 2, 1, r), null, true);
        Concat cat = inceptionLike(r);
        Sequential net = new Sequential().add("block", block).add("cat", cat);
        net.train(false);
        assertFalse(block.children().get("bn").isTraining());
        assertFalse(((Sequential) cat.children().get("branch2")).layer("1").isTraining());
        net.train(true);
        assertTrue(block.children().get("bn").isTraining());
    }
}
