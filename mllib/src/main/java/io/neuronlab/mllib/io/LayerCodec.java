package io.neuronlab.mllib.io;

import io.neuronlab.mllib.nn.Layer;

import java.util.Map;

/**
 * How one kind of layer is saved and rebuilt: {@link #describe} writes its hyper-parameters into a
 * {@link LayerSpec}; {@link #build} makes a fresh layer from them (its weights are then filled from the
 * file's tensors). Register codecs for your own layers with {@link LayerCodecs#register}.
 */
public interface LayerCodec<L extends Layer> {
    /** The kind written to the file, e.g. "Linear"; unique in a registry. */
    String kind();

    /** The layer class this codec handles (exact class). */
    Class<L> layerType();

    /** Adds {@code layer}'s hyper-parameters to {@code spec}. */
    void describe(L layer, LayerSpec spec);

    /** A new layer with the hyper-parameters of {@code spec} (weights arbitrary: they are loaded after). */
    L build(LayerSpec spec) throws ModelFormatException;

    /**
     * The tensors (parameters, then buffers, by their names in the layer) that {@link #build} would allocate for
     * {@code spec}, so that a loader can check the sizes a file declares against the tensors it actually holds
     * before allocating anything; {@code null} when this codec cannot tell (the layer is then built first).
     */
    default Map<String, int[]> tensorShapes(LayerSpec spec) throws ModelFormatException {
        return null;
    }

    /**
     * The trained parameters among {@link #tensorShapes} (buffers such as running statistics left out), so that a
     * network's size can be counted from its specs without allocating it; {@code null} when this codec cannot tell.
     */
    default Map<String, int[]> parameterShapes(LayerSpec spec) throws ModelFormatException {
        return tensorShapes(spec);
    }

    /** A short human form for messages, e.g. "Linear(400→120)". */
    default String summary(LayerSpec spec) {
        return spec.describe();
    }
}
