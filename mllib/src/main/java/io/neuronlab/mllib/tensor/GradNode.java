package io.neuronlab.mllib.tensor;

/**
 * One recorded operation in the autograd graph: the tensors it read and how to push the gradient of its
 * output back into them. Created by {@link Tensor#record}; walked by {@link Tensor#backward()}.
 */
final class GradNode {
    final Tensor[] inputs;
    final Backward backward;
    final String opName;

    GradNode(String opName, Tensor[] inputs, Backward backward) {
        this.opName = opName;
        this.inputs = inputs;
        this.backward = backward;
    }
}
