package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Parallel;
import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A residual block (He et al. 2015): {@code y = branch(x) + shortcut(x)}, then a ReLU if asked — ResNet's
 * {@code BasicBlock}. The shortcut is the identity, or a {@code downsample} layer (a 1×1 stride-2 convolution and
 * batch norm) when the branch changes the shape. Shapes: input {@code [N, C, H, W]}, output the branch's.
 *
 * <p>Backward: the sum hands the same gradient to both paths, and their input gradients add up — which is why a
 * deep stack of blocks still passes gradient to its first layers: the identity path carries it unchanged.
 *
 * <p>The branch's layers are this block's children under their own names, and the shortcut is the child
 * {@code "downsample"}: parameters are named as in torchvision ({@code conv1.weight}, {@code downsample.0.weight}).
 */
public final class Residual extends Layer {
    /** The child name of the shortcut layer. */
    public static final String DOWNSAMPLE = "downsample";

    private final Sequential branch;
    private final Layer downsample; // null: identity
    private final boolean reluAfter;
    private final ReusableArray output = new ReusableArray();
    private final ReusableArray gradInput = new ReusableArray();
    private final ReusableArray gradSum = new ReusableArray();
    private Tensor lastOutput; // for the ReLU's mask in backward
    private int[] inShape;

    /**
     * @param branch     the main path, e.g. conv-bn-relu-conv-bn
     * @param downsample the shortcut layer, or {@code null} for the identity
     * @param reluAfter  apply a ReLU to the sum (ResNet does)
     */
    public Residual(Sequential branch, Layer downsample, boolean reluAfter) {
        if (branch == null) {
            throw new IllegalArgumentException("Residual needs a branch");
        }
        if (branch.namedLayers().containsKey(DOWNSAMPLE)) {
            throw new IllegalArgumentException("a Residual's branch cannot have a layer named \"" + DOWNSAMPLE
                + "\": that is the shortcut's name");
        }
        this.branch = branch;
        this.downsample = downsample;
        this.reluAfter = reluAfter;
        branch.train(isTraining());
        if (downsample != null) {
            downsample.train(isTraining());
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor b = branch.forward(x);
        Tensor s = downsample == null ? x : downsample.forward(x);
        if (!java.util.Arrays.equals(b.shape(), s.shape())) {
            throw new IllegalArgumentException("Residual: the branch gives " + Shapes.toString(b.shape())
                + " but the shortcut gives " + Shapes.toString(s.shape()) + " for input " + Shapes.toString(x.shape())
                + (downsample == null ? "; a branch that changes the shape needs a downsample layer" : ""));
        }
        float[] bd = b.data();
        float[] sd = s.data();
        float[] y = output.get(bd.length, reusesBuffers());
        // branch-free loops HotSpot vectorises, both cores on big activations (as ReLU; a NaN stays NaN, as there)
        Parallel.forRange(y.length, y.length / Parallel.ELEMENTS_PER_SHARE, (part, from, to) -> {
            if (reluAfter) {
                for (int i = from; i < to; i++) {
                    y[i] = Math.max(bd[i] + sd[i], 0f);
                }
            } else {
                for (int i = from; i < to; i++) {
                    y[i] = bd[i] + sd[i];
                }
            }
        });
        Tensor out = Tensor.of(y, b.shape());
        inShape = x.shape();
        lastOutput = out;
        return out;
    }

    /** The gradient at the sum: {@code gradOutput}, masked by the ReLU if there is one. */
    private Tensor gradAtSum(Tensor gradOutput) {
        if (lastOutput == null) {
            throw new IllegalStateException("Residual.backward called before forward");
        }
        Shapes.requireSame("Residual.backward: gradOutput vs output", gradOutput.shape(), lastOutput.shape());
        if (!reluAfter) {
            return gradOutput;
        }
        float[] g = gradOutput.data();
        float[] y = lastOutput.data();
        float[] d = gradSum.get(g.length, reusesBuffers());
        for (int i = 0; i < d.length; i++) {
            d[i] = y[i] > 0f ? g[i] : 0f;
        }
        return Tensor.of(d, gradOutput.shape());
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor g = gradAtSum(gradOutput);
        float[] fromBranch = branch.backward(g).data();
        float[] fromShortcut = downsample == null ? g.data() : downsample.backward(g).data();
        float[] dx = gradInput.get(fromBranch.length, reusesBuffers());
        for (int i = 0; i < dx.length; i++) {
            dx[i] = fromBranch[i] + fromShortcut[i];
        }
        return Tensor.of(dx, inShape);
    }

    @Override
    public void backwardParameters(Tensor gradOutput) {
        Tensor g = gradAtSum(gradOutput);
        branch.backwardParameters(g);
        if (downsample != null) {
            downsample.backwardParameters(g);
        }
    }

    /** The main path. */
    public Sequential branch() {
        return branch;
    }

    /** The shortcut layer, or {@code null} for the identity. */
    public Layer downsample() {
        return downsample;
    }

    public boolean reluAfter() {
        return reluAfter;
    }

    @Override
    public Map<String, Layer> children() {
        Map<String, Layer> c = new LinkedHashMap<>(branch.namedLayers());
        if (downsample != null) {
            c.put(DOWNSAMPLE, downsample);
        }
        return Collections.unmodifiableMap(c);
    }

    @Override
    public Map<String, Tensor> parameters() {
        return Containers.prefixed(children(), Layer::parameters);
    }

    @Override
    public Map<String, Tensor> buffers() {
        return Containers.prefixed(children(), Layer::buffers);
    }

    @Override
    public void train(boolean on) {
        super.train(on);
        branch.train(on);
        if (downsample != null) {
            downsample.train(on);
        }
    }

    @Override
    public void reuseBuffers(boolean on) {
        super.reuseBuffers(on);
        branch.reuseBuffers(on);
        if (downsample != null) {
            downsample.reuseBuffers(on);
        }
    }

    @Override
    public String toString() {
        return "Residual(" + branch.size() + " layers" + (downsample == null ? ", identity" : ", downsample")
            + (reluAfter ? ", relu" : "") + ")";
    }
}
