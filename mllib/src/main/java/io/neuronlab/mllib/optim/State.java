package io.neuronlab.mllib.optim;

import java.util.List;

/** Per-parameter state arrays (velocity, squared-gradient sums), created at a parameter's first update. */
final class State {
    private final float[][] arrays;

    State(List<?> params) {
        arrays = new float[params.size()][];
    }

    /** The state of parameter {@code index}, zeros of {@code length} the first time. */
    float[] of(int index, int length) {
        float[] a = arrays[index];
        if (a == null) {
            a = new float[length];
            arrays[index] = a;
        }
        return a;
    }
}
