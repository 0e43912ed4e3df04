package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer, as in the book: {@link #forward} computes the output and keeps what the backward pass needs;
 * {@link #backward} takes dL/d(output), returns dL/d(input) and adds the parameter gradients into each
 * parameter's {@link Tensor#grad()}. Both sit next to each other in every subclass.
 *
 * <p>{@link #call} runs {@link #forward} and, when autograd is recording, joins the graph so that
 * {@code loss.backward()} reaches this layer's parameters. Caches hold the most recent forward only: run
 * backward before the next forward of the same layer.
 *
 * <h2>Threads</h2>
 * Inference may be shared: in evaluation mode ({@code train(false)}, as after {@code Trainer.fit} or loading a
 * model file) with buffer reuse off, {@link #forward} may be called on one layer — or one network — by several
 * threads at once. A forward then reads only its input and the parameters and takes its scratch memory per call
 * ({@link #keepsScratch()}), so every caller gets the output for its own input. Everything else is for one thread
 * at a time: training ({@code train(true)}), {@link #backward}, {@link #reuseBuffers reuseBuffers(true)} and
 * changing the parameters. The caches a forward leaves for {@link #backward} belong to whichever call finished
 * last, so a backward after concurrent forwards is meaningless.
 */
public abstract class Layer {
    private boolean training = true;
    private boolean reuseBuffers;

    /** Computes the output for input {@code x}; caches what {@link #backward} needs. */
    public abstract Tensor forward(Tensor x);

    /** Given dL/d(output) of the last forward, returns dL/d(input) and accumulates parameter gradients. */
    public abstract Tensor backward(Tensor gradOutput);

    /**
     * Backward when nothing needs dL/d(input) — the first layer of a network being trained, whose input is data:
     * accumulates the parameter gradients only. Layers that can skip the input gradient's work override it
     * ({@link Conv2d} saves a GEMM and col2im per image; PyTorch skips the same work).
     */
    public void backwardParameters(Tensor gradOutput) {
        backward(gradOutput);
    }

    /** Trainable parameters by name ("weight", "bias", ...), in a stable order. Empty by default. */
    public Map<String, Tensor> parameters() {
        return Collections.emptyMap();
    }

    /**
     * The layers this one is made of, by name, in order (a {@link Sequential}'s layers, a {@link Residual}'s branch,
     * a {@link Concat}'s branches), as PyTorch's {@code named_children()}; empty for a plain layer. A container's
     * parameters and buffers are its children's, named {@code "<child>.<name>"}.
     */
    public Map<String, Layer> children() {
        return Collections.emptyMap();
    }

    /** Non-trained state saved with the model (BatchNorm's running statistics). Empty by default. */
    public Map<String, Tensor> buffers() {
        return Collections.emptyMap();
    }

    /** Switches between training behaviour (dropout active, batch statistics) and evaluation. */
    public void train(boolean on) {
        this.training = on;
    }

    public boolean isTraining() {
        return training;
    }

    /**
     * With reuse on, the layer writes its output and input gradient into the same arrays batch after batch
     * (no garbage in a training loop), so a tensor it returned is overwritten by its next call. The
     * {@link io.neuronlab.mllib.train.Trainer} switches it on for a fit and off afterwards; off by default, so a
     * caller who keeps two outputs gets two.
     */
    public void reuseBuffers(boolean on) {
        this.reuseBuffers = on;
    }

    public boolean reusesBuffers() {
        return reuseBuffers;
    }

    /**
     * Whether this layer may keep scratch arrays (im2col columns, pooling indices, normalised inputs) from one
     * forward to the next: while training or reusing buffers — both single-caller. In plain evaluation mode a
     * forward takes fresh scratch, which is what makes concurrent inference safe (see the class comment).
     */
    protected final boolean keepsScratch() {
        return training || reuseBuffers;
    }

    /** Clears the gradients of every parameter (with buffer reuse on: zeros in place, see {@link Tensor#zeroGradInPlace}). */
    public void zeroGrad() {
        for (Tensor p : parameters().values()) {
            if (reuseBuffers) {
                p.zeroGradInPlace();
            } else {
                p.zeroGrad();
            }
        }
    }

    /** Forward that also records itself for autograd: the recorded backward is this layer's {@link #backward}. */
    public Tensor call(Tensor x) {
        Tensor y = forward(x);
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(x);
        inputs.addAll(parameters().values());
        return Tensor.record(y, getClass().getSimpleName(), g -> x.receiveGrad(backward(g)),
            inputs.toArray(new Tensor[0]));
    }

    /** Helper for subclasses: an ordered, unmodifiable name → tensor map. */
    protected static Map<String, Tensor> named(Object... nameTensorPairs) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < nameTensorPairs.length; i += 2) {
            m.put((String) nameTensorPairs[i], (Tensor) nameTensorPairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
