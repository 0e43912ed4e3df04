package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tflite.TfliteExporter;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code export-tflite --model FILE --out FILE.tflite}: a model file as a float32 TensorFlow Lite model. */
@DesktopOnly
final class ExportTfliteCommand implements Command {
    @Override
    public String name() {
        return "export-tflite";
    }

    @Override
    public String summary() {
        return "convert a model file to TensorFlow Lite (.tflite, float32, NHWC, batch 1)";
    }

    @Override
    public String details() {
        return "The input shape is inferred (Conv2d first: [1, C, 28, 28]; Linear first: [1, in]) unless --input-shape\n"
            + "gives one sample's shape in mllib's layout, e.g. 1,28,28. BatchNorm is folded into the layer before it,\n"
            + "Dropout is left out; other layers the exporter does not know are named in the error.";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("model", "FILE", null, "model file (.nlmf) to convert (required)"));
        o.add(Option.value("out", "FILE", null, "where to write the .tflite model (required)"));
        o.add(InputShape.OPTION);
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("export-tflite takes no arguments, got " + args.positional());
        }
        File modelFile = args.file("model");
        File out = args.file("out");
        int[] shape = InputShape.of(args);
        Sequential model = Models.load(modelFile);
        try {
            if (shape == null) {
                shape = TfliteExporter.defaultInputShape(model);
            }
            TfliteExporter.export(model, shape, out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandFailedException("cannot export " + modelFile + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write " + out + ": " + e.getMessage(), e);
        }
        console.out().println("input shape (one sample, mllib layout): " + InputShape.toString(shape));
        console.out().println("wrote " + out + " (" + out.length() + " bytes)");
        return 0;
    }
}
