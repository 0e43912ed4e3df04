package io.neuronlab.app.draw;

import io.neuronlab.mllib.digits.Stroke;
import java.util.ArrayList;
import java.util.List;

/**
 * A finger drawing: its strokes, in the pixels of a square canvas {@link #side} wide. Owned by the Draw screen's
 * ViewModel, so it outlives the canvas view (rotation); a canvas of another size rescales it to its own.
 */
public final class Drawing {
    final List<Stroke> strokes = new ArrayList<>();
    float side;

    /** Rescales the strokes to a canvas {@code newSide} pixels wide. */
    void fitTo(float newSide) {
        if (side > 0 && newSide > 0 && side != newSide) {
            float factor = newSide / side;
            for (int i = 0; i < strokes.size(); i++) {
                strokes.set(i, strokes.get(i).scaled(factor));
            }
        }
        if (newSide > 0) side = newSide;
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }
}
