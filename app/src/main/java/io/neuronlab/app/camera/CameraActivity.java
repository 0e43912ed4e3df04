package io.neuronlab.app.camera;

import android.Manifest;
import android.content.Intent;
import android.content.pm.PackageManager;
import android.graphics.Bitmap;
import android.graphics.BitmapFactory;
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
import io.neuronlab.app.draw.DigitNetwork;
import io.neuronlab.app.draw.MnistInputView;
import io.neuronlab.app.draw.ProbabilityBarsView;
import io.neuronlab.mllib.digits.DigitRecognizer;
import io.neuronlab.mllib.digits.EmptyDrawingException;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.PhotoBinarizer;

import java.io.InputStream;

/**
 * Photograph digits (camera2 preview with a framing box) or pick a photo from the gallery (the system photo
 * picker); the picture goes through grayscale → adaptive threshold → polarity detection → segmentation →
 * recognition, the same path as drawings. Without the camera permission the screen explains why it is needed,
 * offers the app's settings, and the gallery still works.
 */
public class CameraActivity extends FeatureActivity implements Camera2Controller.Listener {
    private final Handler main = new Handler(Looper.getMainLooper());
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
        registerForActivityResult(new ActivityResultContracts.PickVisualMedia(), this::recognisePicked);

    public CameraActivity() {
        super(R.layout.activity_camera, R.string.camera_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
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
        result.setText(R.string.camera_prompt);
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
        main.post(() -> result.setText(getString(R.string.camera_error, message)));
    }

    /** The preview frame inside the framing box is the photo. */
    private void capture() {
        Bitmap frameBitmap = preview.getBitmap();
        if (frameBitmap == null) {
            result.setText(R.string.camera_no_frame);
            return;
        }
        Rect box = FramingBoxView.box(frameBitmap.getWidth(), frameBitmap.getHeight());
        recognise(Bitmap.createBitmap(frameBitmap, box.left, box.top, box.width(), box.height()));
    }

    private void recognisePicked(Uri uri) {
        if (uri == null) return;
        NeuronLabApp.of(this).background().execute(() -> {
            Bitmap bitmap;
            try {
                // read the size first so a 50-megapixel photo is decoded at a fraction of its size
                BitmapFactory.Options options = new BitmapFactory.Options();
                options.inJustDecodeBounds = true;
                try (InputStream in = getContentResolver().openInputStream(uri)) {
                    BitmapFactory.decodeStream(in, null, options);
                }
                int longer = Math.max(options.outWidth, options.outHeight), sample = 1;
                while (longer / (sample * 2) >= 1024) sample *= 2;
                options = new BitmapFactory.Options();
                options.inSampleSize = sample;
                try (InputStream in = getContentResolver().openInputStream(uri)) {
                    bitmap = BitmapFactory.decodeStream(in, null, options);
                }
            } catch (Exception e) {
                String message = e.getMessage();
                main.post(() -> result.setText(getString(R.string.camera_error, message)));
                return;
            }
            if (bitmap == null) {
                main.post(() -> result.setText(R.string.camera_not_an_image));
                return;
            }
            Bitmap picked = bitmap;
            main.post(() -> recognise(picked));
        });
    }

    /** Photo → luminance → binarised ink → digits → recognition, off the UI thread. */
    private void recognise(Bitmap photo) {
        // photos are large; 640 px on the longer side is plenty for 28×28 digits
        float scale = Math.min(1f, 640f / Math.max(photo.getWidth(), photo.getHeight()));
        Bitmap small = scale < 1 ? Bitmap.createScaledBitmap(photo,
            Math.max(1, Math.round(photo.getWidth() * scale)), Math.max(1, Math.round(photo.getHeight() * scale)), true) : photo;
        int w = small.getWidth(), h = small.getHeight();
        int[] argb = new int[w * h];
        small.getPixels(argb, 0, w, 0, 0, w, h);
        result.setText(R.string.camera_working);
        NeuronLabApp.of(this).background().execute(() -> {
            String text;
            DigitRecognizer.Reading reading = null;
            try {
                GrayImage ink = new PhotoBinarizer().binarize(GrayImage.luminanceOfArgb(argb, w, h));
                reading = DigitNetwork.get(this).recognizer().recognize(ink);
                text = reading.sure() ? getString(R.string.camera_read, reading.number())
                    : getString(R.string.camera_read_not_sure, reading.number());
            } catch (EmptyDrawingException e) {
                text = getString(R.string.camera_nothing_found);
            } catch (RuntimeException e) {
                text = getString(R.string.camera_error, e.getMessage());
            }
            String shown = text;
            DigitRecognizer.Reading r = reading;
            main.post(() -> {
                result.setText(shown);
                networkInput.setInput(r == null ? null : r.segments().get(0).mnistInput());
                bars.setProbabilities(r == null ? null : r.predictions().get(0).probabilities());
            });
        });
    }
}
