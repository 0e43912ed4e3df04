package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.onnx.OnnxExporter;

import java.io.File;
import java.io.IOException;

/** {@code export-onnx --model FILE --out FILE.onnx}: a model file as an ONNX model for any ONNX runtime. */
@DesktopOnly
final class ExportOnnxCommand extends ModelExportCommand {
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
    String extension() {
        return ".onnx";
    }

    @Override
    void export(Sequential model, int[] shape, File out) throws IOException {
        OnnxExporter.export(model, shape, out);
    }

    @Override
    String writtenNote() {
        return ", ONNX opset 13";
    }
}
