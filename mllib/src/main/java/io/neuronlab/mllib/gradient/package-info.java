/**
 * Derivatives by finite differences (numerical differentiation, numerical gradients), gradient descent on a
 * function, and the gradient check that compares backpropagation with them.
 */
package io.neuronlab.mllib.gradient;
