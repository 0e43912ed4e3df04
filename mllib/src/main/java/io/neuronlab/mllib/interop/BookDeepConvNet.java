package io.neuronlab.mllib.interop;

import io.neuronlab.mllib.models.DeepCnn;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book's chapter-8 {@code DeepConvNet} parameters ({@code deep_convnet_params.pkl}, written by its
 * {@code save_params}: a dict of float64 arrays) loaded into mllib's {@link DeepCnn}, which has the same layers:
 * <pre>
 *   W1..W6  [out, in, 3, 3]  conv1..conv6 weight (the same layout)     b1..b6 [out]  their biases
 *   W7      [1024, 50]       fc1 weight (the book's Affine is [in, out], as mllib's Linear)   b7 [50]
 *   W8      [50, 10]         fc2 weight                                                       b8 [10]
 * </pre>
 * <b>Dropout.</b> At evaluation the book's {@code Dropout} multiplies by {@code 1 − ratio} where mllib's inverted
 * dropout passes values through, and the book has one after each Affine. The book's logits are therefore
 * {@code d2·((d1·h)·W8 + b8)} with {@code d = 1 − 0.5}: fc2 gets {@code W8·d1·d2} and {@code b8·d2}
 * ({@link Dropout#bookEvaluationScale()}), so the loaded network in evaluation mode gives the book's
 * {@code predict(x, train_flg=False)} — the logits themselves, not only their argmax.
 *
 * <p>Loading is strict: every key must be present with its shape and no other key may be; a mismatch names the key
 * and both shapes, and nothing is changed unless everything fits.
 */
public final class BookDeepConvNet {
    private BookDeepConvNet() {
    }

    /** A {@link DeepCnn} in evaluation mode holding the parameters of the book's pickle. */
    public static Sequential read(File pickle) throws IOException {
        Sequential net = DeepCnn.create(0);
        load(net, NumpyPickle.read(pickle), pickle.getPath());
        net.train(false);
        return net;
    }

    /** Copies the book's parameters into {@code net} (built by {@link DeepCnn#create}); {@code source} names them. */
    public static void load(Sequential net, Map<String, NumpyArray> params, String source) {
        Map<String, Tensor> slots = slots(net);
        List<String> missing = new ArrayList<>();
        for (String key : slots.keySet()) {
            if (!params.containsKey(key)) {
                missing.add(key);
            }
        }
        List<String> extra = new ArrayList<>();
        for (String key : params.keySet()) {
            if (!slots.containsKey(key)) {
                extra.add(key);
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalArgumentException(source + ": not the book's DeepConvNet parameters"
                + (missing.isEmpty() ? "" : "; missing " + missing) + (extra.isEmpty() ? "" : "; unexpected " + extra)
                + " (expected W1..W8 and b1..b8)");
        }
        for (Map.Entry<String, Tensor> e : slots.entrySet()) {
            NumpyArray a = params.get(e.getKey());
            int[] want = e.getValue().shape();
            if (!Arrays.equals(a.shape(), want)) {
                throw new IllegalArgumentException(source + ": " + e.getKey() + " is " + a.describe() + ", the book's "
                    + "DeepConvNet (and mllib's deepcnn) needs " + Arrays.toString(want));
            }
        }
        for (Map.Entry<String, Tensor> e : slots.entrySet()) {
            float[] v = params.get(e.getKey()).toFloats();
            System.arraycopy(v, 0, e.getValue().data(), 0, v.length);
        }
        // The book's evaluation-time dropout, folded into fc2 (see the class comment).
        float d1 = dropout(net, "dropout1").bookEvaluationScale();
        float d2 = dropout(net, "dropout2").bookEvaluationScale();
        scale(linear(net, "fc2").weight(), d1 * d2);
        scale(linear(net, "fc2").bias(), d2);
    }

    /** The book's key → the mllib tensor it fills, in the book's order (W1, b1, ..., W8, b8). */
    private static Map<String, Tensor> slots(Sequential net) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            Layer layer = layer(net, "conv" + i);
            if (!(layer instanceof Conv2d conv) || !conv.hasBias()) {
                throw new IllegalArgumentException("conv" + i + " is " + layer + ", not DeepCnn's convolution");
            }
            out.put("W" + i, conv.weight());
            out.put("b" + i, conv.bias());
        }
        out.put("W7", linear(net, "fc1").weight());
        out.put("b7", linear(net, "fc1").bias());
        out.put("W8", linear(net, "fc2").weight());
        out.put("b8", linear(net, "fc2").bias());
        return out;
    }

    private static Layer layer(Sequential net, String name) {
        Layer layer = net.namedLayers().get(name);
        if (layer == null) {
            throw new IllegalArgumentException("the network has no layer '" + name + "'; build it with DeepCnn.create");
        }
        return layer;
    }

    private static Linear linear(Sequential net, String name) {
        Layer layer = layer(net, name);
        if (!(layer instanceof Linear linear)) {
            throw new IllegalArgumentException(name + " is " + layer + ", not DeepCnn's Linear");
        }
        return linear;
    }

    private static Dropout dropout(Sequential net, String name) {
        Layer layer = layer(net, name);
        if (!(layer instanceof Dropout dropout)) {
            throw new IllegalArgumentException(name + " is " + layer + ", not DeepCnn's Dropout");
        }
        return dropout;
    }

    private static void scale(Tensor t, float factor) {
        float[] v = t.data();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
    }
}
