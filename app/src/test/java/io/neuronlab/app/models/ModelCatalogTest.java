package io.neuronlab.app.models;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.digits.DigitModel;
import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.lab.LabSettings;
import io.neuronlab.mllib.models.LeNetBench;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.LeakyReLU;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.tflite.TfliteExporter;
import java.io.File;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The catalog on real files: what each entry says, the model in use, damaged files, and both export formats. */
public class ModelCatalogTest {
    /** The app's shipped model, read from the source tree like the app reads its asset. */
    static final File BUILT_IN = new File("src/main/assets/models/digits.nlmf");

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private ModelLibrary library;
    private ModelCatalog catalog;

    @Before
    public void makeCatalog() {
        library = new ModelLibrary(new File(folder.getRoot(), "models"));
        catalog = new ModelCatalog(library, () -> new FileInputStream(BUILT_IN));
    }

    private void save(Sequential net, TrainingMetadata meta, String name, long modified) throws Exception {
        library.dir().mkdirs();
        File f = new File(library.dir(), name);
        new ModelSerializer().save(net, meta, f);
        assertTrue(f.setLastModified(modified));
    }

    @Test
    public void describesEveryModelBuiltInFirstThenNewestFirst() throws Exception {
        LabSettings lenet = LabSettings.defaults("lenet", 1000);
        save(LeNetBench.create(1), new TrainingMetadata("MNIST slice", 3, 0.975f, 1, "lab " + lenet.summary(),
                lenet.toMap()), "lenet-1.nlmf", 1_000_000L);
        save(DigitModel.build(2), new TrainingMetadata("MNIST slice + 40 user samples", 2, 0.9f, 1, "fine-tune dense layers",
                null), "personal-2.nlmf", 3_000_000L);
        library.dir().mkdirs();
        Files.write(new File(library.dir(), "broken.nlmf").toPath(), "NLMF but not really".getBytes(StandardCharsets.UTF_8));
        new File(library.dir(), "broken.nlmf").setLastModified(2_000_000L);
        library.setActive("lenet-1.nlmf");

        List<ModelEntry> entries = catalog.entries();
        assertEquals(4, entries.size());
        ModelEntry builtIn = entries.get(0);
        assertEquals(ModelEntry.Kind.BUILT_IN, builtIn.kind());
        assertNull(builtIn.fileName());
        assertEquals(2, builtIn.convLayers());
        assertEquals(2, builtIn.denseLayers());
        assertEquals(0.9937f, builtIn.testAccuracy(), 1e-4f);   // the shipped model's recorded MNIST accuracy
        assertFalse(builtIn.inUse());

        ModelEntry personal = entries.get(1);
        assertEquals("personal-2.nlmf", personal.fileName());
        assertEquals(ModelEntry.Kind.PERSONAL, personal.kind());

        ModelEntry broken = entries.get(2);
        assertEquals("broken.nlmf", broken.fileName());
        assertNotNull(broken.damage());
        assertTrue(broken.damage(), broken.damage().contains("broken.nlmf"));

        ModelEntry lab = entries.get(3);
        assertEquals(ModelEntry.Kind.LAB_RUN, lab.kind());
        assertEquals("lenet", lab.network());
        assertEquals(0.975f, lab.testAccuracy(), 0f);
        assertEquals(1_000_000L, lab.savedAtMillis());
        assertTrue(lab.inUse());
        assertEquals(2, lab.convLayers());
        assertEquals(3, lab.denseLayers());
        assertEquals("lenet-1", lab.exportBaseName());
    }

    @Test
    public void nlmfExportIsTheFileAndTfliteExportIsTheExportersModel() throws Exception {
        Sequential net = LeNetBench.create(3);
        save(net, TrainingMetadata.none(), "lenet-3.nlmf", 5_000L);
        byte[] nlmf = ExportFormat.NLMF.bytes(catalog, "lenet-3.nlmf");
        assertArrayEquals(Files.readAllBytes(new File(library.dir(), "lenet-3.nlmf").toPath()), nlmf);
        assertArrayEquals(Files.readAllBytes(BUILT_IN.toPath()), ExportFormat.NLMF.bytes(catalog, null));

        byte[] tflite = ExportFormat.TFLITE.bytes(catalog, "lenet-3.nlmf");
        assertEquals("TFL3", new String(tflite, 4, 4, StandardCharsets.US_ASCII)); // the FlatBuffer's file identifier
        Sequential loaded = catalog.load("lenet-3.nlmf");
        assertArrayEquals(TfliteExporter.toBytes(loaded, new int[] {1, 28, 28}), tflite);
    }

    @Test
    public void aNetworkTfliteCannotExpressGetsTheReason() throws Exception {
        Random r = new Random(4);
        Sequential leaky = new Sequential().add("flatten", new Flatten()).add("fc1", new Linear(784, 32, new He(), r))
                .add("leaky", new LeakyReLU(0.1f)).add("fc2", new Linear(32, 10, new He(), r));
        leaky.forward(Tensor.zeros(1, 1, 28, 28));
        save(leaky, TrainingMetadata.none(), "leaky.nlmf", 6_000L);
        ExportFormat.CannotExportException e = assertThrows(ExportFormat.CannotExportException.class,
                () -> ExportFormat.TFLITE.bytes(catalog, "leaky.nlmf"));
        assertTrue(e.getMessage(), e.getMessage().contains("leaky"));
        assertEquals("the .nlmf export still works", Files.readAllBytes(new File(library.dir(), "leaky.nlmf").toPath()).length,
                ExportFormat.NLMF.bytes(catalog, "leaky.nlmf").length);
    }
}
