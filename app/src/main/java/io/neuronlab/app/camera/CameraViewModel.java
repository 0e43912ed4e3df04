package io.neuronlab.app.camera;

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.BitmapFactory;
import android.net.Uri;
import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import androidx.lifecycle.ViewModel;
import io.neuronlab.app.MainThread;
import io.neuronlab.app.R;
import io.neuronlab.app.draw.DigitNetwork;
import io.neuronlab.mllib.digits.DigitRecognizer;
import io.neuronlab.mllib.digits.EmptyDrawingException;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.PhotoBinarizer;
import java.io.InputStream;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * State of the Camera screen, kept across rotation: what the last photo (camera frame or picked picture) read
 * as. Decoding, binarising and recognising run on the background executor; the result of a photo that a newer
 * one (or a message) replaced meanwhile is dropped, so the screen always describes the last photo.
 */
public class CameraViewModel extends ViewModel {
    /** What the screen says: a message (with its argument) and, when digits were found, the reading. */
    public record Result(int messageId, String argument, DigitRecognizer.Reading reading) {
    }

    /** Photos are scaled so that the longer side is at most this many pixels before binarising. */
    static final int MAX_SIDE = 640;

    private final Context app;
    private final Executor background;
    private final MutableLiveData<Result> result = new MutableLiveData<>(new Result(R.string.camera_prompt, null, null));
    private final AtomicInteger generation = new AtomicInteger();

    public CameraViewModel(Context context, Executor background) {
        this.app = context.getApplicationContext();
        this.background = background;
    }

    public LiveData<Result> result() {
        return result;
    }

    /** A message of the screen's own (no frame from the camera, a camera error). */
    public void say(int messageId, String argument) {
        generation.incrementAndGet();
        result.setValue(new Result(messageId, argument, null));
    }

    /** Photo → luminance → binarised ink → digits → recognition, off the UI thread. */
    public void recognise(Bitmap photo) {
        int mine = start();
        background.execute(() -> deliver(mine, read(luminance(photo))));
    }

    /** The photo's luminance, scaled so that its longer side is at most {@link #MAX_SIDE} (plenty for 28×28 digits). */
    private static GrayImage luminance(Bitmap photo) {
        float scale = Math.min(1f, (float) MAX_SIDE / Math.max(photo.getWidth(), photo.getHeight()));
        Bitmap small = scale < 1 ? Bitmap.createScaledBitmap(photo, Math.max(1, Math.round(photo.getWidth() * scale)),
            Math.max(1, Math.round(photo.getHeight() * scale)), true) : photo;
        int w = small.getWidth();
        int h = small.getHeight();
        int[] argb = new int[w * h];
        small.getPixels(argb, 0, w, 0, 0, w, h);
        return GrayImage.luminanceOfArgb(argb, w, h);
    }

    private Result read(GrayImage luminance) {
        try {
            GrayImage ink = new PhotoBinarizer().binarize(luminance);
            DigitRecognizer.Reading reading = DigitNetwork.get(app).recognizer().recognize(ink);
            return new Result(reading.sure() ? R.string.camera_read : R.string.camera_read_not_sure, reading.number(), reading);
        } catch (EmptyDrawingException e) {
            return new Result(R.string.camera_nothing_found, null, null);
        } catch (RuntimeException e) {
            return new Result(R.string.camera_error, String.valueOf(e.getMessage()), null);
        }
    }

    /** A picture from the gallery: decoded at a fraction of its size (a 50-megapixel photo would not fit), then read. */
    public void recognisePicked(Uri uri) {
        if (uri == null) return;
        int mine = start();
        background.execute(() -> {
            Bitmap bitmap;
            try {
                BitmapFactory.Options options = new BitmapFactory.Options();
                options.inJustDecodeBounds = true;
                try (InputStream in = app.getContentResolver().openInputStream(uri)) {
                    BitmapFactory.decodeStream(in, null, options);
                }
                int longer = Math.max(options.outWidth, options.outHeight);
                int sample = 1;
                while (longer / (sample * 2) >= 1024) sample *= 2;
                options = new BitmapFactory.Options();
                options.inSampleSize = sample;
                try (InputStream in = app.getContentResolver().openInputStream(uri)) {
                    bitmap = BitmapFactory.decodeStream(in, null, options);
                }
            } catch (Exception e) {
                deliver(mine, new Result(R.string.camera_error, String.valueOf(e.getMessage()), null));
                return;
            }
            if (bitmap == null) {
                deliver(mine, new Result(R.string.camera_not_an_image, null, null));
                return;
            }
            deliver(mine, read(luminance(bitmap)));
        });
    }

    /** A new photo is being read: says so and returns its number. */
    private int start() {
        result.setValue(new Result(R.string.camera_working, null, null));
        return generation.incrementAndGet();
    }

    /** Shows the result of photo {@code mine} unless a newer photo or message came meanwhile. Any thread. */
    private void deliver(int mine, Result r) {
        MainThread.run(() -> {
            if (mine == generation.get()) result.setValue(r);
        });
    }
}
