package io.neuronlab.mllib.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuronlab.mllib.models.Architectures;
import io.neuronlab.mllib.models.ImageInput;
import io.neuronlab.mllib.models.ResNet;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * ONNX export run in ONNX Runtime 1.20 for Java against mllib's own forward (batch 2 through the dynamic batch
 * dimension), and checked by Debian's python3-onnx checker ({@code scripts/onnx-check.py}).
 */
public class ArchitecturesOnnxTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static float[] runOnnx(byte[] model, Tensor x) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] shape = new long[x.dim()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = x.shape()[i];
        }
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x.data()), shape);
             OrtSession.Result result = session.run(Collections.singletonMap("input", input))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            FloatBuffer fb = out.getFloatBuffer();
            float[] v = new float[fb.remaining()];
            fb.get(v);
            return v;
        }
    }

    /** Max |a − b| relative to the logits' scale (at least 1): float sums in another order differ in the last bits. */
    private static double maxDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double m = 0;
        double scale = 1;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(a[i]));
        }
        return m / scale;
    }

    private static double spread(float[] v) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (float f : v) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        return max - min;
    }

    @Test
    public void everyArchitectureRunsInOnnxRuntimeLikeMllib() throws Exception {
        Random r = new Random(1);
        for (Architectures.Architecture a : Architectures.all()) {
            for (ImageInput in : new ImageInput[] {ImageInput.cifar(2).narrower(8), ImageInput.mnist(3).narrower(8)}) {
                Sequential net = a.build(in);
                for (java.util.Map.Entry<String, Tensor> b : net.buffers().entrySet()) {
                    float[] d = b.getValue().data(); // means around 0, variances around 1: activations survive the ReLUs
                    for (int i = 0; i < d.length; i++) {
                        d[i] = b.getKey().endsWith("running_mean") ? 0.2f * (r.nextFloat() - 0.5f) : 0.5f + r.nextFloat();
                    }
                }
                net.train(false);
                byte[] onnx = OnnxExporter.toBytes(net, new int[] {in.channels(), in.size(), in.size()});
                Tensor x = Tensor.randn(r, 2, in.channels(), in.size(), in.size());
                float[] mine = net.forward(x).data();
                assertTrue(a.name() + ": the logits differ between classes", spread(mine) > 1e-3);
                double d = maxDiff(mine, runOnnx(onnx, x));
                System.out.printf("%s %dx%dx%d: max |mllib - ONNX Runtime| / max(1, max |logit|) = %.3g%n", a.name(), in.size(), in.size(), in.channels(), d);
                assertTrue(a.name() + " " + in + ": " + d, d <= 1e-4);
                if (in.channels() == 3) {
                    File f = new File(tmp.getRoot(), a.name() + ".onnx");
                    Files.write(f.toPath(), onnx);
                    String report = io.neuronlab.mllib.interop.OnnxCheck.check(f);
                    assertTrue(report, report.contains("ir 8, opset 13"));
                }
            }
        }
    }

    @Test
    public void resNet18At224RunsInOnnxRuntimeLikeMllib() throws Exception {
        Sequential net = ResNet.resnet18(ImageInput.imageNet(5));
        net.train(false);
        byte[] onnx = OnnxExporter.toBytes(net, new int[] {3, 224, 224});
        Tensor x = Tensor.randn(new Random(6), 1, 3, 224, 224);
        double d = maxDiff(net.forward(x).data(), runOnnx(onnx, x));
        System.out.printf("resnet18 224x224x3: max |mllib - ONNX Runtime| / max(1, max |logit|) = %.3g (%d bytes)%n", d, onnx.length);
        assertTrue("max difference " + d, d <= 1e-4);
    }
}
