/**
 * Losses as the last layer of a network: forward gives the batch-mean loss, backward dL/d(output).
 * {@link io.neuronlab.mllib.loss.SoftmaxCrossEntropy} is the book's SoftmaxWithLoss.
 */
package io.neuronlab.mllib.loss;
