package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parallel branches whose outputs are stacked along the channels — GoogLeNet's Inception block: every branch sees
 * the same input {@code [N, C, H, W]} and gives {@code [N, Cᵢ, H', W']} (same N, H', W'); the output is
 * {@code [N, ΣCᵢ, H', W']}, branches in order. Backward: each branch gets its slice of the gradient, and the input
 * gradients of all branches add up (the input fed every branch).
 *
 * <p>Branches are this layer's children by name ({@code branch1}, …): parameters are named
 * {@code "branch2.0.conv.weight"}, as in torchvision's {@code Inception}.
 */
public final class Concat extends Layer {
    private final LinkedHashMap<String, Layer> branches;
    private final ReusableArray output = new ReusableArray();
    private final ReusableArray gradInput = new ReusableArray();
    private int[] channels;   // per branch, of the last forward
    private int[] outShape;
    private int[] inShape;

    /** Branches by name, in the order their channels are stacked. */
    public Concat(Map<String, Layer> branches) {
        if (branches == null || branches.isEmpty()) {
            throw new IllegalArgumentException("Concat needs at least one branch");
        }
        for (Map.Entry<String, Layer> e : branches.entrySet()) {
            Containers.requireName(e.getKey(), "Concat branch");
            if (e.getValue() == null) {
                throw new IllegalArgumentException("Concat branch \"" + e.getKey() + "\" is null");
            }
        }
        this.branches = new LinkedHashMap<>(branches);
    }

    @Override
    public Tensor forward(Tensor x) {
        List<Tensor> outs = new ArrayList<>(branches.size());
        int[] first = null;
        int total = 0;
        int[] ch = new int[branches.size()];
        int b = 0;
        for (Map.Entry<String, Layer> e : branches.entrySet()) {
            Tensor y = e.getValue().forward(x);
            int[] s = y.shape();
            if (s.length != 4) {
                throw new IllegalArgumentException("Concat branch \"" + e.getKey() + "\" gives " + Shapes.toString(s)
                    + "; branches must give images [N, C, H, W]");
            }
            if (first == null) {
                first = s;
            } else if (s[0] != first[0] || s[2] != first[2] || s[3] != first[3]) {
                throw new IllegalArgumentException("Concat branch \"" + e.getKey() + "\" gives " + Shapes.toString(s)
                    + " but the first branch gives " + Shapes.toString(first) + "; N, H and W must agree");
            }
            ch[b++] = s[1];
            total += s[1];
            outs.add(y);
        }
        int n = first[0];
        int plane = first[2] * first[3];
        float[] y = output.get(n * total * plane, reusesBuffers());
        int offset = 0;
        for (int i = 0; i < outs.size(); i++) {
            float[] src = outs.get(i).data();
            int block = ch[i] * plane;
            for (int img = 0; img < n; img++) {
                System.arraycopy(src, img * block, y, (img * total + offset) * plane, block);
            }
            offset += ch[i];
        }
        int[] shape = {n, total, first[2], first[3]};
        channels = ch;
        inShape = x.shape();
        outShape = shape;
        return Tensor.of(y, shape);
    }

    /** Branch {@code i}'s slice of the gradient. */
    private Tensor slice(float[] g, int i) {
        int n = outShape[0];
        int plane = outShape[2] * outShape[3];
        int offset = 0;
        for (int j = 0; j < i; j++) {
            offset += channels[j];
        }
        int block = channels[i] * plane;
        float[] part = new float[n * block];
        for (int img = 0; img < n; img++) {
            System.arraycopy(g, (img * outShape[1] + offset) * plane, part, img * block, block);
        }
        return Tensor.of(part, n, channels[i], outShape[2], outShape[3]);
    }

    private float[] checkedGradient(Tensor gradOutput) {
        if (outShape == null) {
            throw new IllegalStateException("Concat.backward called before forward");
        }
        Shapes.requireSame("Concat.backward: gradOutput vs output", gradOutput.shape(), outShape);
        return gradOutput.data();
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        float[] g = checkedGradient(gradOutput);
        float[] dx = gradInput.get(Shapes.numel(inShape), reusesBuffers());
        java.util.Arrays.fill(dx, 0f);
        int i = 0;
        for (Layer branch : branches.values()) {
            float[] d = branch.backward(slice(g, i++)).data();
            for (int k = 0; k < dx.length; k++) {
                dx[k] += d[k];
            }
        }
        return Tensor.of(dx, inShape);
    }

    @Override
    public void backwardParameters(Tensor gradOutput) {
        float[] g = checkedGradient(gradOutput);
        int i = 0;
        for (Layer branch : branches.values()) {
            branch.backwardParameters(slice(g, i++));
        }
    }

    @Override
    public Map<String, Layer> children() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(branches));
    }

    @Override
    public Map<String, Tensor> parameters() {
        return Containers.prefixed(branches, Layer::parameters);
    }

    @Override
    public Map<String, Tensor> buffers() {
        return Containers.prefixed(branches, Layer::buffers);
    }

    @Override
    public void train(boolean on) {
        super.train(on);
        for (Layer l : branches.values()) {
            l.train(on);
        }
    }

    @Override
    public void reuseBuffers(boolean on) {
        super.reuseBuffers(on);
        for (Layer l : branches.values()) {
            l.reuseBuffers(on);
        }
    }

    @Override
    public String toString() {
        return "Concat" + branches.keySet();
    }
}
