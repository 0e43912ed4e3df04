package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** What the container layers ({@link Residual}, {@link Concat}) share: their children's tensors under dotted names. */
final class Containers {
    private Containers() {
    }

    /** {@code "<child>.<name>"} → tensor for every child, in order; {@code of} picks parameters or buffers. */
    static Map<String, Tensor> prefixed(Map<String, Layer> children, Function<Layer, Map<String, Tensor>> of) {
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (Map.Entry<String, Layer> c : children.entrySet()) {
            for (Map.Entry<String, Tensor> t : of.apply(c.getValue()).entrySet()) {
                all.put(c.getKey() + "." + t.getKey(), t.getValue());
            }
        }
        return Collections.unmodifiableMap(all);
    }

    static void requireName(String name, String what) {
        if (name == null || name.isEmpty() || name.indexOf('.') >= 0) {
            throw new IllegalArgumentException(what + " name must be non-empty and contain no '.', got \"" + name + "\"");
        }
    }
}
