package io.neuronlab.app.draw;

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.graphics.Paint;
import android.graphics.Rect;
import android.util.AttributeSet;
import android.view.View;

import androidx.core.content.ContextCompat;

import io.neuronlab.app.R;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Activations of convolution layers as grids of small grey images, one row block per layer: each channel of a
 * {@code [1, C, H, W]} activation scaled to its own maximum (bright = strongly active).
 */
public class FeatureMapsView extends View {
    private final Paint pixels = new Paint();
    private final Paint text = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final List<String> titles = new ArrayList<>();
    private final List<List<Bitmap>> maps = new ArrayList<>();

    public FeatureMapsView(Context context) {
        this(context, null);
    }

    public FeatureMapsView(Context context, AttributeSet attrs) {
        super(context, attrs);
        pixels.setFilterBitmap(false);
        text.setColor(ContextCompat.getColor(context, R.color.on_surface));
        text.setTextSize(14 * getResources().getDisplayMetrics().scaledDensity);
    }

    /** @param activations one {@code [1, C, H, W]} tensor per layer, titled */
    public void setMaps(List<String> layerTitles, List<Tensor> activations) {
        titles.clear();
        maps.clear();
        for (int l = 0; l < activations.size(); l++) {
            Tensor t = activations.get(l);
            int c = t.size(1), h = t.size(2), w = t.size(3);
            float[] d = t.data();
            List<Bitmap> channels = new ArrayList<>();
            for (int ch = 0; ch < c; ch++) {
                float max = 1e-6f;
                for (int i = 0; i < h * w; i++) max = Math.max(max, d[ch * h * w + i]);
                int[] argb = new int[h * w];
                for (int i = 0; i < h * w; i++) {
                    int v = Math.round(Math.max(0, d[ch * h * w + i]) / max * 255);
                    argb[i] = 0xff000000 | (v << 16) | (v << 8) | v;
                }
                channels.add(Bitmap.createBitmap(argb, w, h, Bitmap.Config.ARGB_8888));
            }
            titles.add(layerTitles.get(l));
            maps.add(channels);
        }
        requestLayout();
        invalidate();
    }

    private int columns() {
        return 8;
    }

    @Override
    protected void onMeasure(int widthSpec, int heightSpec) {
        int width = MeasureSpec.getSize(widthSpec);
        float cell = width / (float) columns();
        float height = 0;
        for (List<Bitmap> m : maps) height += text.getTextSize() * 1.6f + cell * (int) Math.ceil(m.size() / (float) columns());
        setMeasuredDimension(width, resolveSize(Math.round(height), heightSpec));
    }

    @Override
    protected void onDraw(Canvas canvas) {
        float cell = getWidth() / (float) columns();
        float y = 0;
        for (int l = 0; l < maps.size(); l++) {
            y += text.getTextSize() * 1.2f;
            canvas.drawText(titles.get(l), 0, y, text);
            y += text.getTextSize() * 0.4f;
            List<Bitmap> m = maps.get(l);
            for (int k = 0; k < m.size(); k++) {
                int col = k % columns(), row = k / columns();
                int left = Math.round(col * cell + 2), top = Math.round(y + row * cell + 2);
                canvas.drawBitmap(m.get(k), null,
                    new Rect(left, top, Math.round(left + cell - 4), Math.round(top + cell - 4)), pixels);
            }
            y += cell * (int) Math.ceil(m.size() / (float) columns());
        }
    }
}
