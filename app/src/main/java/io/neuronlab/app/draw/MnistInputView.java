package io.neuronlab.app.draw;

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.graphics.Paint;
import android.graphics.DashPathEffect;
import android.graphics.Rect;
import android.util.AttributeSet;
import android.view.View;

import androidx.core.content.ContextCompat;
import io.neuronlab.app.R;
import io.neuronlab.mllib.digits.GrayImage;

/**
 * "What the network sees": a 28×28 input enlarged with hard pixel edges, white ink on black as in MNIST. Before
 * there is an input it shows an outlined, labelled placeholder rather than a black square that looks broken.
 */
public class MnistInputView extends View {
    private final Paint pixels = new Paint();   // no filtering: every input pixel stays a visible square
    private final Paint frame = new Paint();
    private final Paint emptyOutline = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint emptyText = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final String emptyLabel;
    private Bitmap bitmap;

    public MnistInputView(Context context) {
        this(context, null);
    }

    public MnistInputView(Context context, AttributeSet attrs) {
        super(context, attrs);
        pixels.setFilterBitmap(false);
        frame.setColor(0xff000000);
        float density = getResources().getDisplayMetrics().density;
        emptyOutline.setStyle(Paint.Style.STROKE);
        emptyOutline.setStrokeWidth(2 * density);
        emptyOutline.setPathEffect(new DashPathEffect(new float[] {6 * density, 4 * density}, 0));
        emptyOutline.setColor(ContextCompat.getColor(context, R.color.outline));
        emptyText.setColor(ContextCompat.getColor(context, R.color.on_surface_variant));
        emptyText.setTextAlign(Paint.Align.CENTER);
        emptyText.setTextSize(12 * getResources().getDisplayMetrics().scaledDensity);
        emptyLabel = context.getString(R.string.draw_input_empty);
    }

    /** Whether an input is shown (false: the placeholder). */
    public boolean hasInput() {
        return bitmap != null;
    }

    /** @param input a 28×28 image (ink = 1 on 0), or null for an empty field */
    public void setInput(GrayImage input) {
        if (input == null) {
            bitmap = null;
        } else {
            int w = input.width(), h = input.height();
            int[] argb = new int[w * h];
            float[] p = input.pixels();
            for (int i = 0; i < argb.length; i++) {
                int v = Math.round(Math.max(0, Math.min(1, p[i])) * 255);
                argb[i] = 0xff000000 | (v << 16) | (v << 8) | v;
            }
            bitmap = Bitmap.createBitmap(argb, w, h, Bitmap.Config.ARGB_8888);
        }
        invalidate();
    }

    @Override
    protected void onMeasure(int widthSpec, int heightSpec) {
        int wanted = Math.round(84 * getResources().getDisplayMetrics().density);   // 3 dp per input pixel
        int size = Math.min(resolveSize(wanted, widthSpec), resolveSize(wanted, heightSpec));
        setMeasuredDimension(size, size);
    }

    @Override
    protected void onDraw(Canvas canvas) {
        if (bitmap == null) {
            float inset = emptyOutline.getStrokeWidth() / 2;
            canvas.drawRect(inset, inset, getWidth() - inset, getHeight() - inset, emptyOutline);
            float y = getHeight() / 2f - (emptyText.descent() + emptyText.ascent()) / 2;
            canvas.drawText(emptyLabel, getWidth() / 2f, y, emptyText);
            return;
        }
        canvas.drawRect(0, 0, getWidth(), getHeight(), frame);
        canvas.drawBitmap(bitmap, null, new Rect(0, 0, getWidth(), getHeight()), pixels);
    }
}
