package io.neuronlab.mllib.io;

import io.neuronlab.mllib.nn.Sequential;
import org.junit.Test;

import java.io.File;
import java.nio.file.Files;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Format version 2 (layers inside layers) next to version 1: the committed version-1 files still load and are saved
 * again byte for byte as version 1; a version-2 file is refused by kind where a container is expected.
 */
public class NestedModelFileTest {
    private static final File[] OLD_FILES = {
        new File("src/test/resources/models/deepcnn.nlmf"), new File("../app/src/main/assets/models/digits.nlmf")};

    @Test
    public void committedVersionOneFilesLoadAndSaveAgainByteForByte() throws Exception {
        ModelSerializer serializer = new ModelSerializer();
        for (File f : OLD_FILES) {
            byte[] bytes = Files.readAllBytes(f.toPath());
            assertEquals(f + " is a version-1 file", 1, ((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF));
            ModelFile file = ModelFile.fromBytes(bytes, f.getPath());
            Sequential net = serializer.build(file, f.getPath());
            assertArrayEquals(f.getPath(), bytes, serializer.toModelFile(net, file.metadata()).toBytes());
        }
    }

    @Test
    public void aNewerVersionIsRefusedByName() {
        byte[] bytes = new ModelFile(java.util.Collections.emptyList(), java.util.Collections.emptyMap(),
            TrainingMetadata.none()).toBytes();
        bytes[5] = 3;
        try {
            ModelFile.fromBytes(bytes, "m");
            fail("version 3 must be refused");
        } catch (ModelFormatException e) {
            assertEquals("model file m: format version 3 is not supported: this mllib reads versions 1 to 2 "
                + "(the file was written by a newer mllib; update mllib)", e.getMessage());
        }
    }

    @Test
    public void aPlainLayerWithChildrenIsRefused() throws Exception {
        LayerSpec relu = new LayerSpec("relu", "ReLU").withChild(new LayerSpec("x", "ReLU"));
        ModelFile file = new ModelFile(java.util.Collections.singletonList(relu), java.util.Collections.emptyMap(),
            TrainingMetadata.none());
        assertEquals(2, file.formatVersion());
        try {
            new ModelSerializer().build(ModelFile.fromBytes(file.toBytes(), "m"), "m");
            fail("a ReLU has no children");
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("layer 'relu' (ReLU) has children; a ReLU has none"));
        }
    }
}
