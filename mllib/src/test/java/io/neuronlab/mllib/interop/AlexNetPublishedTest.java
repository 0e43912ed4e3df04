package io.neuronlab.mllib.interop;

import io.neuronlab.mllib.models.AlexNet;
import io.neuronlab.mllib.models.Architectures;
import io.neuronlab.mllib.models.ImageInput;
import io.neuronlab.mllib.nn.Sequential;
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
 * AlexNet as published ({@link AlexNet#published}): its parameter count, computed by hand from the paper's layers
 * (ungrouped), and — through safetensors — PyTorch's {@code nn.LocalResponseNorm} network of the same layers
 * ({@code torch-reference.py}'s alexnet2012, widths ÷ 8, 64×64 input) gives mllib's logits.
 */
public class AlexNetPublishedTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void parameterCountIsThePapersLayersUngrouped() {
        long conv = (96 * 3 * 121 + 96) + (256 * 96 * 25 + 256) + (384 * 256 * 9 + 384) + (384 * 384 * 9 + 384)
            + (256 * 384 * 9 + 256);
        long fc = (9216L * 4096 + 4096) + (4096L * 4096 + 4096) + (4096L * 1000 + 1000);
        assertEquals(62_378_344L, conv + fc);
        assertEquals(conv + fc, Architectures.parameterCount(AlexNet.published(ImageInput.imageNet(1))));
    }

    @Test
    public void pyTorchsLocalResponseNormNetworkGivesMllibsLogits() throws Exception {
        Sequential net = AlexNet.published(new ImageInput(3, 64, 10, 8, 3));
        net.train(false);
        Tensor x = Tensor.randn(new Random(4), 2, 3, 64, 64);
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] *= 20; // large activations, so that the normalisation changes them
        }
        float[] mine = net.forward(x).data();
        File weights = tmp.newFile("alexnet2012.safetensors");
        TorchNames.stateDict(net, Collections.singletonMap("format", "pt")).write(weights);
        File input = tmp.newFile("input.f32");
        File output = new File(tmp.getRoot(), "logits.f32");
        TorchReference.writeFloats(input, x.data());
        TorchReference.run("logits", weights.getPath(), "alexnet2012-narrow", input.getPath(), output.getPath(),
            "2", "3", "64", "64");
        float[] theirs = TorchReference.readFloats(output);
        assertEquals(mine.length, theirs.length);
        double maxDiff = 0;
        double scale = 0;
        for (int i = 0; i < mine.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(mine[i] - theirs[i]));
            scale = Math.max(scale, Math.abs(theirs[i]));
        }
        System.out.printf("alexnet2012 (narrow, 64x64): max |mllib - PyTorch| = %.3g (logits up to %.3g)%n", maxDiff, scale);
        assertTrue("max difference " + maxDiff + " at scale " + scale, maxDiff <= 1e-4 * Math.max(1, scale));
    }
}
