package io.neuronlab.app.camera;

import android.content.ContentResolver;
import android.graphics.Bitmap;
import android.graphics.BitmapFactory;
import android.net.Uri;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.PhotoBinarizer;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A photo of handwriting turned into ink the way the Camera screen reads it: decoded at a fraction of its size
 * (a 50-megapixel picture would not fit in memory), its luminance scaled so that the longer side is at most
 * {@link #MAX_SIDE} pixels, then binarised by mllib's {@link PhotoBinarizer} (lighting removed, ink = 1 on 0).
 * Shared by the Camera screen and the lessons' photo option. Call off the UI thread.
 */
public final class PhotoInk {
    /** Photos are scaled so that the longer side is at most this many pixels before binarising. */
    public static final int MAX_SIDE = 640;

    /** Pictures are decoded at a power-of-two fraction that keeps the longer side under twice this. */
    private static final int DECODE_SIDE = 1024;

    private PhotoInk() {
    }

    /** The picture at {@code uri}, decoded small enough to handle; null when it is not an image. */
    public static Bitmap decode(ContentResolver resolver, Uri uri) throws IOException {
        BitmapFactory.Options options = new BitmapFactory.Options();
        options.inJustDecodeBounds = true;
        try (InputStream in = open(resolver, uri)) {
            BitmapFactory.decodeStream(in, null, options);
        }
        int longer = Math.max(options.outWidth, options.outHeight);
        int sample = 1;
        while (longer / (sample * 2) >= DECODE_SIDE) sample *= 2;
        options = new BitmapFactory.Options();
        options.inSampleSize = sample;
        try (InputStream in = open(resolver, uri)) {
            return BitmapFactory.decodeStream(in, null, options);
        }
    }

    private static InputStream open(ContentResolver resolver, Uri uri) throws IOException {
        InputStream in = resolver.openInputStream(uri);
        if (in == null) {
            throw new FileNotFoundException(String.valueOf(uri));
        }
        return in;
    }

    /** The photo's luminance (0 black, 1 white), scaled so that its longer side is at most {@link #MAX_SIDE}. */
    public static GrayImage luminance(Bitmap photo) {
        float scale = Math.min(1f, (float) MAX_SIDE / Math.max(photo.getWidth(), photo.getHeight()));
        Bitmap small = scale < 1 ? Bitmap.createScaledBitmap(photo, Math.max(1, Math.round(photo.getWidth() * scale)),
            Math.max(1, Math.round(photo.getHeight() * scale)), true) : photo;
        int w = small.getWidth();
        int h = small.getHeight();
        int[] argb = new int[w * h];
        small.getPixels(argb, 0, w, 0, 0, w, h);
        return GrayImage.luminanceOfArgb(argb, w, h);
    }

    /** The photo's ink: 1 on 0 whether dark ink on paper or chalk on a board; all 0 when nothing stands out. */
    public static GrayImage ink(Bitmap photo) {
        return new PhotoBinarizer().binarize(luminance(photo));
    }
}
