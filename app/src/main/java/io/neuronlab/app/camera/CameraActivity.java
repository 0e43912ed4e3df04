package io.neuronlab.app.camera;

import android.Manifest;
import android.content.Intent;
import android.content.pm.PackageManager;
import android.graphics.Bitmap;
import android.graphics.Rect;
import android.graphics.SurfaceTexture;
import android.net.Uri;
import android.os.Bundle;
import android.os.Handler;
import android.os.Looper;
import android.provider.Settings;
import android.view.TextureView;
import android.view.View;
import android.widget.TextView;

import androidx.activity.result.ActivityResultLauncher;
import androidx.activity.result.PickVisualMediaRequest;
import androidx.activity.result.contract.ActivityResultContracts;
import androidx.core.content.ContextCompat;

import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.ViewModels;
import io.neuronlab.app.draw.MnistInputView;
import io.neuronlab.app.draw.ProbabilityBarsView;
import io.neuronlab.mllib.digits.DigitRecognizer;


/**
 * Photograph digits (camera2 preview with a framing box) or pick a photo from the gallery (the system photo
 * picker); the picture goes through grayscale → adaptive threshold → polarity detection → segmentation →
 * recognition, the same path as drawings. Without the camera permission the screen explains why it is needed,
 * offers the app's settings, and the gallery still works.
 */
public class CameraActivity extends FeatureActivity implements Camera2Controller.Listener {
    private final Handler main = new Handler(Looper.getMainLooper());
    private CameraViewModel state;
    private Camera2Controller camera;
    private TextureView preview;
    private FramingBoxView frame;
    private View permissionPanel;
    private TextView result;
    private MnistInputView networkInput;
    private ProbabilityBarsView bars;

    private final ActivityResultLauncher<String> permission =
        registerForActivityResult(new ActivityResultContracts.RequestPermission(), granted -> {
            if (granted) startPreviewWhenReady();
            else showPermissionExplanation();
        });
    private final ActivityResultLauncher<PickVisualMediaRequest> picker =
        registerForActivityResult(new ActivityResultContracts.PickVisualMedia(), uri -> state.recognisePicked(uri));

    public CameraActivity() {
        super(R.layout.activity_camera, R.string.camera_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        NeuronLabApp app = NeuronLabApp.of(this);
        state = ViewModels.get(this, CameraViewModel.class, () -> new CameraViewModel(app, app.background()));
        camera = new Camera2Controller(this, this);
        preview = findViewById(R.id.camera_preview);
        frame = findViewById(R.id.camera_frame);
        permissionPanel = findViewById(R.id.camera_permission_panel);
        result = findViewById(R.id.camera_result);
        networkInput = findViewById(R.id.camera_network_input);
        bars = findViewById(R.id.camera_probabilities);
        findViewById(R.id.camera_capture).setOnClickListener(v -> capture());
        findViewById(R.id.camera_gallery).setOnClickListener(v -> picker.launch(new PickVisualMediaRequest.Builder()
            .setMediaType(ActivityResultContracts.PickVisualMedia.ImageOnly.INSTANCE).build()));
        findViewById(R.id.camera_open_settings).setOnClickListener(v -> startActivity(
            new Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", getPackageName(), null))));
        findViewById(R.id.camera_ask_again).setOnClickListener(v -> permission.launch(Manifest.permission.CAMERA));
        state.result().observe(this, this::show);
    }

    private void show(CameraViewModel.Result r) {
        result.setText(r.argument() == null ? getString(r.messageId()) : getString(r.messageId(), r.argument()));
        DigitRecognizer.Reading reading = r.reading();
        networkInput.setInput(reading == null ? null : reading.segments().get(0).mnistInput());
        bars.setProbabilities(reading == null ? null : reading.predictions().get(0).probabilities());
    }

    @Override
    protected void onResume() {
        super.onResume();
        if (ContextCompat.checkSelfPermission(this, Manifest.permission.CAMERA) == PackageManager.PERMISSION_GRANTED) {
            permissionPanel.setVisibility(View.GONE);
            startPreviewWhenReady();
        } else if (permissionPanel.getVisibility() != View.VISIBLE) {
            permission.launch(Manifest.permission.CAMERA);
        }
    }

    @Override
    protected void onPause() {
        camera.stop();
        super.onPause();
    }

    private void startPreviewWhenReady() {
        permissionPanel.setVisibility(View.GONE);
        findViewById(R.id.camera_capture).setEnabled(true);
        if (preview.isAvailable()) {
            camera.start(preview.getSurfaceTexture());
            return;
        }
        preview.setSurfaceTextureListener(new TextureView.SurfaceTextureListener() {
            @Override
            public void onSurfaceTextureAvailable(SurfaceTexture texture, int width, int height) {
                camera.start(texture);
            }

            @Override
            public void onSurfaceTextureSizeChanged(SurfaceTexture texture, int width, int height) {
            }

            @Override
            public boolean onSurfaceTextureDestroyed(SurfaceTexture texture) {
                camera.stop();
                return true;
            }

            @Override
            public void onSurfaceTextureUpdated(SurfaceTexture texture) {
            }
        });
    }

    /** Denied: say why the camera is useful, offer the settings; the gallery button keeps working. */
    private void showPermissionExplanation() {
        permissionPanel.setVisibility(View.VISIBLE);
        findViewById(R.id.camera_capture).setEnabled(false);
    }

    @Override
    public void onCameraError(String message) {
        main.post(() -> state.say(R.string.camera_error, message));
    }

    /** The preview frame inside the framing box is the photo. */
    private void capture() {
        Bitmap frameBitmap = preview.getBitmap();
        if (frameBitmap == null) {
            state.say(R.string.camera_no_frame, null);
            return;
        }
        Rect box = FramingBoxView.box(frameBitmap.getWidth(), frameBitmap.getHeight());
        state.recognise(Bitmap.createBitmap(frameBitmap, box.left, box.top, box.width(), box.height()));
    }
}
