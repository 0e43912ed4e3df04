package io.neuronlab.app.camera;

import android.content.Context;
import android.graphics.Bitmap;
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
        background.execute(() -> deliver(mine, read(photo)));
    }

    private Result read(Bitmap photo) {
        try {
            GrayImage ink = PhotoInk.ink(photo);
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
                bitmap = PhotoInk.decode(app.getContentResolver(), uri);
            } catch (Exception e) {
                deliver(mine, new Result(R.string.camera_error, String.valueOf(e.getMessage()), null));
                return;
            }
            if (bitmap == null) {
                deliver(mine, new Result(R.string.camera_not_an_image, null, null));
                return;
            }
            deliver(mine, read(bitmap));
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
