package io.neuronlab.mllib.lab;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.models.Mlp;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Optimizers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The book's optimizer race (chapter 6, "which update method to use", the MNIST comparison figure): one five-layer
 * network — 784-100-100-100-100-10, ReLU, He weights — trained by SGD, Momentum, AdaGrad and Adam from the same
 * weights on the same mini-batches of 128, with the book's learning rates (0.01, 0.01, 0.01, 0.001; momentum 0.9).
 * The book trains 2,000 iterations; its order — AdaGrad and Adam fastest, Momentum next, SGD slowest — is plain
 * after a few hundred, the default here.
 *
 * <pre>{@code
 * SideBySideTraining race = OptimizerRace.create(slice.train(), new OptimizerRace.Options());
 * race.addListener(p -> draw(p.batchLoss(0), p.batchLoss(1), p.batchLoss(2), p.batchLoss(3)));
 * ExperimentProgress end = race.run(cancelToken);       // on a background thread
 * }</pre>
 */
public final class OptimizerRace {
    /** The contestants, in the book's order (and the order of the race's curves). */
    public static final List<String> OPTIMIZERS =
        Collections.unmodifiableList(Arrays.asList("sgd", "momentum", "adagrad", "adam"));

    /** What to race; public fields with the book's values (fewer iterations). */
    public static final class Options {
        /** Hidden layer sizes (the book: four of 100). */
        public int[] hiddenSizes = {100, 100, 100, 100};
        public int batchSize = 128;
        /** Mini-batches per optimizer (the book: 2,000). */
        public int iterations = 300;
        /** Seeds the starting weights and the order of the batches. */
        public long seed = 1;
    }

    private OptimizerRace() {
    }

    /** The learning rate the book races {@code optimizer} with: 0.001 for Adam, 0.01 for the others. */
    public static float bookLearningRate(String optimizer) {
        return optimizer.equals("adam") ? 0.001f : 0.01f;
    }

    /**
     * The race over {@code train} (images of any shape, flattened; 10 classes), ready to {@link SideBySideTraining#run
     * run}: losses only (no test set), {@code options.iterations} mini-batches per optimizer.
     */
    public static SideBySideTraining create(Dataset train, Options options) {
        List<SideBySideTraining.Contestant> contestants = new ArrayList<>();
        for (String name : OPTIMIZERS) {
            Sequential net = network(train.exampleSize(), train.numClasses(), options);
            contestants.add(new SideBySideTraining.Contestant(name, net,
                Optimizers.byName(name).create(net.parameters().values(), bookLearningRate(name))));
        }
        int epochs = (int) Math.min(Integer.MAX_VALUE,
            ((long) options.iterations * options.batchSize + train.size() - 1) / train.size());
        return new SideBySideTraining(contestants, train, null, options.batchSize, Math.max(1, epochs),
            options.iterations, options.seed);
    }

    static Sequential network(int inputs, int classes, Options options) {
        int[] sizes = new int[options.hiddenSizes.length + 2];
        sizes[0] = inputs;
        System.arraycopy(options.hiddenSizes, 0, sizes, 1, options.hiddenSizes.length);
        sizes[sizes.length - 1] = classes;
        return Mlp.create(options.seed, sizes);
    }
}
