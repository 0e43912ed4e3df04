package io.neuronlab.mllib.init;

import io.neuronlab.mllib.tensor.Shapes;

/**
 * Fan-in and fan-out of a weight tensor: how many inputs feed one output unit, and how many outputs one
 * input feeds.
 *
 * <ul>
 *   <li>Linear weight {@code [in, out]} (the book's layout): fanIn = in, fanOut = out.</li>
 *   <li>Conv2d weight {@code [outC, inC, kh, kw]}: fanIn = inC·kh·kw, fanOut = outC·kh·kw.</li>
 * </ul>
 */
public record Fans(int fanIn, int fanOut) {
    public Fans {
        if (fanIn <= 0 || fanOut <= 0) {
            throw new IllegalArgumentException("fan-in and fan-out must be > 0, got fanIn=" + fanIn + ", fanOut=" + fanOut);
        }
    }

    /** Fans of a Linear weight {@code [in, out]} or a Conv2d weight {@code [outC, inC, kh, kw]}. */
    public static Fans of(int[] weightShape) {
        if (weightShape.length == 2) {
            return new Fans(weightShape[0], weightShape[1]);
        }
        if (weightShape.length == 4) {
            int receptive = weightShape[2] * weightShape[3];
            return new Fans(weightShape[1] * receptive, weightShape[0] * receptive);
        }
        throw new IllegalArgumentException("fans are defined for a Linear weight [in, out] or a Conv2d weight "
            + "[outC, inC, kh, kw], not for shape " + Shapes.toString(weightShape));
    }
}
