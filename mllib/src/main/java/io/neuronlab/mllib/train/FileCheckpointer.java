package io.neuronlab.mllib.train;

import io.neuronlab.mllib.nn.Layer;

import java.io.File;
import java.io.IOException;

/**
 * Saves checkpoints as files named {@code <prefix>-epoch<k>.<extension>} in a directory, through a
 * {@link CheckpointWriter}; with {@link #bestOnly(boolean) bestOnly} only epochs that improved the monitored
 * value are written, as {@code <prefix>-best.<extension>}.
 */
public final class FileCheckpointer implements Checkpointer {
    private final File directory;
    private final String prefix;
    private final String extension;
    private final CheckpointWriter writer;
    private boolean bestOnly;
    private File lastWritten;

    public FileCheckpointer(File directory, String prefix, String extension, CheckpointWriter writer) {
        if (writer == null) {
            throw new IllegalArgumentException("a FileCheckpointer needs a CheckpointWriter (the model file format)");
        }
        this.directory = directory;
        this.prefix = prefix;
        this.extension = extension;
        this.writer = writer;
    }

    /** Keeps only the best model ({@code <prefix>-best.<extension>}) instead of one file per epoch. Returns this. */
    public FileCheckpointer bestOnly(boolean on) {
        this.bestOnly = on;
        return this;
    }

    @Override
    public void checkpoint(Layer model, EpochEvent epoch) throws IOException {
        if (bestOnly && !epoch.improved()) {
            return;
        }
        if (!directory.isDirectory() && !directory.mkdirs()) {
            throw new IOException("cannot create checkpoint directory " + directory.getPath());
        }
        File file = new File(directory, prefix + (bestOnly ? "-best" : "-epoch" + epoch.epoch()) + "." + extension);
        writer.write(model, file);
        lastWritten = file;
    }

    /** The most recently written checkpoint, or null. */
    public File lastWritten() {
        return lastWritten;
    }
}
