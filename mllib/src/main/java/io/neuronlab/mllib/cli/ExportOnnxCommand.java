package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.onnx.OnnxExporter;
import io.neuronlab.mllib.tflite.TfliteExporter;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code export-onnx --model FILE --out FILE.onnx}: a model file as an ONNX model for any ONNX runtime. */
@DesktopOnly
final class ExportOnnxCommand implements Command {
    @Override
    public String name() {
        return "export-onnx";
    }

    @Override
    public String summary() {
        return "convert a model file to ONNX (.onnx, opset 13, float32, NCHW, any batch size)";
    }

    @Override
    public String details() {
        return "The input is named \"input\" with a free batch axis, the output \"output\". The sample shape is inferred\n"
            + "(Conv2d first: [C, 28, 28]; Linear first: [in]) unless --input-shape gives it, e.g. 1,28,28. Dropout is left\n"
            + "out (the identity at inference); layers the exporter does not know are named in the error.\n"
            + "Example: export-onnx --model lenet.nlmf --out lenet.onnx, then run it in ONNX Runtime or check it with\n"
            + "/usr/bin/python3 scripts/onnx-check.py lenet.onnx";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("model", "FILE", null, "model file (.nlmf) to convert (required)"));
        o.add(Option.value("out", "FILE", null, "where to write the .onnx model (required)"));
        o.add(InputShape.OPTION);
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("export-onnx takes no arguments, got " + args.positional());
        }
        File modelFile = args.file("model");
        File out = args.file("out");
        int[] shape = InputShape.of(args);
        Sequential model = Models.load(modelFile);
        try {
            if (shape == null) {
                shape = TfliteExporter.defaultInputShape(model);
            }
            OnnxExporter.export(model, shape, out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandFailedException("cannot export " + modelFile + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write " + out + ": " + e.getMessage(), e);
        }
        console.out().println("input shape (one sample, mllib layout): " + InputShape.toString(shape));
        console.out().println("wrote " + out + " (" + out.length() + " bytes, ONNX opset 13)");
        return 0;
    }
}
