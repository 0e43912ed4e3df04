package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.train.Evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code eval --model FILE}: accuracy on the MNIST test set, the confusion matrix, precision and recall. */
@DesktopOnly
final class EvalCommand implements Command {
    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "evaluate a model file on the 10,000 MNIST test images";
    }

    @Override
    public String details() {
        return "Prints 'accuracy: 0.xxxx' first, then the confusion matrix (rows = true digit, columns = prediction)\n"
            + "with per-class recall and precision.";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("model", "FILE", null, "model file (.nlmf) to evaluate (required)"));
        o.add(DataDir.OPTION);
        o.add(Option.value("limit", "N", null, "evaluate only the first N test images"));
        o.add(Option.value("batch", "N", "500", "images per forward pass"));
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("eval takes no arguments (the model goes after --model), got " + args.positional());
        }
        java.io.File file = args.file("model");
        int batch = args.positiveInt("batch");
        int limit = args.has("limit") ? args.positiveInt("limit") : Integer.MAX_VALUE;
        Sequential model = Models.load(file);
        Dataset test = DataDir.testSet(args, console);
        if (limit < test.size()) {
            test = test.subset(0, limit);
        }
        Evaluation result = evaluate(model, test, batch, file);
        if (Double.isNaN(result.loss())) {
            // NaN scores make every argmax 0: the accuracy and confusion matrix would be inventions
            throw new CommandFailedException("model " + file + " gives scores that are not numbers (loss NaN): its"
                + " weights overflow or are damaged, so there is no accuracy to report");
        }
        console.out().println(String.format(Locale.ROOT, "accuracy: %.4f", result.accuracy()));
        console.out().println(String.format(Locale.ROOT, "loss: %.4f", result.loss()));
        console.out().println("examples: " + test.size());
        console.out().println();
        console.out().print(result.confusionMatrix());
        return 0;
    }

    static Evaluation evaluate(Sequential model, Dataset data, int batch, java.io.File file) throws CommandFailedException {
        try {
            return Evaluation.run(model, new SoftmaxCrossEntropy(), data, batch);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandFailedException("model " + file + " does not fit MNIST's [N, 1, 28, 28] → [N, 10]: "
                + e.getMessage(), e);
        }
    }
}
