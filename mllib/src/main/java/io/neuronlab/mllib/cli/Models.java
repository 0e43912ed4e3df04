package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.nn.Sequential;

import java.io.File;
import java.io.IOException;

/** Loading model files for the commands, with failures turned into one-line errors. */
@DesktopOnly
final class Models {
    private Models() {
    }

    static ModelFile readFile(File file) throws CommandFailedException {
        try {
            return ModelFile.read(file);
        } catch (IOException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
    }

    /** The network a model file describes, in evaluation mode. */
    static Sequential load(File file) throws CommandFailedException {
        try {
            return new ModelSerializer().build(ModelFile.read(file), file.getPath());
        } catch (IOException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
    }
}
