package io.neuronlab.mllib.io;

import io.neuronlab.mllib.nn.Layer;

import java.util.LinkedHashMap;

/**
 * The codec of a layer made of layers (a nested {@code Sequential}, a {@code Residual}, a {@code Concat}): the
 * registry saves its {@link Layer#children() children} as child specs, rebuilds them first and hands them to
 * {@link #assemble}. Nested architectures are written as format version 2.
 */
public interface ContainerCodec<L extends Layer> extends LayerCodec<L> {
    /** The layer rebuilt around its already rebuilt children, by name in file order. */
    L assemble(LayerSpec spec, LinkedHashMap<String, Layer> children) throws ModelFormatException;

    /** A container cannot be built without its children: {@link LayerCodecs#build} calls {@link #assemble}. */
    @Override
    default L build(LayerSpec spec) throws ModelFormatException {
        throw new ModelFormatException("layer '" + spec.name() + "' (" + spec.kind() + ") is built with its children");
    }
}
