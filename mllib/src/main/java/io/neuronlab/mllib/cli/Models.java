package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.io.ModelFile;

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
}
