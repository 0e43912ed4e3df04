package io.neuronlab.app.train;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.os.Looper;
import android.view.View;
import android.widget.EditText;
import android.widget.ScrollView;
import androidx.test.core.app.ApplicationProvider;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import io.neuronlab.mllib.lab.LabProgress;
import java.io.File;
import java.io.FileOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.ParameterizedRobolectricTestRunner;
import org.robolectric.ParameterizedRobolectricTestRunner.Parameters;
import org.robolectric.Robolectric;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.annotation.Config;
import org.robolectric.annotation.GraphicsMode;

/**
 * The lab after a short real run (300 images, 2 epochs), the whole scrolling page, light/dark × English/Chinese,
 * to target/screenshots/lab_<language>_<theme>.png.
 */
@RunWith(ParameterizedRobolectricTestRunner.class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(qualifiers = "w360dp-h640dp-xhdpi")
public class LabScreenshotTest {
    private static final int WIDTH = 720;

    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    private final String language;
    private final boolean dark;

    public LabScreenshotTest(String name, String language, boolean dark) {
        this.language = language;
        this.dark = dark;
    }

    @Parameters(name = "{0}")
    public static List<Object[]> variants() {
        return Arrays.asList(new Object[] {"en_light", "en", false}, new Object[] {"en_dark", "en", true},
                new Object[] {"zh_light", "zh-rCN", false}, new Object[] {"zh_dark", "zh-rCN", true});
    }

    @Test
    public void rendersARunWithItsChartsAndResults() throws Exception {
        RuntimeEnvironment.setQualifiers((language.equals("en") ? "+en" : "+zh-rCN") + (dark ? "-night" : ""));
        LabRunner runner = LabRunner.replaceForTests(ApplicationProvider.getApplicationContext());
        try (ActivityController<TrainActivity> controller = Robolectric.buildActivity(TrainActivity.class).setup()) {
            TrainActivity activity = controller.get();
            ((EditText) activity.findViewById(R.id.lab_images)).setText("300");
            ((EditText) activity.findViewById(R.id.lab_epochs)).setText("2");
            ((EditText) activity.findViewById(R.id.lab_batch)).setText("20");
            activity.findViewById(R.id.lab_start).performClick();
            MainLooperWait.waitForProgress(runner, LabProgress::isDone);
            // the mistakes' images are read on the background executor (inline in tests), then posted
            for (int i = 0; i < 20; i++) {
                shadowOf(Looper.getMainLooper()).idle();
                Thread.sleep(5);
            }
            assertEquals(LabProgress.Status.FINISHED, runner.progress().getValue().status);

            View page = ((ScrollView) activity.findViewById(R.id.train_scroll)).getChildAt(0);
            page.measure(View.MeasureSpec.makeMeasureSpec(WIDTH, View.MeasureSpec.EXACTLY),
                    View.MeasureSpec.makeMeasureSpec(0, View.MeasureSpec.UNSPECIFIED));
            int height = page.getMeasuredHeight();
            page.layout(0, 0, WIDTH, height);
            Bitmap bitmap = Bitmap.createBitmap(WIDTH, height, Bitmap.Config.ARGB_8888);
            bitmap.eraseColor(dark ? 0xFF131318 : 0xFFFBF8FF);
            page.draw(new Canvas(bitmap));
            assertTrue("page height " + height, height > 1600);
            File file = new File(System.getProperty("neuronlab.screenshots.dir", "target/screenshots"),
                    "lab_" + (language.equals("en") ? "en" : "zh") + (dark ? "_dark" : "_light") + ".png");
            assertTrue(file.getParentFile().isDirectory() || file.getParentFile().mkdirs());
            try (FileOutputStream out = new FileOutputStream(file)) {
                assertTrue(bitmap.compress(Bitmap.CompressFormat.PNG, 100, out));
            }
        }
    }

    /** The setup form with "my handwriting" chosen and its split line, to target/screenshots/lab_form_*.png. */
    @Test
    public void rendersTheFormWithMyHandwritingChosen() throws Exception {
        RuntimeEnvironment.setQualifiers((language.equals("en") ? "+en" : "+zh-rCN") + (dark ? "-night" : ""));
        LabRunner.replaceForTests(ApplicationProvider.getApplicationContext());
        StoredSamples.store(database, 4, -1, 0);
        try (ActivityController<TrainActivity> controller = Robolectric.buildActivity(TrainActivity.class).setup()) {
            TrainActivity activity = controller.get();
            ((android.widget.Spinner) activity.findViewById(R.id.lab_data))
                    .setSelection(io.neuronlab.mllib.lab.LabSettings.Data.MY_SAMPLES.ordinal());
            shadowOf(Looper.getMainLooper()).idle();
            assertEquals(View.VISIBLE, activity.findViewById(R.id.lab_data_info).getVisibility());
            View page = ((ScrollView) activity.findViewById(R.id.train_scroll)).getChildAt(0);
            page.measure(View.MeasureSpec.makeMeasureSpec(WIDTH, View.MeasureSpec.EXACTLY),
                    View.MeasureSpec.makeMeasureSpec(0, View.MeasureSpec.UNSPECIFIED));
            int height = Math.min(page.getMeasuredHeight(), 1400); // the form, down to the status line
            page.layout(0, 0, WIDTH, page.getMeasuredHeight());
            Bitmap bitmap = Bitmap.createBitmap(WIDTH, height, Bitmap.Config.ARGB_8888);
            bitmap.eraseColor(dark ? 0xFF131318 : 0xFFFBF8FF);
            page.draw(new Canvas(bitmap));
            File file = new File(System.getProperty("neuronlab.screenshots.dir", "target/screenshots"),
                    "lab_form_" + (language.equals("en") ? "en" : "zh") + (dark ? "_dark" : "_light") + ".png");
            assertTrue(file.getParentFile().isDirectory() || file.getParentFile().mkdirs());
            try (FileOutputStream out = new FileOutputStream(file)) {
                assertTrue(bitmap.compress(Bitmap.CompressFormat.PNG, 100, out));
            }
        }
    }
}
