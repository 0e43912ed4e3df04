package io.neuronlab.mllib.digits;

/**
 * A user's own sample: the 28×28 MNIST input the network saw and the digit the user says it is.
 *
 * @param image 28×28, ink = 1 on 0
 * @param label 0–9
 * @param createdAtMillis when it was labelled (ms since the epoch)
 */
public record LabelledDigit(GrayImage image, int label, long createdAtMillis) {
    public LabelledDigit {
        if (image.width() != MnistPreprocessor.SIZE || image.height() != MnistPreprocessor.SIZE) {
            throw new IllegalArgumentException("a labelled digit is 28x28, got " + image.width() + "x" + image.height());
        }
        if (label < 0 || label > 9) {
            throw new IllegalArgumentException("label must be a digit 0..9, got " + label);
        }
    }
}
