package io.neuronlab.mllib.train;

import io.neuronlab.mllib.nn.Layer;

import java.io.File;
import java.io.IOException;

/**
 * Writes a model's parameters and buffers to a file — the seam where the model-file format plugs in
 * (io's model file writer implements it). Implementations must write atomically (temp file + fsync + rename)
 * so that a crash never leaves a half-written checkpoint under the final name.
 */
public interface CheckpointWriter {
    void write(Layer model, File file) throws IOException;
}
