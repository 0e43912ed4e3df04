package io.neuronlab.mllib.tensor;

/**
 * The backward half of a differentiable operation: given dL/d(output), add dL/d(input) into each input that
 * requires a gradient (use {@link Tensor#accumulateGrad(Tensor)}, never overwrite: a tensor used twice gets
 * the sum of both paths).
 */
@FunctionalInterface
public interface Backward {
    void apply(Tensor gradOutput);
}
