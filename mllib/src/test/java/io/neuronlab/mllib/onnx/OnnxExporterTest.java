package io.neuronlab.mllib.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.models.LeNetBench;
import io.neuronlab.mllib.nn.AvgPool2d;
import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.LeakyReLU;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.nn.Sigmoid;
import io.neuronlab.mllib.nn.Softmax;
import io.neuronlab.mllib.nn.Tanh;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

/**
 * ONNX export, checked by two independent parties: ONNX Runtime (Microsoft's engine, through its Java API) must
 * compute mllib's outputs for the same input, and the ONNX project's own checker must accept the file.
 */
public class OnnxExporterTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** Every layer kind the exporter knows, with batch norm on images and on features, a strided conv, dropout. */
    private static Sequential everyLayer() {
        Random r = new Random(11);
        Sequential net = new Sequential()
            .add("conv1", new Conv2d(1, 4, 3, 1, 1, new He(), r))
            .add("bn1", new BatchNorm(4))
            .add("relu1", new ReLU())
            .add("pool1", new MaxPool2d(2, 2))
            .add("conv2", new Conv2d(4, 6, 3, 2, 1, new He(), r))
            .add("leaky", new LeakyReLU(0.1f))
            .add("lrn", new io.neuronlab.mllib.nn.LocalResponseNorm(3, 0.5f, 0.75f, 2f))
            .add("avg", new AvgPool2d(2, 1))
            .add("flat", new Flatten())
            .add("fc1", new Linear(6 * 3 * 3, 16, new He(), r))
            .add("bn2", BatchNorm.pytorch(16))
            .add("tanh", new Tanh())
            .add("drop", new Dropout(0.3f, r))
            .add("head", new Sequential()
                .add("fc2", new Linear(16, 12, new He(), r))
                .add("sig", new Sigmoid())
                .add("fc3", new Linear(12, 10, new He(), r)))
            .add("softmax", new Softmax());
        // running statistics that are not the identity
        net.train(true);
        net.forward(images(new Random(3), 8, 1, 14, 14));
        net.train(false);
        return net;
    }

    private static Tensor images(Random r, int n, int c, int h, int w) {
        float[] x = new float[n * c * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return Tensor.of(x, n, c, h, w);
    }

    @Test
    public void onnxRuntimeComputesWhatMllibComputes() throws Exception {
        Sequential lenet = LeNetBench.create(4);
        lenet.train(false);
        assertSameOutputs(lenet, new int[] {1, 28, 28}, images(new Random(5), 3, 1, 28, 28));
        assertSameOutputs(everyLayer(), new int[] {1, 14, 14}, images(new Random(6), 5, 1, 14, 14));
    }

    @Test
    public void theOnnxCheckerAcceptsTheFile() throws Exception {
        File file = tmp.newFile("every.onnx");
        OnnxExporter.export(everyLayer(), new int[] {1, 14, 14}, file);
        File script = new File(projectRoot(), "scripts/onnx-check.py");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!new File("/usr/bin/python3").canExecute()) {
            requireInCi(ci, "/usr/bin/python3 not found: install Debian's python3-onnx to run the ONNX checker");
        }
        Process p = new ProcessBuilder("/usr/bin/python3", script.getPath(), file.getPath()).redirectErrorStream(true).start();
        String report = read(p.getInputStream());
        int code = p.waitFor();
        System.out.print(report);
        if (code == 3) {
            requireInCi(ci, report);
        }
        assertEquals("onnx-check.py: " + report, 0, code);
        assertTrue(report, report.contains("opset 13"));
    }

    @Test
    public void anUnsupportedLayerIsNamed() {
        Sequential net = new Sequential().add("fc", new Linear(4, 2, new He(), new Random(1)))
            .add("odd", new io.neuronlab.mllib.nn.Layer() {
                @Override
                public Tensor forward(Tensor x) {
                    return x;
                }

                @Override
                public Tensor backward(Tensor g) {
                    return g;
                }
            });
        try {
            OnnxExporter.toBytes(net, new int[] {4});
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("ONNX export: layer 'odd'"));
        }
    }

    private void assertSameOutputs(Sequential model, int[] sample, Tensor x) throws Exception {
        float[] expected = model.forward(x).data();
        File file = tmp.newFile();
        OnnxExporter.export(model, sample, file);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(Files.readAllBytes(file.toPath()), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x.data()), toLong(x.shape()));
             OrtSession.Result result = session.run(Collections.singletonMap("input", input))) {
            OnnxTensor out = (OnnxTensor) result.get("output").get();
            FloatBuffer got = out.getFloatBuffer();
            float[] actual = new float[got.remaining()];
            got.get(actual);
            assertEquals(expected.length, actual.length);
            assertArrayEquals(expected, actual, 1e-4f);
        }
    }

    private static long[] toLong(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            s[i] = shape[i];
        }
        return s;
    }

    private static void requireInCi(boolean ci, String message) {
        if (ci) {
            throw new AssertionError(message);
        }
        assumeTrue(message, false);
    }

    private static File projectRoot() {
        File dir = new File(System.getProperty("user.dir")).getAbsoluteFile();
        while (dir != null && !new File(dir, "scripts/onnx-check.py").isFile()) {
            dir = dir.getParentFile();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find scripts/onnx-check.py above " + System.getProperty("user.dir"));
        }
        return dir;
    }

    private static String read(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString("UTF-8");
    }
}
