package io.neuronlab.mllib.io;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.nn.AvgPool2d;
import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Layer;
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

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class ModelSerializerTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ModelSerializer serializer = new ModelSerializer();

    /** Every standard layer kind, on 1×12×12 images, 10 outputs. */
    static Sequential everyLayer(long seed, int hidden) {
        Random r = new Random(seed);
        return new Sequential()
            .add("conv1", new Conv2d(1, 4, 3, 1, 1, new He(), r))
            .add("bn1", new BatchNorm(4))
            .add("relu1", new ReLU())
            .add("pool1", new MaxPool2d(2, 2))
            .add("conv2", new Conv2d(4, 6, 3, 2, 0, new He(), r))
            .add("leaky", new LeakyReLU(0.05f))
            .add("pool2", new AvgPool2d(2, 1))
            .add("flat", new Flatten())
            .add("fc1", new Linear(6, hidden, new He(), r))
            .add("bn2", new BatchNorm(hidden, 0.8f, 1e-5f, true))
            .add("tanh", new Tanh())
            .add("drop", new Dropout(0.3f, r))
            .add("fc2", new Linear(hidden, 10, new He(), r))
            .add("sig", new Sigmoid())
            .add("fc3", new Linear(10, 10, new He(), r))
            .add("softmax", new Softmax());
    }

    static Tensor images(long seed, int n) {
        Random r = new Random(seed);
        float[] x = new float[n * 144];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat();
        }
        return Tensor.of(x, n, 1, 12, 12);
    }

    /** A trained-looking model: random weights and BatchNorm running statistics moved by training forwards. */
    static Sequential warmedUp(long seed) {
        Sequential m = everyLayer(seed, 16);
        m.train(true);
        for (int i = 0; i < 3; i++) {
            m.forward(images(100 + i, 8));
        }
        m.train(false);
        return m;
    }

    @Test
    public void saveLoadGivesIdenticalPredictionsAndByteIdenticalReSave() throws IOException {
        Sequential model = warmedUp(1);
        assertNotEquals(0f, ((BatchNorm) model.layer("bn1")).runningMean().data()[0], 0f);
        TrainingMetadata meta = new TrainingMetadata("mnist", 2, 0.5f, 1L, "test", null);
        File f = new File(tmp.getRoot(), "all.nlmf");
        serializer.save(model, meta, f);

        Sequential loaded = serializer.load(f);
        assertFalse("a loaded model is in evaluation mode", loaded.isTraining());
        assertEquals(new ArrayList<>(model.namedLayers().keySet()), new ArrayList<>(loaded.namedLayers().keySet()));
        Tensor x = images(7, 5);
        assertArrayEquals(model.forward(x).data(), loaded.forward(x).data(), 0f);

        File again = new File(tmp.getRoot(), "again.nlmf");
        serializer.save(loaded, ModelFile.read(f).metadata(), again);
        assertArrayEquals(Files.readAllBytes(f.toPath()), Files.readAllBytes(again.toPath()));

        Sequential fromStream = serializer.load(new ByteArrayInputStream(Files.readAllBytes(f.toPath())), "asset");
        assertArrayEquals(model.forward(x).data(), fromStream.forward(x).data(), 0f);
    }

    @Test
    public void hyperParametersSurviveTheRoundTrip() throws IOException {
        Sequential loaded = serializer.build(serializer.toModelFile(warmedUp(2), TrainingMetadata.none()), "memory");
        Conv2d conv2 = (Conv2d) loaded.layer("conv2");
        assertEquals(4, conv2.inChannels());
        assertEquals(6, conv2.outChannels());
        assertEquals(3, conv2.kernel());
        assertEquals(2, conv2.stride());
        assertEquals(0, conv2.padding());
        assertEquals(2, ((MaxPool2d) loaded.layer("pool1")).stride());
        assertEquals(1, ((AvgPool2d) loaded.layer("pool2")).stride());
        assertEquals(0.05f, ((LeakyReLU) loaded.layer("leaky")).alpha(), 0f);
        assertEquals(0.8f, ((BatchNorm) loaded.layer("bn2")).momentum(), 0f);
        assertEquals(1e-5f, ((BatchNorm) loaded.layer("bn2")).eps(), 0f);
        assertTrue(((BatchNorm) loaded.layer("bn2")).unbiasedRunningVariance());
        assertEquals(BatchNorm.BOOK_EPS, ((BatchNorm) loaded.layer("bn1")).eps(), 0f);
        assertFalse(((BatchNorm) loaded.layer("bn1")).unbiasedRunningVariance());
        assertEquals(0.3f, ((Dropout) loaded.layer("drop")).ratio(), 0f);
        assertEquals(16, ((Linear) loaded.layer("fc1")).outFeatures());
    }

    @Test
    public void loadIntoAMatchingNetworkCopiesWeightsAndBuffers() throws IOException {
        Sequential source = warmedUp(3);
        File f = new File(tmp.getRoot(), "m.nlmf");
        serializer.save(source, new TrainingMetadata("mnist", 4, 0.9f, 3L, "cmd", null), f);

        Sequential target = everyLayer(99, 16);
        target.train(false);
        Tensor x = images(8, 4);
        assertFalse(java.util.Arrays.equals(source.forward(x).data(), target.forward(x).data()));
        TrainingMetadata meta = serializer.loadInto(target, f);
        assertEquals(4, meta.epochs());
        assertArrayEquals(source.forward(x).data(), target.forward(x).data(), 0f);
        assertTrue("parameters stay trainable", target.namedParameters().get("fc1.weight").requiresGrad());
    }

    @Test
    public void wrongArchitectureNamesTheLayerAndLeavesTheModelUntouched() throws IOException {
        File f = new File(tmp.getRoot(), "m.nlmf");
        serializer.save(warmedUp(4), TrainingMetadata.none(), f);
        Sequential other = everyLayer(5, 12);
        Map<String, float[]> before = snapshot(other);
        try {
            serializer.loadInto(other, f);
            fail();
        } catch (ModelFormatException e) {
            assertEquals("model file " + f.getPath() + ": layer 8 'fc1': file has Linear(6→16), model has Linear(6→12)",
                e.getMessage());
        }
        assertUnchanged(before, other);
    }

    @Test
    public void layerNamesCountsAndKindsAreChecked() {
        ModelFile file = serializer.toModelFile(warmedUp(6), TrainingMetadata.none());

        Sequential renamed = new Sequential();
        for (Map.Entry<String, Layer> e : everyLayer(6, 16).namedLayers().entrySet()) {
            renamed.add(e.getKey().equals("fc2") ? "dense2" : e.getKey(), e.getValue());
        }
        assertEquals("model file m: layer 12 Linear(16→10) is named 'fc2' in the file but 'dense2' in the model",
            loadIntoFailure(renamed, file));

        Sequential shorter = new Sequential();
        List<Map.Entry<String, Layer>> layers = new ArrayList<>(everyLayer(6, 16).namedLayers().entrySet());
        for (Map.Entry<String, Layer> e : layers.subList(0, layers.size() - 1)) {
            shorter.add(e.getKey(), e.getValue());
        }
        assertEquals("model file m: file has 16 layers, model has 15; the first extra layer in the file is layer 15 'softmax' Softmax()",
            loadIntoFailure(shorter, file));

        Sequential convChanged = everyLayer(6, 16);
        Sequential other = new Sequential();
        for (Map.Entry<String, Layer> e : convChanged.namedLayers().entrySet()) {
            other.add(e.getKey(), e.getKey().equals("conv2") ? new Conv2d(4, 6, 3, 1, 0, new He(), new Random(1)) : e.getValue());
        }
        assertEquals("model file m: layer 4 'conv2': file has Conv2d(4→6, 3×3, stride 2, pad 0), model has Conv2d(4→6, 3×3, stride 1, pad 0)",
            loadIntoFailure(other, file));
    }

    @Test
    public void brokenTensorSetsAreRejectedBeforeAnythingIsCopied() {
        ModelFile good = serializer.toModelFile(warmedUp(7), TrainingMetadata.none());

        Map<String, Tensor> missing = new LinkedHashMap<>(good.tensors());
        missing.remove("bn2.running_var");
        assertEquals("model file m: tensor 'bn2.running_var' [16] is missing from the file",
            loadIntoFailure(everyLayer(8, 16), new ModelFile(good.architecture(), missing, good.metadata())));

        Map<String, Tensor> reshaped = new LinkedHashMap<>(good.tensors());
        reshaped.put("fc3.weight", Tensor.zeros(5, 20));
        Sequential target = everyLayer(8, 16);
        Map<String, float[]> before = snapshot(target);
        assertEquals("model file m: tensor 'fc3.weight': file has shape [5, 20], model needs [10, 10]",
            loadIntoFailure(target, new ModelFile(good.architecture(), reshaped, good.metadata())));
        assertUnchanged(before, target);

        Map<String, Tensor> extra = new LinkedHashMap<>(good.tensors());
        extra.put("fc3.scale", Tensor.zeros(1));
        assertEquals("model file m: the file has tensor 'fc3.scale' that no layer of the model uses",
            loadIntoFailure(everyLayer(8, 16), new ModelFile(good.architecture(), extra, good.metadata())));
        try {
            serializer.build(new ModelFile(good.architecture(), reshaped, good.metadata()), "m");
            fail();
        } catch (ModelFormatException e) {
            assertEquals("model file m: tensor 'fc3.weight': file has shape [5, 20], model needs [10, 10]", e.getMessage());
        }
    }

    @Test
    public void unknownKindsAndBadHyperParametersFailClearly() {
        List<LayerSpec> arch = new ArrayList<>();
        arch.add(new LayerSpec("fc", "Linear").with("in", 4).with("out", 2));
        arch.add(new LayerSpec("gelu", "GELU"));
        try {
            serializer.build(new ModelFile(arch, new LinkedHashMap<>(), TrainingMetadata.none()), "m");
            fail();
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("model file m: layer 1 'gelu' has unknown kind 'GELU'; this mllib knows [Linear, Conv2d,"));
        }
        List<LayerSpec> bad = new ArrayList<>();
        bad.add(new LayerSpec("fc", "Linear").with("in", 4).with("out", -2));
        try {
            serializer.build(new ModelFile(bad, new LinkedHashMap<>(), TrainingMetadata.none()), "m");
            fail();
        } catch (ModelFormatException e) {
            assertEquals("model file m: layer 0: layer 'fc' (Linear): out = -2 must be positive", e.getMessage());
        }
        List<LayerSpec> missingKey = new ArrayList<>();
        missingKey.add(new LayerSpec("pool", "MaxPool2d").with("kernel", 2));
        try {
            serializer.build(new ModelFile(missingKey, new LinkedHashMap<>(), TrainingMetadata.none()), "m");
            fail();
        } catch (ModelFormatException e) {
            assertEquals("model file m: layer 0: layer 'pool' (MaxPool2d) has no hyper-parameter 'stride'; it has [kernel]", e.getMessage());
        }
    }

    @Test
    public void aLayerWithoutCodecCannotBeSavedButCanBeRegistered() throws IOException {
        class Scale extends Layer {
            final float factor;

            Scale(float factor) {
                this.factor = factor;
            }

            @Override
            public Tensor forward(Tensor x) {
                float[] y = x.data().clone();
                for (int i = 0; i < y.length; i++) {
                    y[i] *= factor;
                }
                return Tensor.of(y, x.shape());
            }

            @Override
            public Tensor backward(Tensor g) {
                return g;
            }
        }
        Sequential m = new Sequential().add("scale", new Scale(3f));
        try {
            serializer.toModelFile(m, TrainingMetadata.none());
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("layer 0 'scale': ") && e.getMessage().contains("register a LayerCodec"));
        }
        LayerCodecs codecs = LayerCodecs.withStandardLayers().register(new LayerCodec<Scale>() {
            @Override
            public String kind() {
                return "Scale";
            }

            @Override
            public Class<Scale> layerType() {
                return Scale.class;
            }

            @Override
            public void describe(Scale layer, LayerSpec spec) {
                spec.with("factor", layer.factor);
            }

            @Override
            public Scale build(LayerSpec spec) throws ModelFormatException {
                return new Scale(spec.floatValue("factor"));
            }
        });
        ModelSerializer custom = new ModelSerializer(codecs);
        Sequential back = custom.build(ModelFile.fromBytes(custom.toModelFile(m, TrainingMetadata.none()).toBytes(), "x"), "x");
        assertArrayEquals(new float[] {3f, 6f}, back.forward(Tensor.of(new float[] {1f, 2f}, 2)).data(), 0f);
    }

    private String loadIntoFailure(Sequential model, ModelFile file) {
        try {
            serializer.loadInto(model, file, "m");
        } catch (ModelFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("loadInto accepted a mismatching file");
    }

    private static Map<String, float[]> snapshot(Sequential m) {
        Map<String, float[]> s = new LinkedHashMap<>();
        m.namedParameters().forEach((k, v) -> s.put(k, v.data().clone()));
        m.buffers().forEach((k, v) -> s.put(k, v.data().clone()));
        return s;
    }

    private static void assertUnchanged(Map<String, float[]> before, Sequential m) {
        Map<String, float[]> after = snapshot(m);
        for (String k : before.keySet()) {
            assertArrayEquals(k, before.get(k), after.get(k), 0f);
        }
    }
}
