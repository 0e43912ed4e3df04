package io.neuronlab.app.samples;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import android.content.DialogInterface;
import android.net.Uri;
import android.widget.GridView;
import androidx.appcompat.app.AlertDialog;
import androidx.test.core.app.ActivityScenario;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import io.neuronlab.app.ViewModels;
import io.neuronlab.mllib.digits.DigitSampleFile;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.LabelledDigit;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.robolectric.shadows.ShadowDialog;
import org.robolectric.shadows.ShadowLooper;
import org.robolectric.shadows.ShadowToast;

/** The gallery of the user's samples: delete with a long press, export to a file, import it back, refuse a damaged one. */
@RunWith(AndroidJUnit4.class)
public class SamplesActivityTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();
    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    @Before
    public void threeSamples() {
        for (int label : new int[] {3, 5, 8}) {
            float[] pixels = new float[784];
            for (int i = 0; i < pixels.length; i++) pixels[i] = ((i * 7 + label) % 11) / 10f;
            DigitSampleEntity e = SampleStore.toEntity(new LabelledDigit(new GrayImage(28, 28, pixels), label, 1000L + label));
            e.predicted = label;
            database.samples().samples().insert(e);
        }
    }

    private static int shown(SamplesActivity a) {
        return ((GridView) a.findViewById(R.id.samples_grid)).getAdapter().getCount();
    }

    @Test
    public void longPressDeletesAfterConfirming() {
        try (ActivityScenario<SamplesActivity> s = ActivityScenario.launch(SamplesActivity.class)) {
            ShadowLooper.idleMainLooper();
            s.onActivity(a -> {
                assertEquals(3, shown(a));
                GridView grid = a.findViewById(R.id.samples_grid);
                int label = ((DigitSampleEntity) grid.getAdapter().getItem(0)).label;
                grid.getOnItemLongClickListener().onItemLongClick(grid, grid.getChildAt(0), 0, grid.getAdapter().getItemId(0));
                AlertDialog dialog = (AlertDialog) ShadowDialog.getLatestDialog();
                assertNotNull(dialog);
                dialog.getButton(DialogInterface.BUTTON_POSITIVE).performClick();
                ShadowLooper.idleMainLooper();
                assertEquals(2, shown(a));
                for (DigitSampleEntity e : database.samples().samples().all()) {
                    assertTrue("the deleted sample is gone", e.label != label);
                }
            });
        }
    }

    @Test
    public void exportThenImportRoundTripsAndADamagedFileChangesNothing() throws Exception {
        File exported = new File(tmp.getRoot(), "mine.nlds");
        try (ActivityScenario<SamplesActivity> s = ActivityScenario.launch(SamplesActivity.class)) {
            ShadowLooper.idleMainLooper();
            s.onActivity(a -> {
                SamplesViewModel state = ViewModels.get(a, SamplesViewModel.class, () -> new SamplesViewModel(a));
                state.exportTo(Uri.fromFile(exported));
                ShadowLooper.idleMainLooper();
                assertEquals("Exported 3 samples", ShadowToast.getTextOfLatestToast());
            });
            // the file holds exactly the stored samples, oldest first
            List<LabelledDigit> inFile;
            try (FileInputStream in = new FileInputStream(exported)) {
                inFile = DigitSampleFile.read(in, exported.getName());
            }
            assertEquals(3, inFile.size());
            assertEquals(3, inFile.get(0).label());
            assertEquals(8, inFile.get(2).label());
            assertArrayEquals(SampleStore.toDigit(database.samples().samples().all().get(2)).image().pixels(),
                inFile.get(0).image().pixels(), 0f);

            File damaged = new File(tmp.getRoot(), "damaged.nlds");
            byte[] bytes = Files.readAllBytes(exported.toPath());
            bytes[bytes.length / 2] ^= 0x5a;
            try (FileOutputStream out = new FileOutputStream(damaged)) {
                out.write(bytes);
            }
            s.onActivity(a -> {
                SamplesViewModel state = ViewModels.get(a, SamplesViewModel.class, () -> new SamplesViewModel(a));
                state.importFrom(Uri.fromFile(damaged));
                ShadowLooper.idleMainLooper();
                assertTrue(ShadowToast.getTextOfLatestToast(), ShadowToast.getTextOfLatestToast().startsWith("Import failed: "));
                assertEquals("a damaged file adds nothing", 3, shown(a));

                state.importFrom(Uri.fromFile(exported));
                ShadowLooper.idleMainLooper();
                assertEquals("Imported 3 samples", ShadowToast.getTextOfLatestToast());
                assertEquals(6, shown(a));
            });
        }
        assertEquals(6, database.samples().samples().all().size());
    }
}
