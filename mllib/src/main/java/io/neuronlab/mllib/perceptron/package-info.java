/** Chapter 2: the perceptron and logic gates built from it, XOR as a two-layer perceptron. */
package io.neuronlab.mllib.perceptron;
