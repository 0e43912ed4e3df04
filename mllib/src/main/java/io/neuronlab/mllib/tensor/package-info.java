/**
 * Tensors and reverse-mode autograd: {@link io.neuronlab.mllib.tensor.Tensor} (float32, row-major) with
 * NumPy-style broadcasting arithmetic, reductions, matmul, reshaping and batch selection; every
 * differentiable operation records its backward next to its forward; {@link io.neuronlab.mllib.tensor.NoGrad}
 * turns recording off.
 */
package io.neuronlab.mllib.tensor;
