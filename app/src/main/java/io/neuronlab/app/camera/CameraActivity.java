package io.neuronlab.app.camera;

import android.hardware.camera2.CameraAccessException;
import android.os.Bundle;
import android.widget.TextView;
import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.R;
import java.util.List;

/** Read digits through the camera. Placeholder: for now it lists the cameras camera2 sees. */
public class CameraActivity extends FeatureActivity {
    public CameraActivity() {
        super(R.layout.activity_camera, R.string.camera_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        TextView status = findViewById(R.id.camera_status);
        status.setText(describeCameras());
    }

    private String describeCameras() {
        List<CameraInventory.Facing> cameras;
        try {
            cameras = new CameraInventory(this).cameras();
        } catch (CameraAccessException | RuntimeException e) {
            return getString(R.string.camera_unavailable, e.getMessage());
        }
        if (cameras.isEmpty()) {
            return getString(R.string.camera_none);
        }
        StringBuilder names = new StringBuilder();
        for (CameraInventory.Facing facing : cameras) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(getString(nameOf(facing)));
        }
        return getResources().getQuantityString(R.plurals.camera_found, cameras.size(), cameras.size(), names);
    }

    private static int nameOf(CameraInventory.Facing facing) {
        switch (facing) {
            case BACK: return R.string.camera_facing_back;
            case FRONT: return R.string.camera_facing_front;
            default: return R.string.camera_facing_external;
        }
    }
}
