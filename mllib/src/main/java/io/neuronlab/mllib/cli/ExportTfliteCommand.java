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
            + "Dropout is left out; Residual becomes ADD, Concat CONCATENATION along the channels, adaptive average\n"
            + "pooling AVERAGE_POOL_2D (when its output size divides the input's); other layers the exporter does\n"
            + "not know are named in the error. Example: export-tflite --model resnet18.nlmf --input-shape 3,32,32\n"
            + "--out resnet18.tflite";
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
