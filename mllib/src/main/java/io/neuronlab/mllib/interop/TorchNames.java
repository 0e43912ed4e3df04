package io.neuronlab.mllib.interop;

import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.tensor.Tensor;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An mllib network's tensors under PyTorch's state-dict names and layouts. Layer names are the path of container
 * names ({@code layer1.0.conv1}), which the builders of {@code io.neuronlab.mllib.models} choose as torchvision
 * does; per layer:
 * <ul>
 *   <li>Conv2d: {@code weight} [out, in, k, k] (the same OIHW layout), {@code bias} when it has one;</li>
 *   <li>Linear: {@code weight} [out, in] — PyTorch's is the transpose of mllib's [in, out] — and {@code bias};</li>
 *   <li>BatchNorm: {@code weight} (γ), {@code bias} (β), {@code running_mean}, {@code running_var} and PyTorch's
 *       {@code num_batches_tracked} (written as 0, ignored when read). mllib's {@link BatchNorm#pytorch} layers use
 *       PyTorch's ε and unbiased running variance, so the statistics mean the same on both sides.</li>
 * </ul>
 * Loading is strict, as {@code load_state_dict(strict=True)}: every tensor must be present with its shape, and the
 * file may hold no other; nothing is changed unless everything fits.
 */
public final class TorchNames {
    private static final String BATCHES = "num_batches_tracked";

    private TorchNames() {
    }

    /** One PyTorch tensor and where it lives in mllib. */
    private record Slot(Tensor tensor, boolean transposed) {
    }

    private static Map<String, Slot> slots(Layer model) {
        Map<String, Slot> out = new LinkedHashMap<>();
        walk("", model, out);
        return out;
    }

    private static void walk(String prefix, Layer layer, Map<String, Slot> out) {
        if (!layer.children().isEmpty()) {
            for (Map.Entry<String, Layer> c : layer.children().entrySet()) {
                walk(prefix + c.getKey() + ".", c.getValue(), out);
            }
            return;
        }
        if (layer instanceof Conv2d conv) {
            out.put(prefix + "weight", new Slot(conv.weight(), false));
            if (conv.hasBias()) {
                out.put(prefix + "bias", new Slot(conv.bias(), false));
            }
        } else if (layer instanceof Linear linear) {
            out.put(prefix + "weight", new Slot(linear.weight(), true));
            out.put(prefix + "bias", new Slot(linear.bias(), false));
        } else if (layer instanceof BatchNorm bn) {
            out.put(prefix + "weight", new Slot(bn.gamma(), false));
            out.put(prefix + "bias", new Slot(bn.beta(), false));
            out.put(prefix + "running_mean", new Slot(bn.runningMean(), false));
            out.put(prefix + "running_var", new Slot(bn.runningVar(), false));
            out.put(prefix + BATCHES, null);
        } else if (!layer.parameters().isEmpty() || !layer.buffers().isEmpty()) {
            throw new IllegalArgumentException("layer '" + prefix.replaceAll("\\.$", "") + "' " + layer
                + " has no PyTorch counterpart in TorchNames");
        }
    }

    /** The state dict PyTorch's module of the same architecture has: name → tensor in PyTorch's layout. */
    public static Safetensors stateDict(Layer model, Map<String, String> metadata) {
        Map<String, Safetensors.Entry> out = new LinkedHashMap<>();
        for (Map.Entry<String, Slot> e : slots(model).entrySet()) {
            Slot s = e.getValue();
            if (s == null) {
                out.put(e.getKey(), Safetensors.Entry.ofLongs(new long[] {0}));
            } else if (s.transposed()) {
                int[] shape = s.tensor().shape(); // [in, out]
                out.put(e.getKey(), Safetensors.Entry.of(transpose(s.tensor().data(), shape[0], shape[1]), shape[1], shape[0]));
            } else {
                out.put(e.getKey(), Safetensors.Entry.of(s.tensor().data().clone(), s.tensor().shape()));
            }
        }
        return new Safetensors(out, metadata);
    }

    /**
     * Copies a PyTorch state dict into {@code model}. Everything is checked first — names, shapes, that nothing is
     * missing or left over — and the message names the first problem; on error {@code model} is unchanged.
     */
    public static void load(Layer model, Safetensors file, String source) throws IOException {
        String where = "weights " + source + ": ";
        Map<String, Slot> slots = slots(model);
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            Safetensors.Entry src = file.tensors().get(e.getKey());
            Slot s = e.getValue();
            if (src == null) {
                if (s == null) {
                    continue; // PyTorch itself accepts a state dict without num_batches_tracked
                }
                throw new IOException(where + "tensor '" + e.getKey() + "' " + Arrays.toString(torchShape(s))
                    + " is missing (is this the right --net?)");
            }
            if (s == null) {
                continue;
            }
            if (!src.isFloat()) {
                throw new IOException(where + "tensor '" + e.getKey() + "' holds integers, a float tensor was expected");
            }
            if (!Arrays.equals(src.shape(), torchShape(s))) {
                throw new IOException(where + "tensor '" + e.getKey() + "' has shape " + Arrays.toString(src.shape())
                    + ", the network needs " + Arrays.toString(torchShape(s)));
            }
        }
        for (String name : file.tensors().keySet()) {
            if (!slots.containsKey(name)) {
                throw new IOException(where + "tensor '" + name + "' belongs to no layer of the network"
                    + " (is this the right --net, or does the file hold auxiliary heads?)");
            }
        }
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            Slot s = e.getValue();
            if (s == null) {
                continue;
            }
            float[] src = file.tensors().get(e.getKey()).floats();
            float[] dst = s.tensor().data();
            if (s.transposed()) {
                int[] shape = s.tensor().shape(); // mllib [in, out], the file [out, in]
                System.arraycopy(transpose(src, shape[1], shape[0]), 0, dst, 0, dst.length);
            } else {
                System.arraycopy(src, 0, dst, 0, dst.length);
            }
        }
    }

    private static int[] torchShape(Slot s) {
        int[] shape = s.tensor().shape();
        return s.transposed() ? new int[] {shape[1], shape[0]} : shape;
    }

    /** {@code [rows, cols]} → {@code [cols, rows]}. */
    private static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
    }
}
