package io.neuronlab.mllib.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.models.ImageInput;
import io.neuronlab.mllib.models.ResNet;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * The ResNet-18 bench lines at a tiny size (32×32 inference, batch 2 training, one timed repetition): every figure
 * is printed, the per-kind profile covers the network's layer kinds, and — when /usr/bin/python3 has torch and
 * torchvision — PyTorch runs the very same network: its logits equal mllib's and its first training loss equals
 * mllib's (same weights, same batch). No timing is asserted.
 */
public class ResNetTimingTest {
    @Test
    public void tinyRunPrintsEveryFigureAndPyTorchRunsTheSameNetwork() throws Exception {
        BenchOptions o = new BenchOptions().threads(1).resnetSize(32).resnetBatches(1, 2).resnetReps(1)
            .resnetTraining(2, 1);
        boolean torch = PyTorchBaseline.hasModule(o.python, "torchvision");
        File script = torch ? PyTorchBaseline.findScript(null) : null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResNetTiming.run(new PrintStream(bytes, true, "UTF-8"), o, script);
        String out = bytes.toString("UTF-8");
        for (String line : new String[] {"resnet18.infer.batch1.t1: [0-9.]+ ms/batch .*",
            "resnet18.infer.batch2.t1: [0-9.]+ ms/batch .*", "resnet18.train.step.t1: [0-9.]+ ms/step .*",
            "profile.resnet18.infer.conv2d_3x3.forward: [0-9.]+ ms .*", "profile.resnet18.infer.batchnorm.forward: .*",
            "profile.resnet18.infer.rest: .*", "profile.resnet18.train.conv2d_1x1.backward: [0-9.]+ ms .*",
            "profile.resnet18.train.linear.backward: .*", "profile.resnet18.train.kernel.gemm: .*"}) {
            assertTrue(line + " missing in\n" + out, Pattern.compile("(?m)^" + line + "$").matcher(out).find());
        }
        // the TFLite line is a figure, or says why there is none
        assertTrue(out, out.contains("resnet18.infer.batch1.tflite_cpu: ") || out.contains("resnet18.infer.tflite_cpu: n/a"));
        for (String line : out.split("\n")) {
            assertTrue("not a name: value line: " + line, line.startsWith("#") || line.matches("[a-z0-9_.]+: .+"));
        }
        if (script != null) {
            assertTrue(out, number(out, "resnet18.infer.pytorch_max_abs_diff") < 1e-4);
            double mllib = number(out, "resnet18.train.first_loss.t1");
            double pytorch = number(out, "pytorch.resnet18.train.first_loss.t1");
            assertEquals(out, pytorch, mllib, 1e-4);
            assertTrue(out, Pattern.compile("(?m)^pytorch\\.resnet18\\.infer\\.batch2\\.t1: [0-9.]+ ms/batch$").matcher(out).find());
        }
    }

    @Test
    public void profileSumsEveryLeafLayerByKind() {
        Sequential net = ResNet.resnet18(ImageInput.cifar(1).narrower(16));
        net.train(false);
        Tensor x = Tensor.randn(new Random(1), 1, 3, 32, 32);
        Map<String, double[]> kinds = LayerKindProfile.measure(net, x, false, 1).millisByKind();
        // the stem, 16 block convolutions, 3 downsample convolutions; 20 batch norms, relus, pool, flatten, fc
        assertEquals(kinds.keySet().toString(), "[conv2d_3x3, batchnorm, relu, conv2d_1x1, adaptiveavgpool2d, flatten, linear]",
            kinds.keySet().toString());
        assertFalse(kinds.containsKey("residual"));
    }

    private static double number(String out, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ": (\\S+)").matcher(out);
        assertTrue(name + " missing in\n" + out, m.find());
        return Double.parseDouble(m.group(1));
    }
}
