package io.neuronlab.app.camera;

import android.annotation.SuppressLint;
import android.content.Context;
import android.graphics.SurfaceTexture;
import android.hardware.camera2.CameraAccessException;
import android.hardware.camera2.CameraCaptureSession;
import android.hardware.camera2.CameraCharacteristics;
import android.hardware.camera2.CameraDevice;
import android.hardware.camera2.CameraManager;
import android.hardware.camera2.CaptureRequest;
import android.hardware.camera2.params.StreamConfigurationMap;
import android.os.Handler;
import android.os.HandlerThread;
import android.util.Size;
import android.view.Surface;

import java.util.Collections;

/**
 * The platform camera2 API in one small class (CameraX is not on Maven Central). Lifecycle:
 * {@link #start(SurfaceTexture)} in {@code onResume} once the permission is granted and the preview surface
 * exists, {@link #stop()} in {@code onPause}. A photo is the current preview frame, taken by the caller from
 * its TextureView — what the user framed is exactly what is recognised.
 *
 * <p>Camera callbacks run on a private background thread; the listener is told about failures there.
 */
public final class Camera2Controller {
    /** Reports why the preview could not run (no camera, camera in use, disconnected). */
    public interface Listener {
        void onCameraError(String message);
    }

    private final CameraManager manager;
    private final Listener listener;
    private HandlerThread thread;
    private Handler handler;
    private CameraDevice device;
    private CameraCaptureSession session;
    private Surface surface;

    public Camera2Controller(Context context, Listener listener) {
        this.manager = (CameraManager) context.getSystemService(Context.CAMERA_SERVICE);
        this.listener = listener;
    }

    /** The back camera's id, else any camera's, else null. */
    public String chooseCamera() throws CameraAccessException {
        if (manager == null) return null;
        String any = null;
        for (String id : manager.getCameraIdList()) {
            Integer facing = manager.getCameraCharacteristics(id).get(CameraCharacteristics.LENS_FACING);
            if (facing != null && facing == CameraCharacteristics.LENS_FACING_BACK) return id;
            if (any == null) any = id;
        }
        return any;
    }

    /** Opens the camera and streams its preview into {@code texture}. The CAMERA permission must be granted. */
    @SuppressLint("MissingPermission")
    public void start(SurfaceTexture texture) {
        if (thread != null) return;
        thread = new HandlerThread("camera");
        thread.start();
        handler = new Handler(thread.getLooper());
        try {
            String id = chooseCamera();
            if (id == null) {
                listener.onCameraError("this device has no camera");
                return;
            }
            texture.setDefaultBufferSize(1280, 960);
            Size best = previewSize(id);
            if (best != null) texture.setDefaultBufferSize(best.getWidth(), best.getHeight());
            surface = new Surface(texture);
            manager.openCamera(id, new CameraDevice.StateCallback() {
                @Override
                public void onOpened(CameraDevice camera) {
                    device = camera;
                    startPreview();
                }

                @Override
                public void onDisconnected(CameraDevice camera) {
                    camera.close();
                    device = null;
                }

                @Override
                public void onError(CameraDevice camera, int error) {
                    camera.close();
                    device = null;
                    listener.onCameraError("the camera reported error " + error + " (is another app using it?)");
                }
            }, handler);
        } catch (CameraAccessException | SecurityException e) {
            listener.onCameraError(String.valueOf(e.getMessage()));
        }
    }

    /** A 4:3 preview size close to 1280×960, the aspect of the usual sensor. */
    private Size previewSize(String id) throws CameraAccessException {
        StreamConfigurationMap map = manager.getCameraCharacteristics(id)
            .get(CameraCharacteristics.SCALER_STREAM_CONFIGURATION_MAP);
        if (map == null) return null;
        Size best = null;
        for (Size s : map.getOutputSizes(SurfaceTexture.class)) {
            if (s.getWidth() * 3 != s.getHeight() * 4 || s.getWidth() > 1920) continue;
            if (best == null || Math.abs(s.getWidth() - 1280) < Math.abs(best.getWidth() - 1280)) best = s;
        }
        return best;
    }

    @SuppressWarnings("deprecation")   // the list form is the one available on API 24
    private void startPreview() {
        try {
            CaptureRequest.Builder request = device.createCaptureRequest(CameraDevice.TEMPLATE_PREVIEW);
            request.addTarget(surface);
            request.set(CaptureRequest.CONTROL_AF_MODE, CaptureRequest.CONTROL_AF_MODE_CONTINUOUS_PICTURE);
            device.createCaptureSession(Collections.singletonList(surface), new CameraCaptureSession.StateCallback() {
                @Override
                public void onConfigured(CameraCaptureSession s) {
                    if (device == null) return;
                    session = s;
                    try {
                        s.setRepeatingRequest(request.build(), null, handler);
                    } catch (CameraAccessException | IllegalStateException e) {
                        listener.onCameraError(String.valueOf(e.getMessage()));
                    }
                }

                @Override
                public void onConfigureFailed(CameraCaptureSession s) {
                    listener.onCameraError("the camera could not start a preview");
                }
            }, handler);
        } catch (CameraAccessException | IllegalStateException e) {
            listener.onCameraError(String.valueOf(e.getMessage()));
        }
    }

    public boolean isRunning() {
        return thread != null;
    }

    /** Closes the session and the camera and ends the camera thread. Safe to call more than once. */
    public void stop() {
        if (session != null) {
            session.close();
            session = null;
        }
        if (device != null) {
            device.close();
            device = null;
        }
        if (surface != null) {
            surface.release();
            surface = null;
        }
        if (thread != null) {
            thread.quitSafely();
            thread = null;
            handler = null;
        }
    }
}
