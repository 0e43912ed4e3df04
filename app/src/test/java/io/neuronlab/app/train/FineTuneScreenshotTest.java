package io.neuronlab.app.train;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.os.Looper;
import android.view.View;
import android.view.ViewGroup;
import android.widget.TextView;
import androidx.test.core.app.ApplicationProvider;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.LayoutChecks;
import io.neuronlab.app.R;
import io.neuronlab.app.samples.SampleStore;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.LabelledDigit;
import java.io.File;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
 * The fine-tuning screen with 40 stored samples (real digits from the bundled slice), before and after a real
 * fine-tuning, the whole page, light/dark × English/Chinese, to
 * target/screenshots/finetune_{before,after}_<language>_<theme>.png; every text fits ({@link LayoutChecks}).
 */
@RunWith(ParameterizedRobolectricTestRunner.class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(qualifiers = "w360dp-h640dp-xhdpi")
public class FineTuneScreenshotTest {
    private static final int WIDTH = 720;

    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    private final String language;
    private final boolean dark;

    public FineTuneScreenshotTest(String name, String language, boolean dark) {
        this.language = language;
        this.dark = dark;
    }

    @Parameters(name = "{0}")
    public static List<Object[]> variants() {
        return Arrays.asList(new Object[] {"en_light", "en", false}, new Object[] {"en_dark", "en", true},
                new Object[] {"zh_light", "zh-rCN", false}, new Object[] {"zh_dark", "zh-rCN", true});
    }

    private static void storeSamples(int perDigit) throws Exception {
        Context context = ApplicationProvider.getApplicationContext();
        Dataset test = LabData.slice(context).test();
        int[] taken = new int[10];
        List<LabelledDigit> digits = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            int d = test.label(i);
            if (taken[d]++ < perDigit) {
                digits.add(new LabelledDigit(new GrayImage(28, 28, test.example(i).data()), d, 1000L + i));
            }
        }
        new SampleStore(context).addAll(digits, () -> { });
    }

    @Test
    public void rendersBeforeAndAfterFineTuning() throws Exception {
        RuntimeEnvironment.setQualifiers((language.equals("en") ? "+en" : "+zh-rCN") + (dark ? "-night" : ""));
        storeSamples(4);
        try (ActivityController<FineTuneActivity> controller = Robolectric.buildActivity(FineTuneActivity.class)
                .setup()) {
            FineTuneActivity activity = controller.get();
            shadowOf(Looper.getMainLooper()).idle();
            assertTrue("ready to fine-tune", activity.findViewById(R.id.tune_start).isEnabled());
            save(activity, "before");

            activity.findViewById(R.id.tune_start).performClick(); // the app's background work runs inline here
            shadowOf(Looper.getMainLooper()).idle();
            TextView result = activity.findViewById(R.id.tune_result);
            assertEquals("the before/after figures are shown", View.VISIBLE, result.getVisibility());
            assertTrue(activity.findViewById(R.id.tune_restore).isEnabled());
            save(activity, "after");
        }
    }

    private void save(FineTuneActivity activity, String stage) throws Exception {
        View page = ((ViewGroup) ((ViewGroup) activity.findViewById(android.R.id.content)).getChildAt(0)).getChildAt(0);
        page.measure(View.MeasureSpec.makeMeasureSpec(WIDTH, View.MeasureSpec.EXACTLY),
                View.MeasureSpec.makeMeasureSpec(0, View.MeasureSpec.UNSPECIFIED));
        int height = page.getMeasuredHeight();
        page.layout(0, 0, WIDTH, height);
        Bitmap bitmap = Bitmap.createBitmap(WIDTH, height, Bitmap.Config.ARGB_8888);
        bitmap.eraseColor(dark ? 0xFF131318 : 0xFFFBF8FF);
        page.draw(new Canvas(bitmap));
        File file = new File(System.getProperty("neuronlab.screenshots.dir", "target/screenshots"),
                "finetune_" + stage + "_" + (language.equals("en") ? "en" : "zh") + (dark ? "_dark" : "_light") + ".png");
        assertTrue(file.getParentFile().isDirectory() || file.getParentFile().mkdirs());
        try (FileOutputStream out = new FileOutputStream(file)) {
            assertTrue(bitmap.compress(Bitmap.CompressFormat.PNG, 100, out));
        }
        assertEquals("what does not fit on " + file.getName(), Collections.emptyList(), LayoutChecks.problems(page));
    }
}
