package io.neuronlab.app.camera;

import android.content.Context;
import android.hardware.camera2.CameraAccessException;
import android.hardware.camera2.CameraCharacteristics;
import android.hardware.camera2.CameraManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The device's cameras as the platform camera2 API reports them (CameraX is not on Maven Central).
 * Listing cameras needs no permission; opening one needs CAMERA.
 */
public final class CameraInventory {
    /** Where a lens points, from {@link CameraCharacteristics#LENS_FACING}. */
    public enum Facing { BACK, FRONT, EXTERNAL }

    private final CameraManager cameraManager;

    public CameraInventory(Context context) {
        this.cameraManager = (CameraManager) context.getSystemService(Context.CAMERA_SERVICE);
    }

    /** One entry per camera id, in the order camera2 lists them. */
    public List<Facing> cameras() throws CameraAccessException {
        List<Facing> cameras = new ArrayList<>();
        if (cameraManager == null) {
            return cameras;
        }
        for (String id : cameraManager.getCameraIdList()) {
            Integer facing = cameraManager.getCameraCharacteristics(id).get(CameraCharacteristics.LENS_FACING);
            cameras.add(facingOf(facing));
        }
        return cameras;
    }

    static Facing facingOf(Integer lensFacing) {
        if (lensFacing == null) {
            return Facing.EXTERNAL;
        }
        switch (lensFacing) {
            case CameraCharacteristics.LENS_FACING_BACK: return Facing.BACK;
            case CameraCharacteristics.LENS_FACING_FRONT: return Facing.FRONT;
            default: return Facing.EXTERNAL;
        }
    }
}
