package io.neuronlab.app;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import android.app.Activity;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.view.View;
import io.neuronlab.app.data.TrainingRun;
import io.neuronlab.app.home.Feature;
import io.neuronlab.app.home.HomeActivity;
import java.io.File;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
 * Renders every screen of a 360×640 dp phone, in the light and the dark theme and in English and Simplified
 * Chinese, to target/screenshots/<screen>_<theme>[_zh].png with Robolectric's native graphics (real Skia), so the UI
 * can be reviewed without a phone — and checks what a reviewer would: the theme's background, every text fitting
 * its view ({@link LayoutChecks}), and on Draw and Camera the answer's probability bars above the fold.
 */
@RunWith(ParameterizedRobolectricTestRunner.class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(qualifiers = "w360dp-h640dp-xhdpi")
public class ScreenshotTest {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 1280;
    /** The window background (colour "surface") of each theme, from res/values{,-night}/colors.xml. */
    private static final int LIGHT_SURFACE = 0xFFFBF8FF;
    private static final int DARK_SURFACE = 0xFF131318;

    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    private final Class<? extends Activity> screen;
    private final boolean dark;
    private final boolean chinese;

    public ScreenshotTest(String name, Class<? extends Activity> screen, boolean dark, boolean chinese) {
        this.screen = screen;
        this.dark = dark;
        this.chinese = chinese;
    }

    @Parameters(name = "{0}")
    public static List<Object[]> screens() {
        List<Class<? extends Activity>> screens = new ArrayList<>();
        screens.add(HomeActivity.class);
        for (Feature feature : Feature.values()) {
            screens.add(feature.activity);
        }
        // screens opened from a feature rather than from home
        screens.add(io.neuronlab.app.samples.SamplesActivity.class);
        screens.add(io.neuronlab.app.models.ModelsActivity.class);
        screens.add(io.neuronlab.app.models.CompareActivity.class);
        List<Object[]> parameters = new ArrayList<>();
        for (Class<? extends Activity> screen : screens) {
            String name = screen.getSimpleName().replace("Activity", "").toLowerCase(Locale.ROOT);
            for (boolean chinese : new boolean[] {false, true}) {
                String language = chinese ? "_zh" : "";
                parameters.add(new Object[] {name + "_light" + language, screen, false, chinese});
                parameters.add(new Object[] {name + "_dark" + language, screen, true, chinese});
            }
        }
        return parameters;
    }

    @Test
    public void rendersInItsTheme() throws Exception {
        if (dark) {
            RuntimeEnvironment.setQualifiers("+night");
        }
        if (chinese) {
            RuntimeEnvironment.setQualifiers("+zh-rCN");
        }
        database.get().trainingRuns().insert(TrainingRun.of("TwoLayerNet", 1_000, 17, 0.05f, 0.9731f, 84_250));
        database.get().trainingRuns().insert(TrainingRun.of("SimpleConvNet", 2_000, 20, 0.01f, 0.9912f, 612_000));
        try (ActivityController<? extends Activity> controller = Robolectric.buildActivity(screen).setup()) {
            View root = controller.get().getWindow().getDecorView();
            Bitmap bitmap = render(root);
            // the bottom-left corner is window background: proves which theme was applied
            assertEquals(String.format("background of %s", screen.getSimpleName()),
                    Integer.toHexString(dark ? DARK_SURFACE : LIGHT_SURFACE), Integer.toHexString(bitmap.getPixel(4, HEIGHT - 4)));

            File file = new File(System.getProperty("neuronlab.screenshots.dir", "target/screenshots"),
                    screen.getSimpleName().replace("Activity", "").toLowerCase(Locale.ROOT)
                            + (dark ? "_dark" : "_light") + (chinese ? "_zh" : "") + ".png");
            assertTrue("cannot create " + file.getParent(), file.getParentFile().isDirectory() || file.getParentFile().mkdirs());
            try (FileOutputStream out = new FileOutputStream(file)) {
                assertTrue(bitmap.compress(Bitmap.CompressFormat.PNG, 100, out));
            }
            assertEquals("what does not fit on " + file.getName(), Collections.emptyList(), LayoutChecks.problems(root));
            // Draw and Camera: the answer (its ten bars) is visible on a small phone without scrolling
            int bars = screen == io.neuronlab.app.draw.DrawActivity.class ? R.id.draw_probabilities
                    : screen == io.neuronlab.app.camera.CameraActivity.class ? R.id.camera_probabilities : 0;
            if (bars != 0) {
                assertTrue("the probability bars are above the fold on " + file.getName(),
                        LayoutChecks.aboveTheFold(root.findViewById(bars), HEIGHT));
            }
        }
    }

    private static Bitmap render(View root) {
        root.measure(View.MeasureSpec.makeMeasureSpec(WIDTH, View.MeasureSpec.EXACTLY),
                View.MeasureSpec.makeMeasureSpec(HEIGHT, View.MeasureSpec.EXACTLY));
        root.layout(0, 0, WIDTH, HEIGHT);
        Bitmap bitmap = Bitmap.createBitmap(WIDTH, HEIGHT, Bitmap.Config.ARGB_8888);
        root.draw(new Canvas(bitmap));
        return bitmap;
    }
}
