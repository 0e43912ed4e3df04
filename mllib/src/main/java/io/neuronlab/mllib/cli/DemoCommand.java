package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.NoGrad;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.train.Evaluation;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code demo --model FILE}: a few MNIST test digits drawn as ASCII art beside the model's probabilities,
 * then the model's accuracy on the whole test set.
 */
@DesktopOnly
final class DemoCommand implements Command {
    /** Darker → denser characters. */
    private static final String RAMP = " .:-=+*#%@";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "show a model reading MNIST test digits (ASCII art + probabilities) and its accuracy";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("model", "FILE", null, "model file (.nlmf) (required)"));
        o.add(DataDir.OPTION);
        o.add(Option.value("count", "N", "4", "how many test digits to show"));
        o.add(Option.value("seed", "N", "1", "which digits: a seeded random choice"));
        o.add(Option.flag("no-accuracy", "skip the accuracy on the full test set"));
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("demo takes no arguments, got " + args.positional());
        }
        File file = args.file("model");
        int count = args.positiveInt("count");
        Random random = new Random(args.longValue("seed"));
        Sequential model = Models.load(file);
        Dataset test = DataDir.testSet(args, console);
        console.out().println("model: " + file + " " + model);
        for (int i = 0; i < count; i++) {
            int index = random.nextInt(test.size());
            Tensor image = test.example(index);
            float[] probabilities = probabilities(model, image, file);
            console.out().println();
            console.out().println("test image " + index + ", labelled " + test.label(index) + ":");
            console.out().print(render(image.data(), probabilities, test.label(index)));
        }
        if (!args.flag("no-accuracy")) {
            Evaluation e = EvalCommand.evaluate(model, test, 500, file);
            console.out().println();
            console.out().println(String.format(Locale.ROOT, "accuracy: %.4f (%d MNIST test images)", e.accuracy(), test.size()));
        }
        return 0;
    }

    private static float[] probabilities(Sequential model, Tensor image, File file) throws CommandFailedException {
        Tensor scores;
        try (NoGrad scope = NoGrad.enter()) {
            scores = model.forward(Tensor.of(image.data().clone(), 1, 1, 28, 28));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("model " + file + " does not take MNIST images [N, 1, 28, 28]: " + e.getMessage(), e);
        }
        if (scores.numel() != 10) {
            throw new CommandFailedException("model " + file + " gives " + scores.numel() + " outputs per image, not 10 digit scores");
        }
        return Probabilities.ofNumbers(scores.data());
    }

    /** 28×28 pixels as 14 lines of 28 characters (two pixel rows per line), probabilities to the right. */
    static String render(float[] pixels, float[] probabilities, int label) {
        int best = Probabilities.argmax(probabilities);
        StringBuilder b = new StringBuilder();
        for (int line = 0; line < 14; line++) {
            b.append("  |");
            for (int x = 0; x < 28; x++) {
                float v = (pixels[(2 * line) * 28 + x] + pixels[(2 * line + 1) * 28 + x]) / 2;
                int level = Math.min(RAMP.length() - 1, Math.max(0, Math.round(v * (RAMP.length() - 1))));
                b.append(RAMP.charAt(level));
            }
            b.append('|');
            int digit = line - 2;
            if (digit >= 0 && digit < 10) {
                b.append(String.format(Locale.ROOT, "   %d %6.4f ", digit, probabilities[digit]));
                int bar = Math.round(probabilities[digit] * 20);
                for (int k = 0; k < bar; k++) {
                    b.append('#');
                }
                if (digit == best) {
                    b.append(digit == label ? "  <- prediction (correct)" : "  <- prediction (WRONG)");
                }
            }
            b.append('\n');
        }
        return b.toString();
    }
}
