package io.neuronlab.mllib.models;

import io.neuronlab.mllib.data.Augmentation;
import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.loss.Loss;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Optimizer;
import io.neuronlab.mllib.optim.Optimizers;
import io.neuronlab.mllib.optim.StepLr;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.train.Trainer;
import io.neuronlab.mllib.train.TrainingListener;
import io.neuronlab.mllib.train.TrainingResult;

import java.util.Collection;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Everything needed to reproduce a training run: the network, loss, optimizer, batch size, epochs,
 * the learning-rate decay and whether to augment — plus the test accuracy the recipe is known to reach. A seed fixes the weights,
 * the shuffling and the augmentation, so a recipe and a seed give one result.
 */
public final class Recipe {
    private final String name;
    private final String description;
    private final LongFunction<Sequential> model;
    private final Supplier<Loss> loss;
    private final String optimizerName;
    private final float learningRate;
    private final int batchSize;
    private final int epochs;
    private final boolean augment;
    private final float lrDecay;
    private final double expectedAccuracy;

    public Recipe(String name, String description, LongFunction<Sequential> model, Supplier<Loss> loss,
                  String optimizerName, float learningRate, int batchSize, int epochs, boolean augment,
                  double expectedAccuracy) {
        this(name, description, model, loss, optimizerName, learningRate, batchSize, epochs, augment, 1f, expectedAccuracy);
    }

    /** As above, with the learning rate multiplied by {@code lrDecay} after every epoch (1 = constant). */
    public Recipe(String name, String description, LongFunction<Sequential> model, Supplier<Loss> loss,
                  String optimizerName, float learningRate, int batchSize, int epochs, boolean augment,
                  float lrDecay, double expectedAccuracy) {
        if (batchSize < 1 || epochs < 1) {
            throw new IllegalArgumentException("batch size and epochs must be >= 1, got " + batchSize + " and " + epochs);
        }
        if (!(lrDecay > 0f && lrDecay <= 1f)) {
            throw new IllegalArgumentException("the learning-rate decay must be in (0, 1], got " + lrDecay);
        }
        this.name = name;
        this.description = description;
        this.model = model;
        this.loss = loss;
        Optimizers.byName(optimizerName); // fails early, naming the known optimizers
        if (!(learningRate > 0f && Float.isFinite(learningRate))) {
            throw new IllegalArgumentException("the learning rate must be a positive number, got " + learningRate);
        }
        this.optimizerName = optimizerName;
        this.learningRate = learningRate;
        this.batchSize = batchSize;
        this.epochs = epochs;
        this.augment = augment;
        this.lrDecay = lrDecay;
        this.expectedAccuracy = expectedAccuracy;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The optimizer's name in {@link Optimizers} ("adam", ...). */
    public String optimizerName() {
        return optimizerName;
    }

    /** The learning rate the optimizer starts with. */
    public float learningRate() {
        return learningRate;
    }

    /** This recipe's optimizer over {@code params}. */
    public Optimizer createOptimizer(Collection<Tensor> params) {
        return Optimizers.byName(optimizerName).create(params, learningRate);
    }

    public int batchSize() {
        return batchSize;
    }

    public int epochs() {
        return epochs;
    }

    public boolean augment() {
        return augment;
    }

    /** The factor the learning rate is multiplied by after every epoch (1 = a constant rate). */
    public float lrDecay() {
        return lrDecay;
    }

    /** MNIST test accuracy this recipe reaches after {@link #epochs()} epochs. */
    public double expectedAccuracy() {
        return expectedAccuracy;
    }

    /** The same recipe with another number of epochs. */
    public Recipe withEpochs(int newEpochs) {
        return new Recipe(name, description, model, loss, optimizerName, learningRate, batchSize, newEpochs, augment, lrDecay, expectedAccuracy);
    }

    /** The same recipe with augmentation ({@link Augmentation#mnist}) switched on or off. */
    public Recipe withAugmentation(boolean on) {
        return new Recipe(name, description, model, loss, optimizerName, learningRate, batchSize, epochs, on, lrDecay, expectedAccuracy);
    }

    /** A freshly initialised network. */
    public Sequential createModel(long seed) {
        return model.apply(seed);
    }

    /** A trainer for {@code net} with this recipe's loss, optimizer, epochs and learning-rate decay. */
    public Trainer trainer(Sequential net) {
        Optimizer opt = createOptimizer(net.parameters().values());
        return new Trainer(net, loss.get(), opt).epochs(epochs).lrSchedule(lrDecay < 1f ? new StepLr(opt, 1, lrDecay) : null);
    }

    /** Shuffled (and, if the recipe says so, augmented) mini-batches of {@code train}. */
    public DataLoader loader(Dataset train, long seed) {
        DataLoader loader = new DataLoader(train, batchSize).shuffle(seed);
        return augment ? loader.augment(Augmentation.mnist(seed + 1)) : loader;
    }

    /** Trains {@code net} on {@code train} (shuffled from {@code seed}), evaluating {@code test} after every epoch. */
    public TrainingResult train(Sequential net, Dataset train, Dataset test, long seed, TrainingListener... listeners) {
        Trainer trainer = trainer(net).testSet(test);
        for (TrainingListener l : listeners) {
            trainer.addListener(l);
        }
        return trainer.fit(loader(train, seed));
    }

    @Override
    public String toString() {
        return name + ": " + description + " (" + optimizerName + " " + learningRate + ", batch " + batchSize + ", " + epochs + " epochs" + (augment ? ", augmented" : "")
            + (lrDecay < 1f ? ", lr ×" + lrDecay + " per epoch" : "") + ", expect " + String.format("%.1f", expectedAccuracy * 100) + " %)";
    }
}
