package io.neuronlab.app.draw;

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.graphics.Paint;
import android.graphics.Rect;
import android.util.AttributeSet;
import android.view.View;

import io.neuronlab.mllib.digits.GrayImage;

/** "What the network sees": a 28×28 input enlarged with hard pixel edges, white ink on black as in MNIST. */
public class MnistInputView extends View {
    private final Paint pixels = new Paint();   // no filtering: every input pixel stays a visible square
    private final Paint frame = new Paint();
    private Bitmap bitmap;

    public MnistInputView(Context context) {
        this(context, null);
    }

    public MnistInputView(Context context, AttributeSet attrs) {
        super(context, attrs);
        pixels.setFilterBitmap(false);
        frame.setColor(0xff000000);
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
        int wanted = Math.round(112 * getResources().getDisplayMetrics().density);   // 4 dp per input pixel
        int size = Math.min(resolveSize(wanted, widthSpec), resolveSize(wanted, heightSpec));
        setMeasuredDimension(size, size);
    }

    @Override
    protected void onDraw(Canvas canvas) {
        canvas.drawRect(0, 0, getWidth(), getHeight(), frame);
        if (bitmap != null) {
            canvas.drawBitmap(bitmap, null, new Rect(0, 0, getWidth(), getHeight()), pixels);
        }
    }
}
