package io.neuronlab.mllib.loss;

import io.neuronlab.mllib.tensor.Tensor;

/**
 * A loss as a layer at the end of the network, as in the book: {@link #forward} returns the mini-batch
 * mean loss and caches what {@link #backward} needs; {@link #backward} returns dL/d(output).
 * Targets are either one-hot/real-valued of the output's shape, or label indices of shape [N].
 */
public interface Loss {
    /** Loss of {@code output} ([N, ...]) against {@code target}, averaged over the batch. */
    float forward(Tensor output, Tensor target);

    /** dL/d(output) for the last {@link #forward}, same shape as that output. */
    Tensor backward();

    /**
     * The loss as a one-element tensor joined to autograd: {@code loss.call(model.call(x), t).backward()} runs
     * {@link #backward()} scaled by the incoming gradient and sends it to {@code output}. The target gets no
     * gradient.
     */
    default Tensor call(Tensor output, Tensor target) {
        Tensor value = Tensor.scalar(forward(output, target));
        return Tensor.record(value, getClass().getSimpleName(), g -> {
            Tensor d = backward();
            float scale = g.item();
            if (scale != 1f) {
                float[] v = d.data();
                for (int i = 0; i < v.length; i++) {
                    v[i] *= scale;
                }
            }
            output.receiveGrad(d);
        }, output);
    }
}
