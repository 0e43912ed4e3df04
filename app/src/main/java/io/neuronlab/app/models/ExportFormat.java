package io.neuronlab.app.models;

import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tflite.TfliteExporter;
import java.io.IOException;

/** The two ways a model leaves the app: its own {@code .nlmf} file, or TensorFlow Lite through mllib's exporter. */
public enum ExportFormat {
    /** The model file exactly as stored: importing it again gives the same bytes. */
    NLMF(".nlmf"),
    /** A float32 TensorFlow Lite model (NHWC, batch 1), for TFLite apps and tools. */
    TFLITE(".tflite");

    /** Files of neither kind have a registered MIME type; the share sheet and the save dialog take any bytes. */
    public static final String MIME_TYPE = "application/octet-stream";

    public final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /**
     * The bytes to export for the model {@code fileName} of {@code catalog} (null: the built-in model).
     *
     * @throws CannotExportException when TFLite cannot express the network (the message names the layer)
     */
    public byte[] bytes(ModelCatalog catalog, String fileName) throws IOException {
        if (this == NLMF) {
            return catalog.fileBytes(fileName);
        }
        Sequential net = catalog.load(fileName);
        try {
            return TfliteExporter.toBytes(net, TfliteExporter.defaultInputShape(net));
        } catch (IllegalArgumentException e) {
            throw new CannotExportException(e.getMessage());
        }
    }

    /** A network the TFLite exporter cannot express (a layer or layout TFLite has no operator for). */
    public static final class CannotExportException extends IOException {
        public CannotExportException(String reason) {
            super(reason);
        }
    }
}
