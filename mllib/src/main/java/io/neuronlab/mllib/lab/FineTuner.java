package io.neuronlab.mllib.lab;

import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Adam;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.train.CancelToken;
import io.neuronlab.mllib.train.Trainer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Personalises a digit model on the user's own labelled samples: a stratified part of the samples is held out,
 * the rest is mixed with a replay of MNIST images (so the model does not forget MNIST) and the model is
 * fine-tuned — by default only its affine (dense) layers, the convolutions frozen — with Adam at a small rate.
 * Accuracy on the held-out samples and on MNIST test images is measured before and after.
 */
public final class FineTuner {
    /** Fewer samples than this of any digit: the screen asks for more instead of training. */
    public static final int MIN_PER_DIGIT = 3;

    /** How to fine-tune. */
    public static final class Options {
        public boolean allLayers = false;
        public float holdoutFraction = 0.2f;
        /** MNIST replay images per user training sample. */
        public int replayPerSample = 2;
        public int epochs = 8;
        public int batchSize = 32;
        public float learningRate = 3e-4f;
        public long seed = 1;
    }

    /** Accuracy before and after, on the held-out samples and on the MNIST test images. */
    public record Result(float samplesBefore, float samplesAfter, float mnistBefore, float mnistAfter,
                         int trainSamples, int heldOutSamples, int replayImages, double seconds) {
    }

    /** Samples split per digit: {@code heldOut} gets round(fraction · count) of each digit, at least one. */
    public record Split(Dataset train, Dataset heldOut) {
    }

    private FineTuner() {
    }

    /** The digits with fewer than {@link #MIN_PER_DIGIT} samples (empty: enough to fine-tune). */
    public static List<Integer> digitsNeedingSamples(int[] labels) {
        int[] counts = new int[10];
        for (int label : labels) {
            counts[label]++;
        }
        List<Integer> missing = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            if (counts[d] < MIN_PER_DIGIT) {
                missing.add(d);
            }
        }
        return missing;
    }

    /** A seeded stratified split: every digit is represented in both parts (when it has 2+ samples). */
    public static Split split(Dataset samples, float holdoutFraction, long seed) {
        List<List<Integer>> byDigit = new ArrayList<>();
        for (int d = 0; d < samples.numClasses(); d++) {
            byDigit.add(new ArrayList<>());
        }
        for (int i = 0; i < samples.size(); i++) {
            byDigit.get(samples.label(i)).add(i);
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> heldOut = new ArrayList<>();
        for (List<Integer> members : byDigit) {
            Collections.shuffle(members, random);
            int hold = heldOutCount(members.size(), holdoutFraction);
            heldOut.addAll(members.subList(0, hold));
            train.addAll(members.subList(hold, members.size()));
        }
        Collections.shuffle(train, random);
        return new Split(select(samples, train), select(samples, heldOut));
    }

    /** How many of a digit's {@code count} samples {@link #split} holds out: none of one, else at least one. */
    public static int heldOutCount(int count, float holdoutFraction) {
        return count < 2 ? 0 : Math.max(1, Math.round(holdoutFraction * count));
    }

    /**
     * The user's training samples followed by {@code replayCount} images drawn (seeded, without repeats) from
     * {@code replayPool}; the loader shuffles them together.
     */
    public static Dataset replayMix(Dataset userTrain, Dataset replayPool, int replayCount, long seed) {
        if (replayCount > replayPool.size()) {
            throw new IllegalArgumentException("asked for " + replayCount + " replay images, the pool has "
                + replayPool.size());
        }
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < replayPool.size(); i++) {
            pool.add(i);
        }
        Collections.shuffle(pool, new Random(seed));
        int size = userTrain.exampleSize();
        int n = userTrain.size() + replayCount;
        float[] images = new float[n * size];
        int[] labels = new int[n];
        System.arraycopy(userTrain.inputs().data(), 0, images, 0, userTrain.size() * size);
        System.arraycopy(userTrain.labels(), 0, labels, 0, userTrain.size());
        for (int k = 0; k < replayCount; k++) {
            int from = pool.get(k);
            System.arraycopy(replayPool.inputs().data(), from * size, images, (userTrain.size() + k) * size, size);
            labels[userTrain.size() + k] = replayPool.label(from);
        }
        int[] shape = userTrain.inputs().shape().clone();
        shape[0] = n;
        return new Dataset(Tensor.of(images, shape), labels, userTrain.numClasses());
    }

    /**
     * Fine-tunes {@code model} in place on {@code samples} (at least {@link #MIN_PER_DIGIT} per digit) mixed with
     * {@code replayPool}; {@code mnistTest} measures what is kept of MNIST. Stops early when {@code cancel} is set.
     */
    public static Result fineTune(Sequential model, Dataset samples, Dataset replayPool, Dataset mnistTest,
                                  Options options, CancelToken cancel) {
        List<Integer> missing = digitsNeedingSamples(samples.labels());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("fine-tuning needs at least " + MIN_PER_DIGIT
                + " samples of every digit; too few of " + missing);
        }
        long start = System.nanoTime();
        Split split = split(samples, options.holdoutFraction, options.seed);
        float samplesBefore = LabResult.evaluate(model, split.heldOut()).accuracy();
        float mnistBefore = LabResult.evaluate(model, mnistTest).accuracy();
        int replay = Math.min(replayPool.size(), options.replayPerSample * split.train().size());
        Dataset mix = replayMix(split.train(), replayPool, replay, options.seed + 1);

        List<Tensor> trainable = new ArrayList<>();
        for (Layer layer : model.layers()) {
            if (options.allLayers || layer instanceof Linear || layer instanceof BatchNorm) {
                trainable.addAll(layer.parameters().values());
            }
        }
        Adam adam = new Adam(trainable, options.learningRate);
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), adam).epochs(options.epochs);
        trainer.fit(new DataLoader(mix, options.batchSize).shuffle(options.seed + 2), cancel);

        float samplesAfter = LabResult.evaluate(model, split.heldOut()).accuracy();
        float mnistAfter = LabResult.evaluate(model, mnistTest).accuracy();
        return new Result(samplesBefore, samplesAfter, mnistBefore, mnistAfter, split.train().size(),
            split.heldOut().size(), replay, (System.nanoTime() - start) / 1e9);
    }

    /** The examples at {@code indices}, in that order. */
    static Dataset select(Dataset data, List<Integer> indices) {
        int size = data.exampleSize();
        float[] images = new float[indices.size() * size];
        int[] labels = new int[indices.size()];
        for (int k = 0; k < indices.size(); k++) {
            System.arraycopy(data.inputs().data(), indices.get(k) * size, images, k * size, size);
            labels[k] = data.label(indices.get(k));
        }
        int[] shape = data.inputs().shape().clone();
        shape[0] = indices.size();
        return new Dataset(Tensor.of(images, shape), labels, data.numClasses());
    }
}
