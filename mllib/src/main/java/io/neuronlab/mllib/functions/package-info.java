/**
 * The book's {@code functions.py}: activation functions (step, sigmoid, tanh, ReLU, ...), softmax with its
 * overflow guard, and 1-D convolution, on {@code float[]} and on tensors.
 */
package io.neuronlab.mllib.functions;
