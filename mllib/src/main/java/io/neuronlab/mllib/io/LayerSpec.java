package io.neuronlab.mllib.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One layer of a saved architecture: its name in the model ("fc1"), its kind ("Linear"), its
 * hyper-parameters in a fixed order ({@code in=400, out=120}) and, for a container (a nested Sequential, a residual
 * block, an Inception block), the specs of its children in order. Values are {@link Integer}, {@link Float},
 * {@link Boolean} or {@link String}. Weights are not part of the spec; they are the file's named tensors.
 */
public final class LayerSpec {
    private final String name;
    private final String kind;
    private final Map<String, Object> hyperparameters = new LinkedHashMap<>();
    private final List<LayerSpec> children = new ArrayList<>();

    public LayerSpec(String name, String kind) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Adds a hyper-parameter (builder style); returns this. */
    public LayerSpec with(String key, Object value) {
        if (!(value instanceof Integer || value instanceof Float || value instanceof Boolean || value instanceof String)) {
            throw new IllegalArgumentException("hyper-parameter '" + key + "' of layer '" + name
                + "' must be an Integer, Float, Boolean or String, not " + (value == null ? "null" : value.getClass().getName()));
        }
        hyperparameters.put(key, value);
        return this;
    }

    /** Appends a child layer's spec (containers only); returns this. */
    public LayerSpec withChild(LayerSpec child) {
        children.add(Objects.requireNonNull(child, "child"));
        return this;
    }

    /** The children's specs in order; empty for a plain layer (unmodifiable). */
    public List<LayerSpec> children() {
        return Collections.unmodifiableList(children);
    }

    /** Whether this spec or any below it has children (a file with nesting needs format version 2). */
    public boolean nested() {
        return !children.isEmpty();
    }

    public String name() {
        return name;
    }

    public String kind() {
        return kind;
    }

    /** The hyper-parameters in the order they were added (unmodifiable). */
    public Map<String, Object> hyperparameters() {
        return Collections.unmodifiableMap(hyperparameters);
    }

    /** Whether the hyper-parameter {@code key} is present (optional ones are written only when not default). */
    public boolean has(String key) {
        return hyperparameters.containsKey(key);
    }

    public int intValue(String key) throws ModelFormatException {
        return get(key, Integer.class);
    }

    public float floatValue(String key) throws ModelFormatException {
        return get(key, Float.class);
    }

    public boolean booleanValue(String key) throws ModelFormatException {
        return get(key, Boolean.class);
    }

    public String stringValue(String key) throws ModelFormatException {
        return get(key, String.class);
    }

    private <T> T get(String key, Class<T> type) throws ModelFormatException {
        Object v = hyperparameters.get(key);
        if (v == null) {
            throw new ModelFormatException("layer '" + name + "' (" + kind + ") has no hyper-parameter '" + key
                + "'; it has " + hyperparameters.keySet());
        }
        if (!type.isInstance(v)) {
            throw new ModelFormatException("layer '" + name + "' (" + kind + "): hyper-parameter '" + key + "' is a "
                + v.getClass().getSimpleName() + ", expected " + type.getSimpleName());
        }
        return type.cast(v);
    }

    /** Same kind and hyper-parameters, and children with the same names and architectures (this name is not compared). */
    public boolean sameArchitecture(LayerSpec other) {
        if (!kind.equals(other.kind) || !hyperparameters.equals(other.hyperparameters)
            || children.size() != other.children.size()) {
            return false;
        }
        for (int i = 0; i < children.size(); i++) {
            if (!children.get(i).equals(other.children.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** "Linear(in=400, out=120)". */
    public String describe() {
        StringBuilder b = new StringBuilder(kind).append('(');
        boolean first = true;
        for (Map.Entry<String, Object> e : hyperparameters.entrySet()) {
            if (!first) {
                b.append(", ");
            }
            first = false;
            b.append(e.getKey()).append('=').append(e.getValue());
        }
        if (!children.isEmpty()) {
            b.append(first ? "" : ", ").append(children.size()).append(children.size() == 1 ? " child" : " children");
        }
        return b.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerSpec && name.equals(((LayerSpec) o).name) && sameArchitecture((LayerSpec) o);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, hyperparameters, children);
    }

    @Override
    public String toString() {
        return "'" + name + "' " + describe();
    }
}
