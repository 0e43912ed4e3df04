package io.neuronlab.mllib.digits;

import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.io.LayerSpec;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelFormatException;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Adam;
import io.neuronlab.mllib.optim.StepLr;
import io.neuronlab.mllib.train.Checkpointer;
import io.neuronlab.mllib.train.Trainer;
import io.neuronlab.mllib.train.TrainingListener;
import io.neuronlab.mllib.train.TrainingResult;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * "One digit or two touching digits?" — a small CNN that looks at the same 28×28 input the digit network gets
 * for one group of ink and answers with two scores (class {@link TouchingPairs#ONE}, {@link TouchingPairs#TWO}).
 * The digit network, trained on single MNIST digits, reads an "88" as an 8 with near-certainty; this network has
 * seen touching pairs ({@link TouchingPairs}, composed from MNIST's training images) and tells
 * {@link DigitRecognizer} when to cut a group and when a reading of one digit is doubtful.
 *
 * <p>{@code [N,1,28,28]} → conv 5×5 (8, pad 2) → ReLU → max-pool 2 → conv 5×5 (16, pad 2) → ReLU → max-pool 2
 * → flatten 784 → fc 64 → ReLU → fc 2; 54 000 weights, a fifth of the digit network's work per input.
 */
public final class PairModel {
    public static final int CONV1 = 8;
    public static final int CONV2 = 16;
    public static final int HIDDEN = 64;

    /** The recipe {@link #train} follows (and the model file records). */
    public static final int TRAIN_SAMPLES = 60_000, TEST_SAMPLES = 4_000, EPOCHS = 4, BATCH = 64;
    public static final float LEARNING_RATE = 1e-3f, LR_DECAY = 0.6f;

    private PairModel() {
    }

    /** A freshly initialised network (He initialisation, seeded): the digit network's shape, narrower, two outputs. */
    public static Sequential build(long seed) {
        return DigitModel.twoConvNet(seed, CONV1, CONV2, HIDDEN, 2);
    }

    /**
     * Trains the network on {@link TouchingPairs} composed from {@code mnistTrain} (seed {@code seed}), testing
     * each epoch on composites of {@code mnistTest} (seed {@code seed + 1}); saves each epoch through
     * {@code saver} when given. Deterministic for the same code, seed and thread count.
     */
    public static TrainingResult train(Sequential model, Dataset mnistTrain, Dataset mnistTest, long seed,
                                       Checkpointer saver, TrainingListener progress) {
        Dataset train = new TouchingPairs(mnistTrain, seed).dataset(TRAIN_SAMPLES);
        Dataset test = new TouchingPairs(mnistTest, seed + 1).dataset(TEST_SAMPLES);
        Adam adam = new Adam(model.parameters().values(), LEARNING_RATE);
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), adam).epochs(EPOCHS).testSet(test)
            .evaluationBatchSize(100).lrSchedule(new StepLr(adam, 1, LR_DECAY));
        if (saver != null) trainer.checkpointer(saver);
        if (progress != null) trainer.addListener(progress);
        return trainer.fit(new DataLoader(train, BATCH).shuffle(seed));
    }

    /** The architecture as the model file stores it. */
    public static List<LayerSpec> architecture() {
        return new ModelSerializer().toModelFile(build(0), TrainingMetadata.none()).architecture();
    }

    /** Reads a pair model file (the app's asset {@code models/pairs.nlmf}) into a network in evaluation mode. */
    public static Sequential load(InputStream in, String source) throws IOException {
        ModelFile file = ModelFile.read(in, source);
        List<LayerSpec> want = architecture(), have = file.architecture();
        boolean same = have.size() == want.size();
        for (int i = 0; same && i < want.size(); i++) same = want.get(i).sameArchitecture(have.get(i));
        if (!same) {
            throw new ModelFormatException(source + " is not a one-or-two-digits model (conv 8-conv 16-FC 64-2)");
        }
        Sequential model = build(0);
        new ModelSerializer().loadInto(model, file, source);
        model.train(false);
        return model;
    }
}
