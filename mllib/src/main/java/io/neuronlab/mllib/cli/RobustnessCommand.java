package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.digits.DigitRecognizer;
import io.neuronlab.mllib.digits.PhotoBinarizer;
import io.neuronlab.mllib.digits.eval.FontDigitSets;
import io.neuronlab.mllib.digits.eval.RecognitionEvaluation;
import io.neuronlab.mllib.nn.Sequential;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code robustness --model FILE}: the numbers of docs/digits.md — a digit model on font-rendered digits along
 * the Draw, camera/predict and multi-digit paths, on the held-out (default) or the tuning split.
 */
@DesktopOnly
final class RobustnessCommand implements Command {
    @Override
    public String name() {
        return "robustness";
    }

    @Override
    public String summary() {
        return "read font-rendered digits, photos of them and digit pairs: accuracy and 'not sure' per path";
    }

    @Override
    public String details() {
        return "Digits come from Debian font packages (" + "see docs/digits.md; missing fonts are named with their package).\n"
            + "Prints a Markdown table: per row the readings, the share right, confidently wrong, errors flagged\n"
            + "'not sure' and right readings flagged anyway.";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("model", "FILE", null, "model file (.nlmf) (required)"));
        o.add(Models.PAIR_MODEL);
        o.add(Option.value("split", "NAME", "held-out", "held-out (report) or tuning (what thresholds were chosen on)"));
        o.add(Option.value("singles", "N", "300", "single digits (each read as ink and as two photos)"));
        o.add(Option.value("pairs", "N", "100", "two-digit strings per gap"));
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("robustness takes no arguments, got " + args.positional());
        }
        java.io.File file = args.file("model");
        String splitName = args.choice("split", "held-out", "tuning");
        FontDigitSets.Split split;
        if (splitName.equals("held-out")) split = FontDigitSets.Split.HELD_OUT;
        else if (splitName.equals("tuning")) split = FontDigitSets.Split.TUNING;
        else throw new UsageException("--split must be held-out or tuning, got '" + splitName + "'");
        int singles = args.positiveInt("singles"), pairs = args.positiveInt("pairs");
        Sequential model = Models.load(file);
        FontDigitSets sets;
        try {
            sets = new FontDigitSets(split);
        } catch (IllegalStateException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
        DigitRecognizer recognizer = Models.recognizer(model, file, args);
        console.out().println("split: " + splitName + " (fonts: " + String.join(", ", sets.familyNames()) + ")");
        console.out().println("pair network: " + (recognizer.pairModel() == null ? "none" : "yes"));
        RecognitionEvaluation evaluation = new RecognitionEvaluation(recognizer, new PhotoBinarizer());
        try {
            console.out().print(RecognitionEvaluation.table(evaluation.run(sets, singles, pairs)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandFailedException("model " + file + " cannot read MNIST-style digits: " + e.getMessage(), e);
        }
        return 0;
    }
}
