package io.neuronlab.mllib.digits;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.data.Augmentation;
import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Adam;
import io.neuronlab.mllib.train.EpochEvent;
import io.neuronlab.mllib.train.Trainer;
import io.neuronlab.mllib.train.TrainingListener;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

/**
 * Trains the app's digit model ({@link DigitModel}) on MNIST, seeded, and writes it after every epoch:
 *
 * <pre>
 * java -cp mllib/target/mllib.jar io.neuronlab.mllib.digits.DigitModelTraining \
 *     --seed 1 --epochs 8 --out app/src/main/assets/models/digits.nlmf
 * </pre>
 *
 * Adam (learning rate 0.001, × 0.7 after every epoch), mini-batches of 64 shuffled by the seed, and
 * augmentation (±2 px shifts, small rotations, seeded) so the network also copes with digits that MNIST's
 * careful centring did not see. Each epoch's file holds the test accuracy reached and this command.
 */
@DesktopOnly
public final class DigitModelTraining {
    private DigitModelTraining() {
    }

    public static void main(String[] args) throws IOException {
        long seed = 1;
        int epochs = 8, batch = 64;
        float lr = 0.001f, decay = 0.7f;
        boolean augment = true;
        File out = null, data = Mnist.defaultDir();
        StringBuilder command = new StringBuilder("DigitModelTraining");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            command.append(' ').append(a);
            switch (a) {
                case "--no-augment" -> augment = false;
                case "--seed", "--epochs", "--batch", "--lr", "--decay", "--out", "--data" -> {
                    if (i + 1 >= args.length) usage(a + " needs a value");
                    String v = args[++i];
                    command.append(' ').append(v);
                    switch (a) {
                        case "--seed" -> seed = Long.parseLong(v);
                        case "--epochs" -> epochs = Integer.parseInt(v);
                        case "--batch" -> batch = Integer.parseInt(v);
                        case "--lr" -> lr = Float.parseFloat(v);
                        case "--decay" -> decay = Float.parseFloat(v);
                        case "--out" -> out = new File(v);
                        default -> data = new File(v);
                    }
                }
                default -> usage("unknown option " + a);
            }
        }
        if (out == null) usage("--out FILE is required");

        Dataset train = Mnist.train(data), test = Mnist.test(data);
        Sequential model = DigitModel.build(seed);
        Adam adam = new Adam(model.parameters().values(), lr);
        DataLoader loader = new DataLoader(train, batch).shuffle(seed);
        if (augment) loader.augment(Augmentation.mnist(seed));
        File target = out;
        long seedUsed = seed;
        int planned = epochs;
        float decayFactor = decay;
        String recipe = command.toString();
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), adam).epochs(epochs).testSet(test);
        trainer.addListener(new TrainingListener() {
            @Override
            public void onEpochEnd(EpochEvent e) {
                System.out.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  train %.4f  test %.4f  lr %.6f  %.0f img/s  %.0f s%n",
                    e.epoch(), e.epochs(), e.trainLoss(), e.trainAccuracy(), e.testAccuracy(), adam.learningRate(),
                    e.examplesPerSecond(), e.epochSeconds());
                TrainingMetadata meta = new TrainingMetadata("mnist", e.epoch(), (float) e.testAccuracy(), seedUsed, recipe, null)
                    .with("optimizer", "adam").with("batch", String.valueOf(loader.batchSize()))
                    .with("plannedEpochs", String.valueOf(planned));
                try {
                    DigitModel.toFile(model, meta).save(target);
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException("cannot write " + target, ex);
                }
                model.train(true);
                adam.setLearningRate(adam.learningRate() * decayFactor);
            }
        });
        trainer.fit(loader);
        System.out.println("wrote " + target);
    }

    private static void usage(String problem) {
        System.err.println("DigitModelTraining: " + problem + "\nusage: --out FILE [--seed 1] [--epochs 8] [--batch 64] "
            + "[--lr 0.001] [--decay 0.7] [--no-augment] [--data MNIST_DIR]");
        System.exit(2);
    }
}
