package io.neuronlab.mllib.train;

/**
 * Reported after every training mini-batch.
 *
 * @param epoch              epoch, from 1
 * @param epochs             epochs planned
 * @param batch              mini-batch within the epoch, from 1
 * @param batches            mini-batches per epoch
 * @param loss               this batch's mean loss
 * @param accuracy           this batch's training accuracy (0..1)
 * @param examplesPerSecond  training speed so far in this epoch
 * @param etaSeconds         estimated seconds until the last planned epoch ends
 */
public record BatchEvent(int epoch, int epochs, int batch, int batches, float loss, double accuracy,
                         double examplesPerSecond, double etaSeconds) {
}
