package io.neuronlab.mllib.digits;

import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.NoGrad;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a network's first convolution layers detect in one input: each convolution's output after the layers
 * that keep its shape (its activation function, batch normalisation), as {@code [1, C, H, W]} feature maps.
 */
public final class FeatureMaps {
    private FeatureMaps() {
    }

    /** One layer's output: its name in the network, its kind ("Conv2d", "ReLU", …) and the values. */
    public record LayerOutput(String layerName, String kind, Tensor values) {
    }

    /** One convolution layer's feature maps. */
    public record Activation(String layerName, Tensor values) {
    }

    /**
     * What every top-level layer of {@code model} outputs for one input image (no gradients kept), in
     * order: {@code [1, C, H, W]} after convolutions and poolings, {@code [1, F]} after the flatten and the fully
     * connected layers; the last is the network's output.
     *
     * @throws IllegalArgumentException when {@code model} is not a {@link Sequential}
     */
    public static List<LayerOutput> layerByLayer(Layer model, GrayImage input) {
        if (!(model instanceof Sequential seq)) {
            throw new IllegalArgumentException("layer by layer needs a Sequential network, not "
                + model.getClass().getSimpleName());
        }
        List<LayerOutput> out = new ArrayList<>();
        Tensor x = Tensor.of(input.pixels().clone(), 1, 1, input.height(), input.width());
        try (NoGrad scope = NoGrad.enter()) {
            for (Map.Entry<String, Layer> e : seq.namedLayers().entrySet()) {
                x = e.getValue().forward(x);
                out.add(new LayerOutput(e.getKey(), e.getValue().getClass().getSimpleName(), x.copy()));
            }
        }
        return out;
    }

    /**
     * Runs {@code model} layer by layer on one 28×28 input and collects the feature maps of its first
     * {@code count} convolution layers. Empty when the model is not a {@link Sequential} or has no convolution.
     */
    public static List<Activation> ofFirstConvolutions(Layer model, GrayImage input, int count) {
        if (!(model instanceof Sequential seq)) return Collections.emptyList();
        List<Activation> out = new ArrayList<>();
        Tensor x = Tensor.of(input.pixels().clone(), 1, 1, input.height(), input.width());
        String name = null;
        Tensor candidate = null;
        try (NoGrad scope = NoGrad.enter()) {
            for (Map.Entry<String, Layer> e : seq.namedLayers().entrySet()) {
                Layer layer = e.getValue();
                x = layer.forward(x);
                if (layer instanceof Conv2d) {
                    if (candidate != null) out.add(new Activation(name, candidate.copy()));
                    if (out.size() == count) return out;
                    name = e.getKey();
                    candidate = x;
                } else if (candidate != null && Arrays.equals(x.shape(), candidate.shape())) {
                    candidate = x;   // ReLU, BatchNorm ...: the same maps, after the non-linearity
                } else if (candidate != null) {
                    out.add(new Activation(name, candidate.copy()));
                    candidate = null;
                    if (out.size() == count) return out;
                }
            }
        }
        if (candidate != null && out.size() < count) out.add(new Activation(name, candidate.copy()));
        return out;
    }
}
