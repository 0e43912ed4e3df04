package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.graphics.Bitmap;
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
import io.neuronlab.app.camera.PhotoInk;
import io.neuronlab.app.draw.Drawing;
import io.neuronlab.app.draw.DrawingView;
import io.neuronlab.mllib.digits.EmptyDrawingException;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.MnistPreprocessor;
import java.io.IOException;

/**
 * The lessons' picture source: the Draw screen's own {@link DrawingView} as a small pad (the learner's drawing,
 * turned into MNIST's 28×28 as for recognition), a "start again" button back to the built-in digit and, where
 * asked, a photo of a digit picked with the system's document picker (binarised like the Camera screen's photos,
 * then 28×28 like a drawing). Reports every new
 * picture to its listener on the UI thread; photos are decoded on the app's background executor.
 */
public final class DrawingPad {
    /** A new picture: ink or brightness in [0, 1]. */
    public interface Listener {
        void picture(GrayImage image);
    }

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
            int message;
            GrayImage image = null;
            try {
                Bitmap bitmap = PhotoInk.decode(context.getContentResolver(), uri);
                if (bitmap == null) {
                    message = R.string.widget_pad_photo_failed;
                } else {
                    image = photo(bitmap);
                    message = R.string.widget_pad_photo_shown;
                }
            } catch (EmptyDrawingException e) {
                message = R.string.widget_pad_photo_no_ink;
            } catch (IOException | SecurityException e) {
                message = R.string.widget_pad_photo_failed;
            }
            GrayImage result = image;
            String text = context.getString(message);
            status.post(() -> {
                WidgetViews.show(status, text);
                if (result != null) {
                    canvas.setDrawing(new Drawing());
                    listener.picture(result);
                }
            });
        });
    }

    /**
     * A photo of a handwritten digit as the kernels should see it: binarised as the Camera screen does it
     * ({@link PhotoInk}: lighting removed, ink = 1 on 0 whatever the ink's colour), then turned into MNIST's 28×28
     * like a drawing on the pad.
     *
     * @throws EmptyDrawingException when no ink stands out from the paper
     */
    static GrayImage photo(Bitmap bitmap) {
        return new MnistPreprocessor().process(PhotoInk.ink(bitmap));
    }
}
