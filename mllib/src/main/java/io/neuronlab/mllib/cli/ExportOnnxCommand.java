package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.files.AtomicFile;
import io.neuronlab.mllib.interop.OnnxExporter;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tflite.TfliteExporter;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code export-onnx --model FILE --out FILE.onnx}: a model file as ONNX (opset 13, dynamic batch). */
@DesktopOnly
final class ExportOnnxCommand implements Command {
    @Override
    public String name() {
        return "export-onnx";
    }

    @Override
    public String summary() {
        return "convert a model file to ONNX (opset " + OnnxExporter.OPSET + ", float32, NCHW, any batch)";
    }

    @Override
    public String details() {
        return "The input shape is inferred as for export-tflite ([C, 28, 28] for a convolution first) unless --input-shape\n"
            + "gives one sample's shape, e.g. 3,224,224 for an ImageNet network. Graph input \"input\", output \"output\".";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("model", "FILE", null, "model file (.nlmf) to convert (required)"));
        o.add(Option.value("out", "FILE", null, "where to write the .onnx model (required)"));
        o.add(Option.value("input-shape", "C,H,W", null, "one sample's shape, e.g. 3,224,224 or 784"));
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("export-onnx takes no arguments, got " + args.positional());
        }
        File modelFile = args.file("model");
        File out = args.file("out");
        int[] shape = args.has("input-shape") ? ExportTfliteCommand.shape(args.required("input-shape")) : null;
        Sequential model = Models.load(modelFile);
        byte[] onnx;
        try {
            if (shape == null) {
                shape = TfliteExporter.defaultInputShape(model);
            }
            onnx = OnnxExporter.export(model, shape);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandFailedException("cannot export " + modelFile + ": " + e.getMessage(), e);
        }
        try {
            AtomicFile.write(out, onnx);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write " + out + ": " + e.getMessage(), e);
        }
        console.out().println("wrote " + out + " (" + out.length() + " bytes, ONNX opset " + OnnxExporter.OPSET + ")");
        return 0;
    }
}
