package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.io.LayerSpec;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code info --model FILE}: prints a model file's architecture, tensors and training metadata. */
@DesktopOnly
final class InfoCommand implements Command {
    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return "show a model file's architecture, weights and how it was trained";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("model", "FILE", null, "model file (.nlmf) to describe (required)"));
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        ModelFile model = Models.readFile(args.file("model"));
        console.out().println("format: NLMF version " + ModelFile.FORMAT_VERSION);
        console.out().println("layers:");
        int i = 0;
        for (LayerSpec l : model.architecture()) {
            console.out().println(String.format(Locale.ROOT, "  %2d %-10s %s", i++, l.name(), l.describe()));
        }
        long count = 0;
        console.out().println("tensors:");
        for (Map.Entry<String, Tensor> e : model.tensors().entrySet()) {
            console.out().println("  " + e.getKey() + " " + Arrays.toString(e.getValue().shape()));
            count += e.getValue().numel();
        }
        console.out().println("values: " + count);
        TrainingMetadata m = model.metadata();
        console.out().println("dataset: " + (m.dataset().isEmpty() ? "-" : m.dataset()));
        console.out().println("epochs: " + m.epochs());
        console.out().println("accuracy: " + (m.hasAccuracy() ? String.format(Locale.ROOT, "%.4f", m.accuracy()) : "-"));
        console.out().println("seed: " + m.seed());
        console.out().println("command: " + (m.command().isEmpty() ? "-" : m.command()));
        for (Map.Entry<String, String> e : m.extra().entrySet()) {
            console.out().println(e.getKey() + ": " + e.getValue());
        }
        return 0;
    }
}
