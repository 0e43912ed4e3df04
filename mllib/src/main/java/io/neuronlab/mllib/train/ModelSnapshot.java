package io.neuronlab.mllib.train;

import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An in-memory copy of a model's parameters and buffers, to put the model back to an earlier state (the
 * trainer's last good checkpoint). Optimizer state (momenta, Adam moments) is not part of it.
 */
public final class ModelSnapshot {
    private final Map<String, float[]> values = new LinkedHashMap<>();

    private ModelSnapshot() {
    }

    /** Copies every parameter and buffer of {@code model}. */
    public static ModelSnapshot of(Layer model) {
        ModelSnapshot s = new ModelSnapshot();
        for (Map.Entry<String, Tensor> e : model.parameters().entrySet()) {
            s.values.put("param " + e.getKey(), e.getValue().data().clone());
        }
        for (Map.Entry<String, Tensor> e : model.buffers().entrySet()) {
            s.values.put("buffer " + e.getKey(), e.getValue().data().clone());
        }
        return s;
    }

    /** Writes the saved values back into {@code model}'s tensors (same names and sizes required). */
    public void restore(Layer model) {
        Map<String, Tensor> now = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : model.parameters().entrySet()) {
            now.put("param " + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Tensor> e : model.buffers().entrySet()) {
            now.put("buffer " + e.getKey(), e.getValue());
        }
        if (!now.keySet().equals(values.keySet())) {
            throw new IllegalArgumentException("snapshot holds " + values.keySet() + " but the model has " + now.keySet());
        }
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            float[] dst = now.get(e.getKey()).data();
            if (dst.length != e.getValue().length) {
                throw new IllegalArgumentException(e.getKey() + " has " + dst.length + " values, the snapshot "
                    + e.getValue().length);
            }
            System.arraycopy(e.getValue(), 0, dst, 0, dst.length);
        }
    }

    /** True if {@code model} currently holds exactly the saved values. */
    public boolean matches(Layer model) {
        ModelSnapshot now = of(model);
        if (!now.values.keySet().equals(values.keySet())) {
            return false;
        }
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            if (!Arrays.equals(e.getValue(), now.values.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
