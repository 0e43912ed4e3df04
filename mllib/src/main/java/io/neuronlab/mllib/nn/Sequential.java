package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layers run in order, as the book's {@code OrderedDict} of layers in {@code MultiLayerNet}: the forward
 * goes through them first to last, the backward last to first.
 *
 * <p>Each layer has a name: given to {@link #add(String, Layer)}, or made by {@link #add(Layer)} from the
 * class name and a per-class counter, as the book does ({@code Linear1}, {@code ReLU1}, {@code Linear2}).
 * Parameters and buffers are named {@code "<layer>.<param>"}, e.g. {@code "Linear1.weight"}.
 */
public class Sequential extends Layer {
    private final LinkedHashMap<String, Layer> layers = new LinkedHashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    public Sequential(Layer... layers) {
        for (Layer l : layers) {
            add(l);
        }
    }

    /** Appends {@code layer} under an automatic name ({@code <ClassName><k>}); returns this for chaining. */
    public Sequential add(Layer layer) {
        String base = layer.getClass().getSimpleName();
        String name;
        do {
            int k = counters.merge(base, 1, Integer::sum);
            name = base + k;
        } while (layers.containsKey(name));
        return add(name, layer);
    }

    /** Appends {@code layer} under {@code name}; returns this for chaining. */
    public Sequential add(String name, Layer layer) {
        if (name == null || name.isEmpty() || name.indexOf('.') >= 0) {
            throw new IllegalArgumentException("layer name must be non-empty and contain no '.', got \"" + name + "\"");
        }
        if (layer == null) {
            throw new IllegalArgumentException("layer \"" + name + "\" is null");
        }
        if (layers.containsKey(name)) {
            throw new IllegalArgumentException("a layer named \"" + name + "\" already exists; names are "
                + layers.keySet());
        }
        layer.train(isTraining());
        layers.put(name, layer);
        return this;
    }

    /** The layers in order. */
    public List<Layer> layers() {
        return Collections.unmodifiableList(new ArrayList<>(layers.values()));
    }

    /** Name → layer, in order. */
    public LinkedHashMap<String, Layer> namedLayers() {
        return new LinkedHashMap<>(layers);
    }

    /** The layer called {@code name}. */
    public Layer layer(String name) {
        Layer l = layers.get(name);
        if (l == null) {
            throw new IllegalArgumentException("no layer named \"" + name + "\"; names are " + layers.keySet());
        }
        return l;
    }

    @Override
    public Map<String, Layer> children() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    }

    public int size() {
        return layers.size();
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor h = x;
        for (Layer l : layers.values()) {
            h = l.forward(h);
        }
        return h;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        List<Layer> order = new ArrayList<>(layers.values());
        Tensor g = gradOutput;
        for (int i = order.size() - 1; i >= 0; i--) {
            g = order.get(i).backward(g);
        }
        return g;
    }

    /** Backward through every layer, but the first layer computes no input gradient (see {@link Layer#backwardParameters}). */
    @Override
    public void backwardParameters(Tensor gradOutput) {
        List<Layer> order = new ArrayList<>(layers.values());
        Tensor g = gradOutput;
        for (int i = order.size() - 1; i >= 1; i--) {
            g = order.get(i).backward(g);
        }
        if (!order.isEmpty()) {
            order.get(0).backwardParameters(g);
        }
    }

    /** Every layer's parameters as {@code "<layer>.<param>"} → tensor, in layer order. */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (Map.Entry<String, Layer> e : layers.entrySet()) {
            for (Map.Entry<String, Tensor> p : e.getValue().parameters().entrySet()) {
                all.put(e.getKey() + "." + p.getKey(), p.getValue());
            }
        }
        return Collections.unmodifiableMap(all);
    }

    /** Same as {@link #namedParameters()}. */
    @Override
    public Map<String, Tensor> parameters() {
        return namedParameters();
    }

    /** Every layer's buffers as {@code "<layer>.<buffer>"} → tensor. */
    @Override
    public Map<String, Tensor> buffers() {
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (Map.Entry<String, Layer> e : layers.entrySet()) {
            for (Map.Entry<String, Tensor> b : e.getValue().buffers().entrySet()) {
                all.put(e.getKey() + "." + b.getKey(), b.getValue());
            }
        }
        return Collections.unmodifiableMap(all);
    }

    /** Switches buffer reuse on or off for this and every layer (see {@link Layer#reuseBuffers}). */
    @Override
    public void reuseBuffers(boolean on) {
        super.reuseBuffers(on);
        for (Layer l : layers.values()) {
            l.reuseBuffers(on);
        }
    }

    /** Switches this and every layer between training and evaluation. */
    @Override
    public void train(boolean on) {
        super.train(on);
        for (Layer l : layers.values()) {
            l.train(on);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential(");
        for (Map.Entry<String, Layer> e : layers.entrySet()) {
            sb.append("\n  ").append(e.getKey()).append(": ").append(e.getValue());
        }
        return sb.append(layers.isEmpty() ? ")" : "\n)").toString();
    }
}
