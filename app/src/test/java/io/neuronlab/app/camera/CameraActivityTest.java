package io.neuronlab.app.camera;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withText;
import static org.robolectric.Shadows.shadowOf;

import android.content.Context;
import android.hardware.camera2.CameraCharacteristics;
import android.hardware.camera2.CameraManager;
import androidx.test.core.app.ActivityScenario;
import androidx.test.core.app.ApplicationProvider;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.R;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.shadows.ShadowCameraCharacteristics;

/** camera2 as Robolectric's CameraManager reports it. */
@RunWith(AndroidJUnit4.class)
public class CameraActivityTest {
    private static void addCamera(String id, int lensFacing) {
        CameraManager manager = (CameraManager) ApplicationProvider.getApplicationContext()
                .getSystemService(Context.CAMERA_SERVICE);
        CameraCharacteristics characteristics = ShadowCameraCharacteristics.newCameraCharacteristics();
        shadowOf(characteristics).set(CameraCharacteristics.LENS_FACING, lensFacing);
        shadowOf(manager).addCamera(id, characteristics);
    }

    @Test
    public void listsTheCamerasCamera2Reports() {
        addCamera("0", CameraCharacteristics.LENS_FACING_BACK);
        addCamera("1", CameraCharacteristics.LENS_FACING_FRONT);
        try (ActivityScenario<CameraActivity> scenario = ActivityScenario.launch(CameraActivity.class)) {
            onView(withId(R.id.camera_status)).check(matches(withText("2 cameras found: back, front")));
        }
    }

    @Test
    public void saysSoWhenThereIsNoCamera() {
        try (ActivityScenario<CameraActivity> scenario = ActivityScenario.launch(CameraActivity.class)) {
            onView(withId(R.id.camera_status)).check(matches(withText(R.string.camera_none)));
        }
    }
}
