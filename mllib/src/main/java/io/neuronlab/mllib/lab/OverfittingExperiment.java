package io.neuronlab.mllib.lab;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.models.Mlp;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Optimizer;
import io.neuronlab.mllib.optim.SGD;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The book's overfitting experiment (chapter 6, "regularization"): a seven-layer network (784, six hidden layers of
 * 100, 10; ReLU, He weights) trained by SGD on only 300 training images, three times side by side from the same
 * weights on the same mini-batches — plain, with weight decay, with dropout — measuring after every epoch the
 * accuracy on those 300 images and on held-out test images. Plain training learns the 300 images by heart (training
 * accuracy near 100 %) while test accuracy stalls far below: the gap is overfitting. Weight decay and dropout
 * narrow it.
 *
 * <p>Contestants, in this order: {@link #PLAIN}, {@link #WEIGHT_DECAY}, {@link #DROPOUT}. Read the result with
 * {@link ExperimentProgress#trainAccuracy(int)}, {@link ExperimentProgress#testAccuracy(int)} and
 * {@link ExperimentProgress#gap(int)}:
 *
 * <pre>{@code
 * SideBySideTraining experiment = OverfittingExperiment.create(slice.train(), slice.test(), new Options());
 * experiment.addListener(p -> show(p.gap(OverfittingExperiment.PLAIN), p.gap(OverfittingExperiment.DROPOUT)));
 * ExperimentProgress end = experiment.run(cancelToken); // on a background thread
 * }</pre>
 *
 * <p>Differences from the book: weight decay here acts on every parameter (the book leaves the biases out), and
 * dropout is the inverted kind ({@link Dropout}); neither changes the picture.
 */
public final class OverfittingExperiment {
    public static final int PLAIN = 0;
    public static final int WEIGHT_DECAY = 1;
    public static final int DROPOUT = 2;
    /** The contestants' names, in order. */
    public static final List<String> VARIANTS =
        Collections.unmodifiableList(Arrays.asList("plain", "weight decay", "dropout"));

    /** What to train; public fields with the book's values (fewer epochs). */
    public static final class Options {
        /** Training images taken from the start of the training set (the book: 300). */
        public int trainImages = 300;
        /** Hidden layer sizes (the book: six of 100). */
        public int[] hiddenSizes = {100, 100, 100, 100, 100, 100};
        public int batchSize = 100;
        public float learningRate = 0.01f;
        public int epochs = 100;
        /** λ of the weight-decay run (the book: 0.1). */
        public float weightDecay = 0.1f;
        /** Dropout ratio of the dropout run, after every hidden layer (the book: 0.2). */
        public float dropout = 0.2f;
        /** Seeds the starting weights, the order of the batches and the dropout masks. */
        public long seed = 1;
    }

    private OverfittingExperiment() {
    }

    /**
     * The experiment on the first {@code options.trainImages} of {@code train}, tested on all of {@code test} after
     * every epoch, ready to {@link SideBySideTraining#run run}.
     */
    public static SideBySideTraining create(Dataset train, Dataset test, Options options) {
        if (options.trainImages > train.size()) {
            throw new IllegalArgumentException("the experiment asks for " + options.trainImages
                + " training images, the data has " + train.size());
        }
        if (!(options.dropout > 0f && options.dropout < 1f)) {
            throw new IllegalArgumentException("the dropout ratio must be in (0, 1), got " + options.dropout);
        }
        Dataset few = train.subset(0, options.trainImages);
        List<SideBySideTraining.Contestant> contestants = new ArrayList<>();
        Sequential plain = network(few, options);
        contestants.add(new SideBySideTraining.Contestant(VARIANTS.get(PLAIN), plain, sgd(plain, options)));
        Sequential decayed = network(few, options);
        contestants.add(new SideBySideTraining.Contestant(VARIANTS.get(WEIGHT_DECAY), decayed,
            sgd(decayed, options).withWeightDecay(options.weightDecay)));
        Sequential dropped = withDropout(network(few, options), options.dropout, new Random(options.seed + 1));
        contestants.add(new SideBySideTraining.Contestant(VARIANTS.get(DROPOUT), dropped, sgd(dropped, options)));
        return new SideBySideTraining(contestants, few, test, options.batchSize, options.epochs, Integer.MAX_VALUE,
            options.seed);
    }

    private static Sequential network(Dataset train, Options options) {
        int[] sizes = new int[options.hiddenSizes.length + 2];
        sizes[0] = train.exampleSize();
        System.arraycopy(options.hiddenSizes, 0, sizes, 1, options.hiddenSizes.length);
        sizes[sizes.length - 1] = train.numClasses();
        return Mlp.create(options.seed, sizes);
    }

    private static Optimizer sgd(Sequential net, Options options) {
        return new SGD(net.parameters().values(), options.learningRate);
    }

    /** The same layers (same names, so the same parameters) with Dropout after every hidden ReLU. */
    static Sequential withDropout(Sequential net, float ratio, Random random) {
        Sequential out = new Sequential();
        int n = 0;
        for (Map.Entry<String, Layer> e : net.namedLayers().entrySet()) {
            out.add(e.getKey(), e.getValue());
            if (e.getValue() instanceof ReLU) {
                out.add("dropout" + (++n), new Dropout(ratio, random));
            }
        }
        return out;
    }
}
