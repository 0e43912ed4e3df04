package io.neuronlab.mllib.io;

import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Model files whose checksum is valid but whose content is hostile or damaged (a broken writer, a crafted file):
 * each is refused with a message naming the layer or tensor, before anything big is allocated.
 */
public class HostileModelFileTest {

    private static ModelFile file(List<LayerSpec> layers, Map<String, Tensor> tensors) {
        return new ModelFile(layers, tensors, TrainingMetadata.none());
    }

    private static String loadFailure(ModelFile f) {
        try {
            // through the bytes, as a file on disk would come: the checksum is valid
            new ModelSerializer().build(ModelFile.fromBytes(f.toBytes(), "m.nlmf"), "m.nlmf");
        } catch (ModelFormatException e) {
            return e.getMessage();
        }
        fail("loaded a hostile model");
        return null;
    }

    private static Map<String, Tensor> linearTensors(String name, int in, int out) {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put(name + ".weight", Tensor.zeros(in, out));
        t.put(name + ".bias", Tensor.zeros(out));
        return t;
    }

    @Test
    public void convPaddingOfTwoToTheTwentyIsRefused() {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec("conv1", "Conv2d").with("in", 1).with("out", 2).with("kernel", 3).with("stride", 1)
            .with("padding", 1 << 20));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("conv1.weight", Tensor.zeros(2, 1, 3, 3));
        tensors.put("conv1.bias", Tensor.zeros(2));
        assertEquals("model file m.nlmf: layer 0: layer 'conv1': Conv2d padding 1048576 is not smaller than its kernel 3,"
            + " so its outer outputs would see only padding (a damaged file?)", loadFailure(file(layers, tensors)));
    }

    @Test
    public void hugeDeclaredLinearIsRefusedBeforeItIsAllocated() {
        // 20000×20000 floats are 1.6 GB; the file holds a 3×2 weight
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec("fc1", "Linear").with("in", 20000).with("out", 20000));
        assertEquals("model file m.nlmf: tensor 'fc1.weight': file has shape [3, 2], model needs [20000, 20000]"
            + " (400000000 values, more than the file holds: a damaged file?)",
            loadFailure(file(layers, linearTensors("fc1", 3, 2))));
    }

    @Test
    public void maxIntSizesAreADamagedFileNotAHeapProblem() {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec("fc1", "Linear").with("in", 3).with("out", 2));
        layers.add(new LayerSpec("fc2", "Linear").with("in", Integer.MAX_VALUE).with("out", Integer.MAX_VALUE));
        Map<String, Tensor> tensors = linearTensors("fc1", 3, 2);
        tensors.putAll(linearTensors("fc2", 2, 2));
        String msg = loadFailure(file(layers, tensors));
        assertEquals("model file m.nlmf: tensor 'fc2.weight': file has shape [2, 2], model needs"
            + " [2147483647, 2147483647] (4611686014132420609 values, more than the file holds: a damaged file?)", msg);
        assertFalse(msg, msg.contains("heap"));
    }

    @Test
    public void aDeclaredTensorTheFileLacksIsNamed() {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec("bn", "BatchNorm").with("features", 4).with("momentum", 0.9f));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("bn.gamma", Tensor.zeros(4));
        tensors.put("bn.beta", Tensor.zeros(4));
        tensors.put("bn.running_mean", Tensor.zeros(4));
        assertEquals("model file m.nlmf: tensor 'bn.running_var' [4] is missing from the file",
            loadFailure(file(layers, tensors)));
    }

    @Test
    public void nonFiniteWeightsAreRefusedNamingTheTensor() {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec("fc1", "Linear").with("in", 3).with("out", 2));
        Map<String, Tensor> tensors = linearTensors("fc1", 3, 2);
        tensors.get("fc1.weight").data()[4] = Float.NaN;
        assertEquals("model file m.nlmf: tensor 'fc1.weight' holds 1 value that is not a finite number (the first, at"
            + " index 4, is NaN): the training diverged or the file is damaged", loadFailure(file(layers, tensors)));

        tensors = linearTensors("fc1", 3, 2);
        tensors.get("fc1.bias").data()[0] = Float.POSITIVE_INFINITY;
        tensors.get("fc1.bias").data()[1] = Float.NEGATIVE_INFINITY;
        assertEquals("model file m.nlmf: tensor 'fc1.bias' holds 2 values that are not a finite number (the first, at"
            + " index 0, is Infinity): the training diverged or the file is damaged", loadFailure(file(layers, tensors)));
    }

    @Test
    public void nonFiniteWeightsAreNotLoadedIntoAnExistingModelEither() throws ModelFormatException {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec("fc1", "Linear").with("in", 3).with("out", 2));
        Map<String, Tensor> good = linearTensors("fc1", 3, 2);
        good.get("fc1.weight").data()[0] = 0.5f;
        io.neuronlab.mllib.nn.Sequential model = new ModelSerializer().build(file(layers, good), "good");
        Map<String, Tensor> bad = linearTensors("fc1", 3, 2);
        bad.get("fc1.weight").data()[5] = Float.NaN;
        try {
            new ModelSerializer().loadInto(model, file(layers, bad), "bad.nlmf");
            fail("NaN weights loaded");
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("model file bad.nlmf: tensor 'fc1.weight' holds 1 value"));
        }
        assertEquals("untouched", 0.5f, model.namedParameters().get("fc1.weight").data()[0], 0f);
    }

    /** The file's bytes with its payload cut to {@code length} bytes and a valid header length and checksum. */
    private static byte[] withPayloadCut(byte[] bytes, int length) {
        ByteBuffer b = ByteBuffer.allocate(10 + length + 4);
        b.put(bytes, 0, 6).putInt(length).put(bytes, 10, length);
        CRC32 crc = new CRC32();
        crc.update(bytes, 10, length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    @Test
    public void aPayloadCutAnywhereSaysWhatItWasReadingNeverNull() {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec("fc1", "Linear").with("in", 3).with("out", 2));
        byte[] bytes = file(layers, linearTensors("fc1", 3, 2)).toBytes();
        int payload = bytes.length - 14;
        boolean sawTensorCount = false;
        for (int len = 0; len < payload; len++) {
            try {
                ModelFile.fromBytes(withPayloadCut(bytes, len), "cut.nlmf");
                fail("payload cut to " + len + " of " + payload + " bytes was read");
            } catch (ModelFormatException e) {
                String msg = e.getMessage();
                assertFalse(len + ": " + msg, msg.endsWith("null"));
                assertTrue(len + ": " + msg, msg.startsWith("model file cut.nlmf: malformed payload (checksum is valid,"
                    + " so the writer was broken): its " + len + " bytes end in the middle of ")
                    || msg.matches("model file cut\\.nlmf: malformed payload: tensor 'fc1\\.(weight|bias)' \\[[0-9, ]+\\]"
                    + " needs [0-9]+ bytes but only [0-9]+ are left"));
                sawTensorCount |= msg.endsWith("the middle of the tensor count");
            }
        }
        assertTrue("one cut falls inside the tensor count", sawTensorCount);
    }
}
