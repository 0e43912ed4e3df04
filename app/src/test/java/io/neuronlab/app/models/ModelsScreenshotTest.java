package io.neuronlab.app.models;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.app.Activity;
import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.os.Looper;
import android.view.View;
import android.widget.ScrollView;
import androidx.test.core.app.ApplicationProvider;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.LayoutChecks;
import io.neuronlab.app.R;
import io.neuronlab.mllib.digits.DigitModel;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.lab.LabSettings;
import io.neuronlab.mllib.models.LeNetBench;
import java.io.File;
import java.io.FileOutputStream;
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
 * The model list (a lab run in use, a personal and an imported model) and a finished comparison (the built-in model
 * against a real one-epoch MLP), whole scrolling pages, light/dark × English/Chinese, to
 * target/screenshots/models_&lt;language&gt;_&lt;theme&gt;.png and compare_…png; every text fits ({@link LayoutChecks}).
 */
@RunWith(ParameterizedRobolectricTestRunner.class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(qualifiers = "w360dp-h640dp-xhdpi")
public class ModelsScreenshotTest {
    private static final int WIDTH = 720;

    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    private final String language;
    private final boolean dark;

    public ModelsScreenshotTest(String name, String language, boolean dark) {
        this.language = language;
        this.dark = dark;
    }

    @Parameters(name = "{0}")
    public static List<Object[]> variants() {
        return Arrays.asList(new Object[] {"en_light", "en", false}, new Object[] {"en_dark", "en", true},
                new Object[] {"zh_light", "zh", false}, new Object[] {"zh_dark", "zh", true});
    }

    private void qualifiers() {
        RuntimeEnvironment.setQualifiers((language.equals("en") ? "+en" : "+zh-rCN") + (dark ? "-night" : ""));
    }

    @Test
    public void rendersTheModelList() throws Exception {
        qualifiers();
        Context context = ApplicationProvider.getApplicationContext();
        ModelFiles.labRun(context, LeNetBench.create(1), LabSettings.defaults("lenet", 12000), 0.9815f,
                "lenet-1733400000000.nlmf", 1_733_400_000_000L);
        File dir = io.neuronlab.app.draw.DigitNetwork.modelsDir(context);
        new ModelSerializer().save(DigitModel.build(2), new TrainingMetadata("MNIST slice + 40 user samples", 2, 0.9f,
                1, "fine-tune dense layers", null), new File(dir, "personal-1733500000000.nlmf"));
        new File(dir, "personal-1733500000000.nlmf").setLastModified(1_733_500_000_000L);
        new ModelSerializer().save(ModelFiles.leaky(), TrainingMetadata.none(), new File(dir, "leaky.nlmf"));
        new File(dir, "leaky.nlmf").setLastModified(1_733_300_000_000L);
        ModelFiles.library(context).setActive("lenet-1733400000000.nlmf");
        try (ActivityController<ModelsActivity> controller = Robolectric.buildActivity(ModelsActivity.class).setup()) {
            shadowOf(Looper.getMainLooper()).idle();
            assertEquals(4, ((android.view.ViewGroup) controller.get().findViewById(R.id.models_list)).getChildCount());
            save(controller.get(), R.id.models_scroll, "models", 900);
        }
    }

    @Test
    public void rendersAComparison() throws Exception {
        qualifiers();
        Context context = ApplicationProvider.getApplicationContext();
        ModelFiles.trainedMlp(context, "mlp-1733400000000.nlmf", 1_733_400_000_000L);
        try (ActivityController<CompareActivity> controller = Robolectric.buildActivity(CompareActivity.class).setup()) {
            shadowOf(Looper.getMainLooper()).idle();
            controller.get().findViewById(R.id.compare_start).performClick();
            for (int i = 0; i < 10; i++) { // the outcome and then the digits are posted back
                shadowOf(Looper.getMainLooper()).idle();
            }
            assertEquals(View.VISIBLE, controller.get().findViewById(R.id.compare_disagreements).getVisibility());
            save(controller.get(), R.id.compare_scroll, "compare", 1000);
        }
    }

    /** Lays the scroll view's page out at full height, checks it, and writes it as PNG. */
    private void save(Activity activity, int scrollId, String screen, int minHeight) throws Exception {
        View page = ((ScrollView) activity.findViewById(scrollId)).getChildAt(0);
        page.measure(View.MeasureSpec.makeMeasureSpec(WIDTH, View.MeasureSpec.EXACTLY),
                View.MeasureSpec.makeMeasureSpec(0, View.MeasureSpec.UNSPECIFIED));
        int height = page.getMeasuredHeight();
        page.layout(0, 0, WIDTH, height);
        Bitmap bitmap = Bitmap.createBitmap(WIDTH, height, Bitmap.Config.ARGB_8888);
        bitmap.eraseColor(dark ? 0xFF131318 : 0xFFFBF8FF);
        page.draw(new Canvas(bitmap));
        assertTrue("page height " + height, height > minHeight);
        File file = new File(System.getProperty("neuronlab.screenshots.dir", "target/screenshots"),
                screen + "_" + language + (dark ? "_dark" : "_light") + ".png");
        assertTrue(file.getParentFile().isDirectory() || file.getParentFile().mkdirs());
        try (FileOutputStream out = new FileOutputStream(file)) {
            assertTrue(bitmap.compress(Bitmap.CompressFormat.PNG, 100, out));
        }
        assertEquals("what does not fit on " + file.getName(), Collections.emptyList(), LayoutChecks.problems(page));
    }
}
