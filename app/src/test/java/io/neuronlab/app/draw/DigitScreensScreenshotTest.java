package io.neuronlab.app.draw;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.app.Activity;
import android.content.pm.PackageManager;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.os.SystemClock;
import android.view.MotionEvent;
import android.view.View;

import androidx.core.content.ContextCompat;
import androidx.test.core.app.ApplicationProvider;

import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import io.neuronlab.app.camera.CameraActivity;
import io.neuronlab.app.samples.SampleStore;
import io.neuronlab.app.samples.SamplesActivity;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.MnistPreprocessor;
import io.neuronlab.mllib.digits.Stroke;
import io.neuronlab.mllib.digits.StrokeRasterizer;

import java.io.File;
import java.io.FileOutputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.After;
import org.junit.Before;
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
import org.robolectric.shadows.ShadowActivity;
import org.robolectric.shadows.ShadowLooper;

/**
 * The digit screens in use, light and dark, rendered with native graphics to
 * target/screenshots/digits_<state>_<theme>.png: a drawn 7 with its answer, the gallery with samples, and the
 * camera screen after the permission was denied.
 */
@RunWith(ParameterizedRobolectricTestRunner.class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(qualifiers = "w360dp-h640dp-xhdpi")
public class DigitScreensScreenshotTest {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 1280;

    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    private final boolean dark;

    public DigitScreensScreenshotTest(String theme, boolean dark) {
        this.dark = dark;
    }

    @Parameters(name = "{0}")
    public static List<Object[]> themes() {
        return Arrays.asList(new Object[] {"light", false}, new Object[] {"dark", true});
    }

    @Before
    public void setUp() {
        if (dark) RuntimeEnvironment.setQualifiers("+night");
    }

    @Test
    public void drawScreenWithADrawnSeven() throws Exception {
        try (ActivityController<DrawActivity> c = Robolectric.buildActivity(DrawActivity.class).setup()) {
            DrawActivity a = c.get();
            ShadowLooper.idleMainLooper();
            layout(a);
            DrawingView canvas = a.findViewById(R.id.draw_canvas);
            drag(canvas, new float[] {0.3f, 0.22f, 0.7f, 0.22f, 0.45f, 0.8f});
            ShadowLooper.idleMainLooper();
            a.findViewById(R.id.draw_network_input).performClick();
            Bitmap shot = save(a, "draw_seven");
            // the winning bar is drawn in the theme's primary colour
            View bars = a.findViewById(R.id.draw_probabilities);
            assertTrue("primary-coloured bar", contains(shot, bars, ContextCompat.getColor(a, R.color.primary)));
        }
    }

    @Test
    public void galleryWithSamples() throws Exception {
        SampleStore store = new SampleStore(ApplicationProvider.getApplicationContext());
        for (int d : new int[] {1, 7, 4}) {
            GrayImage canvas = new StrokeRasterizer(20).rasterize(Collections.singletonList(
                d == 1 ? Stroke.of(100, 20, 100, 260) : d == 7 ? Stroke.of(40, 30, 170, 30, 90, 260)
                    : Stroke.of(120, 20, 30, 170, 180, 170)), 200, 280);
            store.add(new MnistPreprocessor().process(canvas), d, d, () -> { });
        }
        try (ActivityController<SamplesActivity> c = Robolectric.buildActivity(SamplesActivity.class).setup()) {
            ShadowLooper.idleMainLooper();
            save(c.get(), "samples");
            // the gallery shows the three stored samples, newest first, with their labels
            android.widget.GridView grid = c.get().findViewById(R.id.samples_grid);
            assertEquals(3, grid.getAdapter().getCount());
            assertEquals(4, ((io.neuronlab.app.samples.DigitSampleEntity) grid.getAdapter().getItem(0)).label);
            assertEquals(1, ((io.neuronlab.app.samples.DigitSampleEntity) grid.getAdapter().getItem(2)).label);
        }
    }

    @Test
    public void cameraAfterThePermissionWasDenied() throws Exception {
        try (ActivityController<CameraActivity> c = Robolectric.buildActivity(CameraActivity.class).setup()) {
            CameraActivity a = c.get();
            ShadowActivity.PermissionsRequest request = shadowOf(a).getLastRequestedPermission();
            a.onRequestPermissionsResult(request.requestCode, request.requestedPermissions,
                new int[] {PackageManager.PERMISSION_DENIED});
            ShadowLooper.idleMainLooper();
            assertEquals(View.VISIBLE, a.findViewById(R.id.camera_permission_panel).getVisibility());
            save(a, "camera_denied");
        }
    }

    private static void layout(Activity a) {
        View root = a.getWindow().getDecorView();
        root.measure(View.MeasureSpec.makeMeasureSpec(WIDTH, View.MeasureSpec.EXACTLY),
            View.MeasureSpec.makeMeasureSpec(HEIGHT, View.MeasureSpec.EXACTLY));
        root.layout(0, 0, WIDTH, HEIGHT);
    }

    /** Real touch events along the points (fractions of the view), a move every ~12 px. */
    static void drag(View view, float[] s) {
        int w = view.getWidth(), h = view.getHeight();
        long down = SystemClock.uptimeMillis(), t = down;
        view.dispatchTouchEvent(MotionEvent.obtain(down, t, MotionEvent.ACTION_DOWN, s[0] * w, s[1] * h, 0));
        for (int i = 2; i < s.length; i += 2) {
            float px = s[i - 2] * w, py = s[i - 1] * h, qx = s[i] * w, qy = s[i + 1] * h;
            int steps = Math.max(1, Math.round((float) Math.hypot(qx - px, qy - py) / 12));
            for (int k = 1; k <= steps; k++) {
                float f = (float) k / steps;
                view.dispatchTouchEvent(MotionEvent.obtain(down, t += 10, MotionEvent.ACTION_MOVE,
                    px + f * (qx - px), py + f * (qy - py), 0));
            }
        }
        view.dispatchTouchEvent(MotionEvent.obtain(down, t + 10, MotionEvent.ACTION_UP,
            s[s.length - 2] * w, s[s.length - 1] * h, 0));
    }

    private Bitmap save(Activity a, String state) throws Exception {
        layout(a);
        View root = a.getWindow().getDecorView();
        Bitmap bitmap = Bitmap.createBitmap(WIDTH, HEIGHT, Bitmap.Config.ARGB_8888);
        root.draw(new Canvas(bitmap));
        File file = new File(System.getProperty("neuronlab.screenshots.dir", "target/screenshots"),
            "digits_" + state + (dark ? "_dark" : "_light") + ".png");
        assertTrue("cannot create " + file.getParent(), file.getParentFile().isDirectory() || file.getParentFile().mkdirs());
        try (FileOutputStream out = new FileOutputStream(file)) {
            assertTrue(bitmap.compress(Bitmap.CompressFormat.PNG, 100, out));
        }
        assertEquals(WIDTH, ImageIO.read(file).getWidth());
        assertEquals(String.format(Locale.ROOT, "window background of %s", state),
            Integer.toHexString(ContextCompat.getColor(a, R.color.surface)), Integer.toHexString(bitmap.getPixel(4, HEIGHT - 4)));
        return bitmap;
    }

    private static boolean contains(Bitmap shot, View v, int colour) {
        int[] at = new int[2];
        v.getLocationInWindow(at);
        for (int x = at[0]; x < at[0] + v.getWidth(); x += 2) {
            for (int y = at[1]; y < at[1] + v.getHeight(); y += 2) {
                if (x < shot.getWidth() && y < shot.getHeight() && shot.getPixel(x, y) == colour) return true;
            }
        }
        return false;
    }
}
