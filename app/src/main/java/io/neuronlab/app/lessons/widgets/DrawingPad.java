package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.BitmapFactory;
import android.graphics.drawable.GradientDrawable;
import android.net.Uri;
import android.widget.Button;
import android.widget.LinearLayout;
import android.widget.TextView;
import androidx.activity.ComponentActivity;
import androidx.activity.result.ActivityResultLauncher;
import androidx.activity.result.contract.ActivityResultContracts;
import androidx.core.content.ContextCompat;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.draw.Drawing;
import io.neuronlab.app.draw.DrawingView;
import io.neuronlab.mllib.digits.EmptyDrawingException;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.MnistPreprocessor;
import java.io.IOException;
import java.io.InputStream;

/**
 * The lessons' picture source: the Draw screen's own {@link DrawingView} as a small pad (the learner's drawing,
 * turned into MNIST's 28×28 as for recognition), a "start again" button back to the built-in digit and, where
 * asked, a photo picked with the system's document picker (grey levels, cropped square). Reports every new
 * picture to its listener on the UI thread; photos are decoded on the app's background executor.
 */
public final class DrawingPad {
    /** A new picture: ink or brightness in [0, 1]. */
    public interface Listener {
        void picture(GrayImage image);
    }

    /** Side of a photo after cropping and scaling: big enough to see the kernels' effect, small to compute. */
    public static final int PHOTO_SIDE = 64;

    private final DrawingView canvas;
    private final TextView status;

    /**
     * Adds the pad to {@code parent}: the canvas tagged {@code tagPrefix + "pad"}, buttons tagged
     * {@code tagPrefix + "restart"} and {@code tagPrefix + "photo"}.
     */
    public DrawingPad(LinearLayout parent, String tagPrefix, boolean photos, GrayImage start, Listener listener) {
        Context context = parent.getContext();
        TextView hint = WidgetViews.text(context, 14);
        hint.setText(R.string.widget_pad_hint);
        parent.addView(hint);
        canvas = new DrawingView(context);
        canvas.setDrawing(new Drawing());
        canvas.setTag(tagPrefix + "pad");
        canvas.setContentDescription(context.getString(R.string.widget_pad_description));
        GradientDrawable paper = new GradientDrawable();
        paper.setColor(ContextCompat.getColor(context, R.color.surface));
        paper.setStroke(WidgetViews.dp(context, 1), ContextCompat.getColor(context, R.color.outline));
        canvas.setBackground(paper);
        parent.addView(canvas, new LinearLayout.LayoutParams(WidgetViews.dp(context, 200),
                LinearLayout.LayoutParams.WRAP_CONTENT));
        status = WidgetViews.text(context, 13);
        status.setTag(tagPrefix + "pad_status");
        canvas.setListener(view -> {
            if (view.isEmpty()) {
                return;
            }
            try {
                GrayImage image = new MnistPreprocessor().process(view.toInkImage());
                WidgetViews.show(status, context.getString(R.string.widget_pad_drawn));
                listener.picture(image);
            } catch (EmptyDrawingException e) {
                WidgetViews.show(status, context.getString(R.string.widget_pad_too_small));
            }
        });
        LinearLayout buttons = new LinearLayout(context);
        Button restart = new Button(context);
        restart.setText(R.string.widget_pad_restart);
        restart.setTag(tagPrefix + "restart");
        restart.setOnClickListener(v -> {
            canvas.setDrawing(new Drawing());
            WidgetViews.show(status, "");
            listener.picture(start);
        });
        buttons.addView(restart);
        if (photos && context instanceof ComponentActivity activity) {
            ActivityResultLauncher<String[]> picker = activity.getActivityResultRegistry().register(
                    tagPrefix + "photo", new ActivityResultContracts.OpenDocument(),
                    uri -> photoPicked(context, uri, listener));
            Button photo = new Button(context);
            photo.setText(R.string.widget_pad_photo);
            photo.setTag(tagPrefix + "photo");
            photo.setOnClickListener(v -> picker.launch(new String[] {"image/*"}));
            buttons.addView(photo);
        }
        parent.addView(buttons);
        parent.addView(status);
    }

    public DrawingView canvas() {
        return canvas;
    }

    private void photoPicked(Context context, Uri uri, Listener listener) {
        if (uri == null) {
            return; // the learner backed out of the picker
        }
        WidgetViews.show(status, context.getString(R.string.widget_pad_photo_loading));
        NeuronLabApp.of(context).background().execute(() -> {
            GrayImage image;
            try (InputStream in = context.getContentResolver().openInputStream(uri)) {
                image = in == null ? null : photo(BitmapFactory.decodeStream(in));
            } catch (IOException | SecurityException e) {
                image = null;
            }
            GrayImage result = image;
            status.post(() -> {
                if (result == null) {
                    WidgetViews.show(status, context.getString(R.string.widget_pad_photo_failed));
                    return;
                }
                canvas.setDrawing(new Drawing());
                WidgetViews.show(status, context.getString(R.string.widget_pad_photo_shown));
                listener.picture(result);
            });
        });
    }

    /** A decoded photo as grey levels (bright = 1): the central square, {@link #PHOTO_SIDE} pixels wide. */
    static GrayImage photo(Bitmap bitmap) {
        if (bitmap == null) {
            return null; // not an image the platform can decode
        }
        int side = Math.min(bitmap.getWidth(), bitmap.getHeight());
        Bitmap square = Bitmap.createBitmap(bitmap, (bitmap.getWidth() - side) / 2, (bitmap.getHeight() - side) / 2,
                side, side);
        Bitmap small = Bitmap.createScaledBitmap(square, PHOTO_SIDE, PHOTO_SIDE, true);
        int[] argb = new int[PHOTO_SIDE * PHOTO_SIDE];
        small.getPixels(argb, 0, PHOTO_SIDE, 0, 0, PHOTO_SIDE, PHOTO_SIDE);
        return GrayImage.luminanceOfArgb(argb, PHOTO_SIDE, PHOTO_SIDE);
    }
}
