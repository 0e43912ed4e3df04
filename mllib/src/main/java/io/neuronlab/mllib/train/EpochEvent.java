package io.neuronlab.mllib.train;

/**
 * Reported after every epoch (training pass plus evaluation on the test set, if one is set).
 *
 * @param epoch              epoch, from 1
 * @param epochs             epochs planned
 * @param trainLoss          mean training loss over the epoch's examples
 * @param trainAccuracy      training accuracy over the epoch (0..1; measured while the weights changed)
 * @param testLoss           mean loss on the test set, NaN without one
 * @param testAccuracy       accuracy on the test set (0..1), NaN without one
 * @param examplesPerSecond  training examples per second in this epoch
 * @param epochSeconds       wall time of the epoch, evaluation included
 * @param etaSeconds         estimated seconds until the last planned epoch ends
 * @param improved           whether the monitored value (test accuracy, else training loss) is the best so far
 */
public record EpochEvent(int epoch, int epochs, double trainLoss, double trainAccuracy, double testLoss,
                         double testAccuracy, double examplesPerSecond, double epochSeconds, double etaSeconds,
                         boolean improved) {
}
