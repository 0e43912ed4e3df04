package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tflite.TfliteExporter;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of every {@code export-*} command: {@code --model FILE --out FILE [--input-shape C,H,W]}, the sample
 * shape inferred when not given, an exporter error or a write failure as one line, and what was written.
 */
@DesktopOnly
abstract class ModelExportCommand implements Command {
    /** The file kind written, for the option text: ".tflite", ".onnx". */
    abstract String extension();

    /** Writes {@code model} for samples of {@code shape} to {@code out}, atomically. */
    abstract void export(Sequential model, int[] shape, File out) throws IOException;

    /** Appended to "N bytes" in the report, e.g. ", ONNX opset 13"; empty by default. */
    String writtenNote() {
        return "";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("model", "FILE", null, "model file (.nlmf) to convert (required)"));
        o.add(Option.value("out", "FILE", null, "where to write the " + extension() + " model (required)"));
        o.add(InputShape.OPTION);
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        if (!args.positional().isEmpty()) {
            throw new UsageException(name() + " takes no arguments, got " + args.positional());
        }
        File modelFile = args.file("model");
        File out = args.file("out");
        int[] shape = InputShape.of(args);
        Sequential model = Models.load(modelFile);
        try {
            if (shape == null) {
                shape = TfliteExporter.defaultInputShape(model);
            }
            export(model, shape, out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandFailedException("cannot export " + modelFile + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write " + out + ": " + e.getMessage(), e);
        }
        console.out().println("input shape (one sample, mllib layout): " + InputShape.toString(shape));
        console.out().println("wrote " + out + " (" + out.length() + " bytes" + writtenNote() + ")");
        return 0;
    }
}
