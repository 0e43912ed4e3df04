package io.neuronlab.app.camera;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Activity;
import android.app.Application;
import android.content.Intent;
import android.graphics.Bitmap;
import android.graphics.BitmapFactory;
import android.graphics.Canvas;
import android.graphics.Color;
import android.graphics.Paint;
import android.graphics.Path;
import android.net.Uri;
import android.widget.TextView;

import androidx.test.core.app.ActivityScenario;
import androidx.test.core.app.ApplicationProvider;
import androidx.test.ext.junit.runners.AndroidJUnit4;

import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import io.neuronlab.app.draw.MnistInputView;
import io.neuronlab.app.draw.ProbabilityBarsView;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.annotation.GraphicsMode;
import org.robolectric.shadows.ShadowActivity;
import org.robolectric.shadows.ShadowLooper;

/**
 * A photo picked from the gallery goes through the real decoder (native graphics), binariser and shipped
 * network; the result survives the Activity being recreated. The camera permission is denied: the gallery
 * must work without it.
 */
@RunWith(AndroidJUnit4.class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
public class CameraGalleryTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    private final Application app = ApplicationProvider.getApplicationContext();

    @Before
    public void denyTheCamera() {
        shadowOf(app).denyPermissions(Manifest.permission.CAMERA);
    }

    /** A photo of a thick dark 7 on light, slightly uneven paper, as PNG bytes. */
    static byte[] photoOfASeven() {
        Bitmap photo = Bitmap.createBitmap(480, 480, Bitmap.Config.ARGB_8888);
        Canvas canvas = new Canvas(photo);
        canvas.drawColor(Color.rgb(236, 233, 225));
        Paint shade = new Paint();
        shade.setColor(Color.argb(40, 0, 0, 0));
        canvas.drawRect(0, 0, 140, 480, shade);   // a shadow on the left
        Paint ink = new Paint(Paint.ANTI_ALIAS_FLAG);
        ink.setColor(Color.rgb(30, 30, 40));
        ink.setStyle(Paint.Style.STROKE);
        ink.setStrokeWidth(22);
        ink.setStrokeCap(Paint.Cap.ROUND);
        ink.setStrokeJoin(Paint.Join.ROUND);
        Path seven = new Path();
        seven.moveTo(170, 150);
        seven.lineTo(310, 150);
        seven.lineTo(220, 340);
        canvas.drawPath(seven, ink);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        assertTrue(photo.compress(Bitmap.CompressFormat.PNG, 100, png));
        return png.toByteArray();
    }

    @Test
    public void aGalleryPhotoOfASevenIsReadAndSurvivesRecreation() {
        Uri uri = Uri.parse("content://io.neuronlab.test/seven.png");
        byte[] png = photoOfASeven();
        shadowOf(app.getContentResolver()).registerInputStreamSupplier(uri, () -> new ByteArrayInputStream(png));
        try (ActivityScenario<CameraActivity> s = ActivityScenario.launch(CameraActivity.class)) {
            ShadowLooper.idleMainLooper();
            pick(s, uri);
            String expected = app.getString(R.string.camera_read, "7");
            float[][] probabilities = new float[1][];
            Activity[] first = new Activity[1];
            s.onActivity(a -> {
                first[0] = a;
                assertEquals(expected, ((TextView) a.findViewById(R.id.camera_result)).getText().toString());
                probabilities[0] = ((ProbabilityBarsView) a.findViewById(R.id.camera_probabilities)).probabilities();
                assertNotNull(probabilities[0]);
                assertEquals(7, argmax(probabilities[0]));
                assertTrue("the 28x28 input is shown", ((MnistInputView) a.findViewById(R.id.camera_network_input)).hasInput());
            });

            s.recreate();
            ShadowLooper.idleMainLooper();
            s.onActivity(a -> {
                assertNotSame(first[0], a);
                assertEquals(expected, ((TextView) a.findViewById(R.id.camera_result)).getText().toString());
                assertArrayEquals(probabilities[0],
                    ((ProbabilityBarsView) a.findViewById(R.id.camera_probabilities)).probabilities(), 0f);
            });
        }
    }

    @Test
    public void aFileThatIsNotAnImageSaysSo() {
        Uri uri = Uri.parse("content://io.neuronlab.test/notes.txt");
        byte[] text = "not a picture".getBytes(StandardCharsets.UTF_8);
        shadowOf(app.getContentResolver()).registerInputStreamSupplier(uri, () -> new ByteArrayInputStream(text));
        try (ActivityScenario<CameraActivity> s = ActivityScenario.launch(CameraActivity.class)) {
            ShadowLooper.idleMainLooper();
            pick(s, uri);
            s.onActivity(a -> {
                assertEquals(a.getString(R.string.camera_not_an_image),
                    ((TextView) a.findViewById(R.id.camera_result)).getText().toString());
                assertEquals(null, ((ProbabilityBarsView) a.findViewById(R.id.camera_probabilities)).probabilities());
                assertFalse(((MnistInputView) a.findViewById(R.id.camera_network_input)).hasInput());
            });
        }
    }

    @Test
    public void aBlankPageHasNoDigits() {
        Bitmap blank = Bitmap.createBitmap(300, 300, Bitmap.Config.ARGB_8888);
        blank.eraseColor(Color.rgb(240, 240, 235));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        assertTrue(blank.compress(Bitmap.CompressFormat.PNG, 100, png));
        Uri uri = Uri.parse("content://io.neuronlab.test/blank.png");
        shadowOf(app.getContentResolver()).registerInputStreamSupplier(uri, () -> new ByteArrayInputStream(png.toByteArray()));
        try (ActivityScenario<CameraActivity> s = ActivityScenario.launch(CameraActivity.class)) {
            ShadowLooper.idleMainLooper();
            pick(s, uri);
            s.onActivity(a -> assertEquals(a.getString(R.string.camera_nothing_found),
                ((TextView) a.findViewById(R.id.camera_result)).getText().toString()));
        }
    }

    @Test
    public void aNewerPhotoWinsOverAnOlderOneStillBeingRead() {
        List<Runnable> queued = new ArrayList<>();
        CameraViewModel model = new CameraViewModel(app, queued::add);
        byte[] png = photoOfASeven();
        Bitmap seven = BitmapFactory.decodeByteArray(png, 0, png.length);
        Bitmap blank = Bitmap.createBitmap(300, 300, Bitmap.Config.ARGB_8888);
        blank.eraseColor(Color.WHITE);
        model.recognise(seven);
        model.recognise(blank);
        assertEquals(R.string.camera_working, model.result().getValue().messageId());
        // the newer (blank) photo finishes first, the older seven after it: the screen keeps the blank's answer
        queued.get(1).run();
        queued.get(0).run();
        ShadowLooper.idleMainLooper();
        assertEquals(R.string.camera_nothing_found, model.result().getValue().messageId());

        // a message from the screen (no camera frame) also replaces a photo still being read
        model.recognise(seven);
        model.say(R.string.camera_no_frame, null);
        queued.get(2).run();
        ShadowLooper.idleMainLooper();
        assertEquals(R.string.camera_no_frame, model.result().getValue().messageId());
    }

    /** Taps "From gallery" and answers the system photo picker with {@code uri}. */
    private static void pick(ActivityScenario<CameraActivity> s, Uri uri) {
        s.onActivity(a -> {
            a.findViewById(R.id.camera_gallery).performClick();
            ShadowActivity shadow = shadowOf(a);
            Intent picker;
            // the permission request comes first; the picker is the next activity started for a result
            do {
                ShadowActivity.IntentForResult next = shadow.getNextStartedActivityForResult();
                assertNotNull("the photo picker was opened", next);
                picker = next.intent;
            } while (picker.getAction() != null && picker.getAction().contains("REQUEST_PERMISSIONS"));
            shadow.receiveResult(picker, Activity.RESULT_OK, new Intent().setData(uri));
        });
        ShadowLooper.idleMainLooper();
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
