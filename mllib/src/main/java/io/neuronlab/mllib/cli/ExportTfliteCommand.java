package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tflite.TfliteExporter;

import java.io.File;
import java.io.IOException;

/** {@code export-tflite --model FILE --out FILE.tflite}: a model file as a float32 TensorFlow Lite model. */
@DesktopOnly
final class ExportTfliteCommand extends ModelExportCommand {
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
    String extension() {
        return ".tflite";
    }

    @Override
    void export(Sequential model, int[] shape, File out) throws IOException {
        TfliteExporter.export(model, shape, out);
    }
}
