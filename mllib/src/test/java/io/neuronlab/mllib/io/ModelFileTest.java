package io.neuronlab.mllib.io;

import io.neuronlab.mllib.files.AtomicFile;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class ModelFileTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static ModelFile sample() {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec("fc1", "Linear").with("in", 3).with("out", 2));
        layers.add(new LayerSpec("act", "LeakyReLU").with("alpha", 0.01f));
        layers.add(new LayerSpec("drop", "Dropout").with("ratio", 0.5f).with("note", "héllo").with("flag", true));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("fc1.weight", Tensor.of(new float[] {1f, -2.5f, 3e-8f, Float.NaN, Float.MAX_VALUE, -0f}, 2, 3));
        tensors.put("fc1.bias", Tensor.of(new float[] {0.25f, -0.125f}, 2));
        tensors.put("empty", Tensor.zeros(0, 4));
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("optimizer", "adam");
        extra.put("lr", "0.001");
        TrainingMetadata meta = new TrainingMetadata("mnist", 3, 0.9861f, 42L, "train --net lenet --epochs 3", extra);
        return new ModelFile(layers, tensors, meta);
    }

    @Test
    public void roundTripKeepsEverythingAndReSavesByteIdentical() throws IOException {
        ModelFile original = sample();
        byte[] bytes = original.toBytes();
        ModelFile loaded = ModelFile.fromBytes(bytes, "memory");

        assertEquals(original.architecture(), loaded.architecture());
        assertEquals(0.01f, loaded.architecture().get(1).floatValue("alpha"), 0f);
        assertEquals("héllo", loaded.architecture().get(2).stringValue("note"));
        assertTrue(loaded.architecture().get(2).booleanValue("flag"));
        assertEquals(new ArrayList<>(original.tensors().keySet()), new ArrayList<>(loaded.tensors().keySet()));
        for (String name : original.tensors().keySet()) {
            Tensor a = original.tensors().get(name);
            Tensor b = loaded.tensors().get(name);
            assertArrayEquals(name, a.shape(), b.shape());
            for (int i = 0; i < a.numel(); i++) {
                assertEquals(name, Float.floatToRawIntBits(a.data()[i]), Float.floatToRawIntBits(b.data()[i]));
            }
        }
        assertEquals(original.metadata(), loaded.metadata());
        assertArrayEquals(bytes, loaded.toBytes());
    }

    @Test
    public void headerIsMagicVersionLengthAndCrcCoversThePayload() throws IOException {
        byte[] bytes = sample().toBytes();
        assertArrayEquals(new byte[] {'N', 'L', 'M', 'F', 0, 1}, Arrays.copyOf(bytes, 6));
        int length = ((bytes[6] & 0xFF) << 24) | ((bytes[7] & 0xFF) << 16) | ((bytes[8] & 0xFF) << 8) | (bytes[9] & 0xFF);
        assertEquals(bytes.length - 14, length);
        CRC32 crc = new CRC32();
        crc.update(bytes, 10, length);
        long stored = ((bytes[bytes.length - 4] & 0xFFL) << 24) | ((bytes[bytes.length - 3] & 0xFF) << 16)
            | ((bytes[bytes.length - 2] & 0xFF) << 8) | (bytes[bytes.length - 1] & 0xFF);
        assertEquals(crc.getValue(), stored);
    }

    @Test
    public void saveAndReadThroughFilesAndStreams() throws IOException {
        File f = new File(tmp.getRoot(), "m.nlmf");
        sample().save(f);
        byte[] onDisk = java.nio.file.Files.readAllBytes(f.toPath());
        assertArrayEquals(sample().toBytes(), onDisk);
        assertEquals(sample().metadata(), ModelFile.read(f).metadata());
        assertEquals(sample().architecture(), ModelFile.read(new ByteArrayInputStream(onDisk), "asset").architecture());
    }

    @Test
    public void everyTruncationFailsWithATruncationMessage() {
        byte[] bytes = sample().toBytes();
        for (int len = 0; len < bytes.length; len++) {
            String msg = failure(Arrays.copyOf(bytes, len));
            if (len == 0) {
                assertTrue(msg, msg.contains("empty"));
            } else {
                assertTrue("length " + len + ": " + msg, msg.contains("truncated"));
            }
            assertTrue(msg, msg.startsWith("model file cut.nlmf: "));
        }
    }

    @Test
    public void truncationMessagesSayWhereTheFileEnds() {
        byte[] bytes = sample().toBytes();
        assertEquals("model file cut.nlmf: truncated: only 7 bytes, the header alone is 10 bytes",
            failure(Arrays.copyOf(bytes, 7)));
        assertTrue(failure(Arrays.copyOf(bytes, 20)).contains("announces a payload of " + (bytes.length - 14)
            + " bytes but only 10 follow"));
        assertTrue(failure(Arrays.copyOf(bytes, bytes.length - 1)).contains("CRC32 checksum after the payload is missing (3 of 4"));
    }

    @Test
    public void everyFlippedPayloadOrChecksumBitIsCaughtByTheCrc() {
        byte[] bytes = sample().toBytes();
        for (int i = 10; i < bytes.length; i++) {
            byte[] bad = bytes.clone();
            bad[i] ^= (byte) (1 << (i % 8));
            String msg = failure(bad);
            assertTrue("byte " + i + ": " + msg, msg.contains("corrupted: the payload's CRC32 is"));
        }
    }

    @Test
    public void wrongMagicVersionLengthAndTrailingBytesAreNamed() {
        byte[] bytes = sample().toBytes();

        byte[] png = bytes.clone();
        png[0] = (byte) 0x89;
        png[1] = 'P';
        png[2] = 'N';
        png[3] = 'G';
        assertTrue(failure(png), failure(png).contains("not a NeuronLab model file: it starts with bytes 89 50 4E 47"));
        assertTrue(failure(new byte[] {'N', 'X'}).contains("not a NeuronLab model file"));

        byte[] newer = bytes.clone();
        newer[5] = 3;
        assertTrue(failure(newer), failure(newer).contains("format version 3 is not supported: this mllib reads versions 1 to 2 (the file was written by a newer mllib"));
        byte[] zero = bytes.clone();
        zero[5] = 0;
        assertTrue(failure(zero).contains("format version 0 is not supported"));

        byte[] huge = bytes.clone();
        huge[6] = 0x7F;
        assertTrue(failure(huge), failure(huge).contains("corrupted: the header announces a payload of"));

        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        assertTrue(failure(longer), failure(longer).contains("3 unexpected bytes after the checksum"));
        byte[] doubled = Arrays.copyOf(bytes, bytes.length * 2);
        System.arraycopy(bytes, 0, doubled, bytes.length, bytes.length);
        assertTrue(failure(doubled).contains(bytes.length + " unexpected bytes after the checksum"));
    }

    @Test
    public void missingFileIsNamed() {
        File f = new File(tmp.getRoot(), "nope.nlmf");
        try {
            ModelFile.read(f);
            fail();
        } catch (IOException e) {
            assertEquals("model file " + f + " does not exist", e.getMessage());
        }
    }

    @Test
    public void readFromFileRejectsDamageToo() throws IOException {
        File f = tmp.newFile("bad.nlmf");
        byte[] bytes = sample().toBytes();
        try (FileOutputStream out = new FileOutputStream(f)) {
            out.write(bytes, 0, bytes.length - 2);
        }
        try {
            ModelFile.read(f);
            fail();
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("model file " + f.getPath() + ": truncated"));
        } catch (IOException e) {
            throw e;
        }
    }

    private static String failure(byte[] bytes) {
        try {
            ModelFile.fromBytes(bytes, "cut.nlmf");
        } catch (ModelFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("a damaged file of " + bytes.length + " bytes was accepted");
    }

    @Test
    public void failedModelSaveKeepsThePreviousModelLoadable() throws IOException {
        File f = new File(tmp.getRoot(), "m.nlmf");
        ModelFile good = ModelFileTest.sample();
        good.save(f);
        try {
            AtomicFile.write(f, out -> {
                good.writeTo(out);
                throw new IOException("crash after the bytes were written");
            });
            fail();
        } catch (IOException expected) {
            // the old model must still be there, complete
        }
        assertArrayEquals(good.toBytes(), ModelFile.read(f).toBytes());
    }
}
