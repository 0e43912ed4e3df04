package io.neuronlab.mllib.train;

import io.neuronlab.mllib.data.Batch;
import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.loss.Loss;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.tensor.Tensor;

/** A model's loss, accuracy and confusion matrix on a dataset, measured in evaluation mode. */
public final class Evaluation {
    private final double loss;
    private final ConfusionMatrix confusion;

    private Evaluation(double loss, ConfusionMatrix confusion) {
        this.loss = loss;
        this.confusion = confusion;
    }

    /**
     * Runs {@code model} (outputs {@code [B, K]} class scores) over {@code data} in mini-batches of
     * {@code batchSize} with training behaviour off (no dropout, BatchNorm running statistics), then restores
     * the model's previous mode. {@code loss} may be null (then {@link #loss()} is NaN).
     */
    public static Evaluation run(Layer model, Loss loss, Dataset data, int batchSize) {
        boolean wasTraining = model.isTraining();
        model.train(false);
        try {
            ConfusionMatrix confusion = new ConfusionMatrix(data.numClasses());
            double lossSum = 0;
            for (Batch b : new DataLoader(data, batchSize).epoch()) {
                Tensor scores = model.forward(b.inputs());
                if (loss != null) {
                    lossSum += (double) loss.forward(scores, b.targets()) * b.size();
                }
                confusion.add(scores, b.labels(), b.size());
            }
            return new Evaluation(loss == null ? Double.NaN : lossSum / data.size(), confusion);
        } finally {
            model.train(wasTraining);
        }
    }

    /** Mean loss per example (NaN if no loss was given). */
    public double loss() {
        return loss;
    }

    /** Fraction classified correctly. */
    public double accuracy() {
        return confusion.accuracy();
    }

    public ConfusionMatrix confusionMatrix() {
        return confusion;
    }
}
