package io.neuronlab.app.models;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.R;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.models.LeNetBench;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.robolectric.shadows.ShadowLooper;

/**
 * The save path's edges, which the save dialog cannot easily produce: a write that fails half-way removes the
 * document and says so; a cancelled dialog writes nothing; a later answer does not write an old export.
 */
@RunWith(AndroidJUnit4.class)
public class ModelsViewModelTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private ModelsViewModel model;
    private ModelCatalog catalog;
    private ModelEntry lenet;
    private byte[] lenetBytes;

    @Before
    public void makeModel() throws Exception {
        ModelLibrary library = new ModelLibrary(folder.newFolder("models"));
        File f = new File(library.dir(), "lenet-1.nlmf");
        new ModelSerializer().save(LeNetBench.create(1), TrainingMetadata.none(), f);
        lenetBytes = Files.readAllBytes(f.toPath());
        catalog = new ModelCatalog(library, () -> new FileInputStream(ModelCatalogTest.BUILT_IN));
        model = new ModelsViewModel(catalog, Runnable::run, folder.newFolder("exports"));
        ShadowLooper.idleMainLooper();
        lenet = model.entries().getValue().get(1);
        assertEquals("lenet-1.nlmf", lenet.fileName());
    }

    /** Prepares a save of {@code lenet} as .nlmf and hands it to the (imagined) save dialog. */
    private void prepareSave() {
        model.prepareExport(lenet, ExportFormat.NLMF, false);
        ShadowLooper.idleMainLooper();
        ModelsViewModel.Export e = model.export().getValue();
        assertNotNull(e);
        assertFalse(e.share());
        assertEquals("lenet-1.nlmf", e.fileName());
        model.exportHandled();
        assertNull(model.export().getValue());
    }

    @Test
    public void aWriteThatFailsRemovesTheDocumentAndSaysSo() {
        prepareSave();
        AtomicBoolean discarded = new AtomicBoolean();
        model.saveTo(new ModelsViewModel.Target() {
            @Override
            public OutputStream open() {
                return new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        throw new IOException("No space left on device");
                    }
                };
            }

            @Override
            public void discard() {
                discarded.set(true);
            }
        });
        ShadowLooper.idleMainLooper();
        assertTrue("the half-written document is removed", discarded.get());
        ModelsViewModel.Message m = model.message().getValue();
        assertEquals(R.string.models_export_failed, m.textId());
        assertEquals("No space left on device", m.args()[0]);
    }

    @Test
    public void aCancelledDialogWritesNothingAndALaterAnswerIsIgnored() {
        prepareSave();
        model.saveCancelled();
        AtomicBoolean opened = new AtomicBoolean();
        model.saveTo(new ModelsViewModel.Target() {
            @Override
            public OutputStream open() {
                opened.set(true);
                return new ByteArrayOutputStream();
            }

            @Override
            public void discard() {
            }
        });
        assertFalse(opened.get());
    }

    @Test
    public void aSuccessfulSaveWritesTheFileExactly() {
        prepareSave();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        model.saveTo(new ModelsViewModel.Target() {
            @Override
            public OutputStream open() {
                return written;
            }

            @Override
            public void discard() {
                throw new AssertionError("nothing to discard");
            }
        });
        ShadowLooper.idleMainLooper();
        assertArrayEquals(lenetBytes, written.toByteArray());
        assertEquals(R.string.models_saved, model.message().getValue().textId());
    }

    /**
     * Shared exports stay a day (the receiving app may read them late) and go on the next export or the next
     * visit of the list after that; the file just shared is whole and is never the one removed.
     */
    @Test
    public void sharedExportsAreKeptADayThenRemoved() throws Exception {
        File dir = folder.newFolder("share");
        AtomicLong now = new AtomicLong(System.currentTimeMillis());
        File stale = new File(dir, "old-1.nlmf");
        File recent = new File(dir, "recent-2.tflite");
        Files.write(stale.toPath(), new byte[] {1, 2, 3});
        Files.write(recent.toPath(), new byte[] {4, 5});
        assertTrue(stale.setLastModified(now.get() - 2 * SharedExports.KEEP_MILLIS));
        assertTrue(recent.setLastModified(now.get() - 60 * 60 * 1000L));

        ModelsViewModel sharing = new ModelsViewModel(catalog, Runnable::run, new SharedExports(dir, now::get));
        ShadowLooper.idleMainLooper();
        assertFalse("a day-old export is removed when the list opens", stale.exists());
        assertTrue("an hour-old export may still be read by the app it went to", recent.exists());

        ModelEntry entry = sharing.entries().getValue().get(1);
        sharing.prepareExport(entry, ExportFormat.NLMF, true);
        ShadowLooper.idleMainLooper();
        ModelsViewModel.Export shared = sharing.export().getValue();
        assertTrue(shared.share());
        assertEquals(new File(dir, "lenet-1.nlmf"), shared.file());
        assertArrayEquals(lenetBytes, Files.readAllBytes(shared.file().toPath()));
        assertTrue(recent.exists());
        sharing.exportHandled();

        now.addAndGet(SharedExports.KEEP_MILLIS + 60 * 60 * 1000L); // a day and an hour later
        sharing.prepareExport(entry, ExportFormat.TFLITE, true);
        ShadowLooper.idleMainLooper();
        File tflite = sharing.export().getValue().file();
        assertEquals(new File(dir, "lenet-1.tflite"), tflite);
        assertArrayEquals(ExportFormat.TFLITE.bytes(catalog, "lenet-1.nlmf"), Files.readAllBytes(tflite.toPath()));
        assertFalse("yesterday's export is gone", shared.file().exists());
        assertFalse(recent.exists());
        assertArrayEquals(new String[] {"lenet-1.tflite"}, dir.list());
    }
}
