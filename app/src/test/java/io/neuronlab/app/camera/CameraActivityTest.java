package io.neuronlab.app.camera;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Application;
import android.content.Intent;
import android.content.pm.PackageManager;
import android.provider.Settings;
import android.view.View;

import androidx.test.core.app.ActivityScenario;
import androidx.test.core.app.ApplicationProvider;
import androidx.test.ext.junit.runners.AndroidJUnit4;

import io.neuronlab.app.R;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.shadows.ShadowActivity;
import org.robolectric.shadows.ShadowLooper;

@RunWith(AndroidJUnit4.class)
public class CameraActivityTest {
    @Test
    public void deniedPermissionExplainsAndLeadsToSettings() {
        shadowOf((Application) ApplicationProvider.getApplicationContext()).denyPermissions(Manifest.permission.CAMERA);
        try (ActivityScenario<CameraActivity> s = ActivityScenario.launch(CameraActivity.class)) {
            ShadowLooper.idleMainLooper();
            s.onActivity(a -> {
                ShadowActivity shadow = shadowOf(a);
                ShadowActivity.PermissionsRequest request = shadow.getLastRequestedPermission();
                assertNotNull("the camera permission was requested", request);
                assertEquals(Manifest.permission.CAMERA, request.requestedPermissions[0]);
                // the user says no
                a.onRequestPermissionsResult(request.requestCode, request.requestedPermissions,
                    new int[] {PackageManager.PERMISSION_DENIED});
            });
            ShadowLooper.idleMainLooper();
            s.onActivity(a -> {
                assertEquals(View.VISIBLE, a.findViewById(R.id.camera_permission_panel).getVisibility());
                assertFalse(a.findViewById(R.id.camera_capture).isEnabled());
                // the gallery still works without the camera
                assertEquals(true, a.findViewById(R.id.camera_gallery).isEnabled());
                a.findViewById(R.id.camera_open_settings).performClick();
                Intent next = shadowOf(a).getNextStartedActivity();
                assertEquals(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, next.getAction());
                assertEquals("package:" + a.getPackageName(), next.getData().toString());
            });
        }
    }
}
