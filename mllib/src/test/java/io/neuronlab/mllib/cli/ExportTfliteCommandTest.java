package io.neuronlab.mllib.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.models.GoogLeNet;
import io.neuronlab.mllib.models.ImageInput;
import io.neuronlab.mllib.models.ResNet;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.LeakyReLU;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.tflite.desktop.BytedecoRuntime;
import io.neuronlab.mllib.tflite.Layouts;
import io.neuronlab.mllib.tflite.TfliteInterpreter;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Random;

/** {@code export-tflite} on a saved CNN: the written .tflite runs in TFLite and agrees with the loaded network. */
public class ExportTfliteCommandTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        return Main.run(argv, new PrintStream(out, true), new PrintStream(err, true), new HashMap<>());
    }

    @Test
    public void exportsASavedCnnThatTfliteRunsLikeMllib() throws Exception {
        Random random = new Random(8);
        Sequential net = new Sequential()
            .add("conv", new Conv2d(1, 4, 3, 1, 1, new He(), random))
            .add("bn", new BatchNorm(4))
            .add("relu", new ReLU())
            .add("pool", new MaxPool2d(2, 2))
            .add("flatten", new Flatten())
            .add("fc", new Linear(4 * 14 * 14, 10, new He(), random));
        net.train(false);
        File modelFile = new File(tmp.getRoot(), "cnn.nlmf");
        new ModelSerializer().save(net, TrainingMetadata.none(), modelFile);
        File tflite = new File(tmp.getRoot(), "out/cnn.tflite");

        assertEquals(err.toString(), 0, run("export-tflite", "--model", modelFile.getPath(), "--out", tflite.getPath()));
        assertTrue(out.toString(), out.toString().contains("wrote " + tflite.getPath()));

        Sequential loaded = new ModelSerializer().load(modelFile);
        loaded.train(false);
        Tensor x = Tensor.zeros(1, 1, 28, 28);
        for (int i = 0; i < x.numel(); i++) {
            x.data()[i] = random.nextFloat();
        }
        float[] expected = loaded.forward(x).data();
        float[] nhwc = new float[784];
        Layouts.chwToHwc(x.data(), 0, 1, 28, 28, nhwc);
        float[] y = new float[10];
        try (TfliteInterpreter interpreter = new BytedecoRuntime(true).load(Files.readAllBytes(tflite.toPath()))) {
            interpreter.run(nhwc, y);
        }
        for (int i = 0; i < 10; i++) {
            assertEquals("output " + i, expected[i], y[i], 1e-5f);
        }
    }

    @Test
    public void exportsSavedResNetAndGoogLeNetAtSmallInputs() throws Exception {
        Sequential[] nets = {
            ResNet.resnet18(new ImageInput(3, 32, 4, 8, 3)),
            GoogLeNet.create(new ImageInput(1, 28, 4, 8, 4)),
        };
        int[][] shapes = {{3, 32, 32}, {1, 28, 28}};
        Random random = new Random(9);
        for (int n = 0; n < nets.length; n++) {
            File modelFile = new File(tmp.getRoot(), "net" + n + ".nlmf");
            new ModelSerializer().save(nets[n], TrainingMetadata.none(), modelFile);
            File tflite = new File(tmp.getRoot(), "net" + n + ".tflite");
            String shape = shapes[n][0] + "," + shapes[n][1] + "," + shapes[n][2];
            assertEquals(err.toString(), 0, run("export-tflite", "--model", modelFile.getPath(), "--input-shape", shape,
                "--out", tflite.getPath()));
            assertTrue(out.toString(), out.toString().contains("wrote " + tflite.getPath()));

            Sequential loaded = new ModelSerializer().load(modelFile);
            loaded.train(false);
            Tensor x = Tensor.randn(random, 1, shapes[n][0], shapes[n][1], shapes[n][2]);
            float[] expected = loaded.forward(x).data();
            float[] nhwc = new float[x.numel()];
            Layouts.chwToHwc(x.data(), 0, shapes[n][0], shapes[n][1], shapes[n][2], nhwc);
            float[] y = new float[expected.length];
            try (TfliteInterpreter interpreter = new BytedecoRuntime(true).load(Files.readAllBytes(tflite.toPath()))) {
                interpreter.run(nhwc, y);
            }
            for (int i = 0; i < y.length; i++) {
                assertEquals(loaded + " output " + i, expected[i], y[i], 1e-4f);
            }
        }
    }

    @Test
    public void unsupportedLayerFailsWithItsName() throws Exception {
        Sequential net = new Sequential()
            .add("fc", new Linear(4, 3, new He(), new Random(1)))
            .add("leaky", new LeakyReLU(0.1f));
        File modelFile = new File(tmp.getRoot(), "mlp.nlmf");
        new ModelSerializer().save(net, TrainingMetadata.none(), modelFile);
        int code = run("export-tflite", "--model", modelFile.getPath(), "--out", new File(tmp.getRoot(), "x.tflite").getPath());
        assertEquals(1, code);
        assertTrue(err.toString(), err.toString().contains("'leaky'"));
        assertTrue(new File(tmp.getRoot(), "x.tflite").exists() == false);
    }

    @Test
    public void badInputShapeIsAUsageError() throws Exception {
        Sequential net = new Sequential().add("fc", new Linear(4, 3, new He(), new Random(1)));
        File modelFile = new File(tmp.getRoot(), "m.nlmf");
        new ModelSerializer().save(net, TrainingMetadata.none(), modelFile);
        assertEquals(2, run("export-tflite", "--model", modelFile.getPath(), "--out", "x.tflite", "--input-shape", "1,x"));
        assertTrue(err.toString(), err.toString().contains("--input-shape"));
    }
}
