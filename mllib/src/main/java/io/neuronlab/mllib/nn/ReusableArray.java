package io.neuronlab.mllib.nn;

/**
 * A float array a layer writes on every batch (its output, its input gradient). With reuse off it is a new
 * array each time; with reuse on ({@link Layer#reuseBuffers}) the same array comes back while the size
 * repeats, so a training loop makes no garbage — the price is that the layer's next call overwrites it.
 */
final class ReusableArray {
    private float[] data;

    /** {@code size} floats; when reused, they still hold the last call's values: the caller overwrites all. */
    float[] get(int size, boolean reuse) {
        if (!reuse) {
            data = null;
            return new float[size];
        }
        if (data == null || data.length != size) {
            data = new float[size];
        }
        return data;
    }
}
