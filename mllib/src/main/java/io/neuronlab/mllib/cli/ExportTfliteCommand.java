package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tflite.TfliteExporter;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code export-tflite --model FILE --out FILE.tflite}: the network as a float32 TensorFlow Lite model. */
@DesktopOnly
final class ExportTfliteCommand implements Command {
    @Override
    public String name() {
        return "export-tflite";
    }

    @Override
    public String summary() {
        return "export a model file to TensorFlow Lite (.tflite, float32, NHWC)";
    }

    @Override
    public String details() {
        return "The .tflite has one input 'input' ([1, H, W, C] for images, [1, F] for features) and one output\n"
            + "'output', under the signature 'serving_default'. BatchNorm is folded into the layer before it and\n"
            + "Dropout is left out. Supported layers: Conv2d, MaxPool2d, AvgPool2d, Linear, ReLU, Sigmoid, Tanh,\n"
            + "Softmax, Flatten, BatchNorm, Dropout.";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("model", "FILE", null, "model file (.nlmf) to export (required)"));
        o.add(Option.value("out", "FILE", null, "where to write the .tflite (required)"));
        o.add(Option.value("input", "C,H,W|F", null,
            "one sample's input shape (default: 1,28,28 for networks starting with Conv2d, else the first Linear's inputs)"));
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("export-tflite takes no arguments (use --model and --out), got " + args.positional());
        }
        File modelFile = args.file("model");
        File out = new File(args.required("out"));
        Sequential model = Models.load(modelFile);
        int[] shape = args.has("input") ? parseShape(args.get("input")) : TfliteExporter.defaultInputShape(model);
        try {
            TfliteExporter.export(model, shape, out);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write " + out + ": " + e.getMessage(), e);
        }
        console.out().println("wrote " + out + " (" + out.length() + " bytes), input shape " + Arrays.toString(shape)
            + " per sample");
        return 0;
    }

    private static int[] parseShape(String text) throws UsageException {
        String[] parts = text.split(",");
        if (parts.length != 1 && parts.length != 3) {
            throw new UsageException("--input must be C,H,W (images) or F (features), got '" + text + "'");
        }
        int[] shape = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--input must be positive integers like 1,28,28, got '" + text + "'");
            }
            if (shape[i] <= 0) {
                throw new UsageException("--input must be positive integers like 1,28,28, got '" + text + "'");
            }
        }
        return shape;
    }
}
