package io.neuronlab.app.models;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.models.LeNetBench;
import io.neuronlab.mllib.models.Mlp;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The user's model files: import with checks, the model in use, delete — on real files. */
public class ModelLibraryTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private byte[] saved(io.neuronlab.mllib.nn.Sequential net) throws Exception {
        File f = folder.newFile();
        new ModelSerializer().save(net, TrainingMetadata.none(), f);
        return Files.readAllBytes(f.toPath());
    }

    @Test
    public void importsADigitModelByteForByteAndUsesIt() throws Exception {
        ModelLibrary library = new ModelLibrary(new File(folder.getRoot(), "models"));
        byte[] lenet = saved(LeNetBench.create(1));
        File file = library.importModel(new ByteArrayInputStream(lenet), "lenet-1.nlmf");
        assertArrayEquals(lenet, Files.readAllBytes(file.toPath()));
        assertEquals(1, library.list().size());
        assertNull(library.active());
        library.setActive("lenet-1.nlmf");
        assertEquals(file, library.active());
        library.clearActive();
        assertNull(library.active());
    }

    @Test
    public void damagedAndWrongFilesAreRefusedAndChangeNothing() throws Exception {
        ModelLibrary library = new ModelLibrary(new File(folder.getRoot(), "models"));
        byte[] lenet = saved(LeNetBench.create(1));
        library.importModel(new ByteArrayInputStream(lenet), "good.nlmf");
        library.setActive("good.nlmf");

        byte[] damaged = lenet.clone();
        damaged[damaged.length / 2] ^= 0x40;
        Exception e = assertThrows(java.io.IOException.class,
                () -> library.importModel(new ByteArrayInputStream(damaged), "good.nlmf"));
        assertTrue(e.getMessage(), e.getMessage().contains("good.nlmf"));
        assertArrayEquals("the file in use is untouched", lenet,
                Files.readAllBytes(new File(library.dir(), "good.nlmf").toPath()));

        byte[] fiveClasses = saved(Mlp.create(1, 784, 20, 5));
        Exception wrong = assertThrows(java.io.IOException.class,
                () -> library.importModel(new ByteArrayInputStream(fiveClasses), "five.nlmf"));
        assertTrue(wrong.getMessage(), wrong.getMessage().contains("does not give ten digit scores"));

        Exception text = assertThrows(java.io.IOException.class,
                () -> library.importModel(new ByteArrayInputStream("hello".getBytes("UTF-8")), "x.nlmf"));
        assertTrue(text.getMessage(), text.getMessage().contains("x.nlmf"));
        assertEquals(1, library.list().size());
        assertThrows(IllegalArgumentException.class, () -> library.file("../evil.nlmf"));
    }

    @Test
    public void deletingTheModelInUseGoesBackToTheShippedOne() throws Exception {
        ModelLibrary library = new ModelLibrary(new File(folder.getRoot(), "models"));
        library.importModel(new ByteArrayInputStream(saved(Mlp.create(1, 784, 30, 10))), "mlp.nlmf");
        library.setActive("mlp.nlmf");
        assertTrue(library.delete("mlp.nlmf"));
        assertNull(library.active());
        assertFalse(new File(library.dir(), "mlp.nlmf").exists());
    }

    @Test
    public void importNamesAreSafeAndNeverReplaceAModel() throws Exception {
        ModelLibrary library = new ModelLibrary(new File(folder.getRoot(), "models"));
        assertEquals("lenet.nlmf", library.importName("lenet.nlmf"));
        assertEquals("My-model-2.nlmf", library.importName("My model (2).NLMF"));
        assertEquals("evil.nlmf", library.importName("../../evil.nlmf"));
        assertEquals("imported.nlmf", library.importName("我的模型.nlmf"));
        assertEquals("imported.nlmf", library.importName(null));
        library.importModel(new ByteArrayInputStream(saved(Mlp.create(1, 784, 30, 10))), "lenet.nlmf");
        assertEquals("lenet-2.nlmf", library.importName("lenet.nlmf"));
        library.file(library.importName("x".repeat(200)));  // still a valid library name
    }
}
