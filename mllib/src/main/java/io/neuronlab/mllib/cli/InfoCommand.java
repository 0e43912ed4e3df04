package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.io.LayerSpec;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.models.Architectures;
import io.neuronlab.mllib.models.ImageInput;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code info --model FILE}: prints a model file's architecture, tensors and training metadata;
 * {@code info --net NAME}: a famous architecture's layers with their parameter counts, and torchvision's count.
 */
@DesktopOnly
final class InfoCommand implements Command {
    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return "show a model file's architecture, weights and how it was trained, or an architecture's parameter counts";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("model", "FILE", null, "model file (.nlmf) to describe"));
        o.add(Option.value("net", "NAME", null, "or an architecture: " + String.join(", ", Architectures.names())));
        o.add(NetworkInputs.inputOption());
        o.add(NetworkInputs.classesOption());
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        if (args.has("net") && args.has("model")) {
            throw new UsageException("info takes --model FILE or --net NAME, not both");
        }
        if (args.has("net")) {
            return describeArchitecture(args, console);
        }
        ModelFile model = Models.readFile(args.file("model"));
        console.out().println("format: NLMF version " + model.formatVersion());
        console.out().println("layers:");
        int i = 0;
        for (LayerSpec l : model.architecture()) {
            printSpec(console, String.format(Locale.ROOT, "  %2d ", i++), l);
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

    /** A spec and, indented below it, its children. */
    private static void printSpec(Console console, String indent, LayerSpec l) {
        console.out().println(String.format(Locale.ROOT, "%s%-10s %s", indent, l.name(), l.describe()));
        for (LayerSpec c : l.children()) {
            printSpec(console, " ".repeat(indent.length() + 2), c);
        }
    }

    private static int describeArchitecture(Args args, Console console) throws UsageException {
        Architectures.Architecture a;
        try {
            a = Architectures.byName(args.required("net"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--net: " + e.getMessage());
        }
        ImageInput in = NetworkInputs.of(args);
        Sequential net = a.build(in);
        console.out().println(a.name() + ": " + a.description());
        console.out().println(String.format(Locale.ROOT, "input: %dx%dx%d, %d classes", in.size(), in.size(),
            in.channels(), in.classes()));
        console.out().println("layers (parameters):");
        printLayer(console, "  ", "", net, 0);
        long count = Architectures.parameterCount(net);
        console.out().println(String.format(Locale.ROOT, "parameters: %,d", count));
        boolean published = in.equals(ImageInput.imageNet(1));
        String reference = a.name().equals("alexnet2012") ? "PyTorch (the same layers in torch.nn)" : "torchvision";
        console.out().println(String.format(Locale.ROOT, "%s %s (224x224x3, 1000 classes): %,d%s", reference, a.name(),
            a.torchvisionParameters(), published ? (count == a.torchvisionParameters() ? " (equal)" : " (DIFFERENT)") : ""));
        return 0;
    }

    /** Top-level layers and their parts down to the blocks (depth 2), each with its parameter count. */
    private static void printLayer(Console console, String indent, String name, Layer layer, int depth) {
        if (depth > 0) {
            String kind = layer.children().isEmpty() ? layer.toString() : layer.getClass().getSimpleName();
            console.out().println(String.format(Locale.ROOT, "%s%-14s %,12d  %s", indent, name,
                Architectures.parameterCount(layer), kind));
        }
        if (depth < 2) {
            for (Map.Entry<String, Layer> c : layer.children().entrySet()) {
                printLayer(console, depth == 0 ? indent : indent + "  ", c.getKey(), c.getValue(), depth + 1);
            }
        }
    }
}
