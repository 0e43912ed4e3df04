package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.interop.Safetensors;
import io.neuronlab.mllib.interop.TorchNames;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.models.ImageInput;
import io.neuronlab.mllib.models.ResNet;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** {@code info --net}, {@code import} and {@code export-safetensors} through {@link Main}. */
public class ArchitectureCommandsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void infoShowsTorchvisionsCountAndPerLayerCounts() {
        CliRun r = CliRun.run("info", "--net", "resnet18");
        assertEquals(r.toString(), 0, r.exitCode);
        assertTrue(r.out, r.out.contains("parameters: 11,689,512\n"));
        assertTrue(r.out, r.out.contains("torchvision resnet18 (224x224x3, 1000 classes): 11,689,512 (equal)"));
        assertTrue(r.out, r.out.matches("(?s).*\n  layer4 +8,393,728  Sequential\n.*"));
        assertTrue(r.out, r.out.matches("(?s).*\n  fc +513,000  Linear\\(512, 1000\\)\n.*"));
        CliRun small = CliRun.run("info", "--net", "googlenet", "--input", "mnist");
        assertEquals(small.toString(), 0, small.exitCode);
        assertTrue(small.out, small.out.contains("input: 28x28x1, 10 classes"));
        assertFalse(small.out, small.out.contains("(equal)"));
        CliRun bad = CliRun.run("info", "--net", "resnet50");
        assertEquals(2, bad.exitCode);
        assertTrue(bad.err, bad.err.contains("unknown architecture 'resnet50'; known: [alexnet, vgg11, vgg16, googlenet, resnet18, resnet34, alexnet2012]"));
    }

    @Test
    public void importThenExportGivesBackTheSameWeights() throws Exception {
        Sequential torchSide = ResNet.resnet18(ImageInput.cifar(7));
        Random r = new Random(2);
        for (Tensor t : torchSide.buffers().values()) {
            for (int i = 0; i < t.numel(); i++) {
                t.data()[i] = 0.5f + r.nextFloat();
            }
        }
        File weights = tmp.newFile("w.safetensors");
        byte[] original = TorchNames.stateDict(torchSide, Collections.singletonMap("format", "pt")).toBytes();
        Files.write(weights.toPath(), original);
        File model = new File(tmp.getRoot(), "m.nlmf");
        CliRun imp = CliRun.run("import", "--from", weights.getPath(), "--net", "resnet18", "--input", "cifar",
            "--out", model.getPath());
        assertEquals(imp.toString(), 0, imp.exitCode);
        assertTrue(imp.out, imp.out.contains("resnet18: 11,173,962 parameters from "));
        assertEquals(ModelFile.FORMAT_VERSION, ModelFile.read(model).formatVersion());
        Sequential loaded = new ModelSerializer().load(model);
        torchSide.train(false);
        Tensor x = Tensor.randn(r, 1, 3, 32, 32);
        assertArrayEquals(torchSide.forward(x).data(), loaded.forward(x).data(), 0f);

        File back = new File(tmp.getRoot(), "back.safetensors");
        CliRun exp = CliRun.run("export-safetensors", "--model", model.getPath(), "--out", back.getPath());
        assertEquals(exp.toString(), 0, exp.exitCode);
        assertArrayEquals(original, Files.readAllBytes(back.toPath()));

        File onnx = new File(tmp.getRoot(), "m.onnx");
        CliRun toOnnx = CliRun.run("export-onnx", "--model", model.getPath(), "--input-shape", "3,32,32", "--out", onnx.getPath());
        assertEquals(toOnnx.toString(), 0, toOnnx.exitCode);
        ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        try (ai.onnxruntime.OrtSession session = env.createSession(onnx.getPath(), new ai.onnxruntime.OrtSession.SessionOptions());
             ai.onnxruntime.OnnxTensor input = ai.onnxruntime.OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(x.data()),
                 new long[] {1, 3, 32, 32});
             ai.onnxruntime.OrtSession.Result result = session.run(Collections.singletonMap("input", input))) {
            float[][] logits = (float[][]) result.get(0).getValue();
            assertArrayEquals(loaded.forward(x).data(), logits[0], 1e-4f);
        }

        CliRun info = CliRun.run("info", "--model", model.getPath());
        assertEquals(info.toString(), 0, info.exitCode);
        assertTrue(info.out, info.out.contains("format: NLMF version 2"));
        assertTrue(info.out, info.out.matches("(?s).*\n +0 +Residual\\(relu_after=true, 5 children\\)\n.*"));
    }

    @Test
    public void importRefusesWeightsOfAnotherNetworkAndWritesNothing() throws Exception {
        File weights = tmp.newFile("w.safetensors");
        TorchNames.stateDict(ResNet.resnet18(ImageInput.cifar(1)), Collections.emptyMap()).write(weights);
        File model = new File(tmp.getRoot(), "m.nlmf");
        CliRun imp = CliRun.run("import", "--from", weights.getPath(), "--net", "vgg11", "--input", "cifar",
            "--out", model.getPath());
        assertEquals(imp.toString(), 1, imp.exitCode);
        assertTrue(imp.err, imp.err.contains("tensor 'features.0.weight' [64, 3, 3, 3] is missing (is this the right --net?)"));
        assertFalse(model.exists());
        Safetensors.read(weights); // still a valid file
    }
}
