package io.neuronlab.mllib.interop;

import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.models.GoogLeNet;
import io.neuronlab.mllib.models.ImageInput;
import io.neuronlab.mllib.models.ResNet;
import io.neuronlab.mllib.models.Vgg;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.SGD;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.util.Collections;
import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * PyTorch's weights in mllib and mllib's in PyTorch. {@code scripts/torch-reference.py fixtures} writes torchvision's
 * ResNet-18 and GoogLeNet (full width, 64×64 input) and a narrow VGG-11 (32×32), with randomised batch-norm
 * statistics, as safetensors plus an input and PyTorch's logits; mllib's networks load the state dicts through
 * {@link TorchNames} and must give the same logits (max |difference| ≤ 1e-4). Then a ResNet-18 trained a few steps in
 * mllib is exported and PyTorch, loading it strictly, gives mllib's logits.
 */
public class TorchBridgeTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static void assertSameLogits(String net, Sequential model, String fixture, int[] inputShape) throws Exception {
        File dir = TorchReference.fixtures();
        TorchNames.load(model, Safetensors.read(new File(dir, fixture + ".safetensors")), fixture);
        model.train(false);
        Tensor x = Tensor.of(TorchReference.readFloats(new File(dir, fixture + ".input.f32")), inputShape);
        float[] expected = TorchReference.readFloats(new File(dir, fixture + ".logits.f32"));
        float[] got = model.forward(x).data();
        assertEquals(net, expected.length, got.length);
        double maxDiff = 0;
        for (int i = 0; i < got.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(got[i] - expected[i]));
        }
        System.out.printf("%s: max |mllib - PyTorch| over %d logits = %.3g%n", net, got.length, maxDiff);
        assertTrue(net + ": max difference " + maxDiff, maxDiff <= 1e-4);
    }

    @Test
    public void torchvisionResNet18GivesPyTorchsLogits() throws Exception {
        assertSameLogits("resnet18", ResNet.resnet18(new ImageInput(3, 64, 1000, 1, 0)), "resnet18", new int[] {2, 3, 64, 64});
    }

    @Test
    public void torchvisionGoogLeNetGivesPyTorchsLogits() throws Exception {
        assertSameLogits("googlenet", GoogLeNet.create(new ImageInput(3, 64, 1000, 1, 0)), "googlenet", new int[] {2, 3, 64, 64});
    }

    @Test
    public void narrowVgg11GivesPyTorchsLogits() throws Exception {
        assertSameLogits("vgg11", Vgg.vgg11(new ImageInput(3, 32, 10, 8, 0)), "vgg11", new int[] {2, 3, 32, 32});
    }

    @Test
    public void aResNetTrainedInMllibGivesPyTorchTheSameLogits() throws Exception {
        Sequential net = ResNet.resnet18(ImageInput.cifar(3));
        Random r = new Random(4);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        SGD sgd = new SGD(net.parameters().values(), 0.01f);
        Tensor images = Tensor.randn(r, 4, 3, 32, 32);
        Tensor labels = Tensor.of(new float[] {1, 3, 5, 7}, 4);
        for (int step = 0; step < 2; step++) { // moves the weights and the batch-norm statistics
            net.zeroGrad();
            loss.forward(net.forward(images), labels);
            net.backward(loss.backward());
            sgd.step();
        }
        net.train(false);
        Tensor x = Tensor.randn(r, 2, 3, 32, 32);
        float[] mine = net.forward(x).data();
        File weights = tmp.newFile("trained.safetensors");
        TorchNames.stateDict(net, Collections.singletonMap("format", "pt")).write(weights);
        File input = tmp.newFile("input.f32");
        File output = new File(tmp.getRoot(), "logits.f32");
        TorchReference.writeFloats(input, x.data());
        TorchReference.run("logits", weights.getPath(), "resnet18-cifar", input.getPath(), output.getPath(), "2", "3", "32", "32");
        float[] theirs = TorchReference.readFloats(output);
        assertEquals(mine.length, theirs.length);
        double maxDiff = 0;
        for (int i = 0; i < mine.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(mine[i] - theirs[i]));
        }
        System.out.printf("trained resnet18 (32x32) exported: max |mllib - PyTorch| = %.3g%n", maxDiff);
        assertTrue("max difference " + maxDiff, maxDiff <= 1e-4);
    }

    @Test
    public void wrongWeightsAreRefusedWithoutTouchingTheNetwork() throws Exception {
        Sequential net = Vgg.vgg11(new ImageInput(3, 32, 10, 8, 0));
        float before = net.parameters().get("features.0.weight").data()[0];
        Safetensors other = TorchNames.stateDict(ResNet.resnet18(ImageInput.cifar(1).narrower(8)), Collections.emptyMap());
        try {
            TorchNames.load(net, other, "resnet.safetensors");
            throw new AssertionError("ResNet weights must not load into VGG");
        } catch (java.io.IOException e) {
            assertEquals("weights resnet.safetensors: tensor 'features.0.weight' [8, 3, 3, 3] is missing (is this the right --net?)",
                e.getMessage());
        }
        assertEquals(before, net.parameters().get("features.0.weight").data()[0], 0f);
    }

    @Test
    public void safetensorsRoundTripsByteForByte() throws Exception {
        Sequential net = GoogLeNet.create(ImageInput.cifar(2).narrower(16));
        byte[] bytes = TorchNames.stateDict(net, Collections.singletonMap("source", "mllib")).toBytes();
        Safetensors back = Safetensors.read(bytes, "mem");
        assertEquals("mllib", back.metadata().get("source"));
        assertEquals(0, ((8 + java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(0)) % 8));
        org.junit.Assert.assertArrayEquals(bytes, back.toBytes());
        Sequential copy = GoogLeNet.create(ImageInput.cifar(9).narrower(16));
        TorchNames.load(copy, back, "mem");
        copy.train(false);
        net.train(false);
        Tensor x = Tensor.randn(new Random(1), 1, 3, 32, 32);
        org.junit.Assert.assertArrayEquals(net.forward(x).data(), copy.forward(x).data(), 0f);
    }
}
