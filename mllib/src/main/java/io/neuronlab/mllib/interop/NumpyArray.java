package io.neuronlab.mllib.interop;

import java.util.Arrays;

/**
 * One numpy array read from a pickle: its dtype as numpy names it ({@code float64}, {@code float32}), its shape, and
 * its values in row-major (C) order whatever order and byte order the file stored them in. Kept in double so a
 * float64 array loses nothing until the caller converts it.
 */
public record NumpyArray(String dtype, int[] shape, double[] values) {
    public static NumpyArray of(String dtype, double[] values, int... shape) {
        return new NumpyArray(dtype, shape.clone(), values);
    }

    public int numel() {
        return values.length;
    }

    /** The values rounded to float, as mllib computes. */
    public float[] toFloats() {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** {@code float64 [16, 1, 3, 3]}, as messages show it. */
    public String describe() {
        return dtype + " " + Arrays.toString(shape);
    }
}
