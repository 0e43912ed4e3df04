package io.neuronlab.mllib.io;

import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.train.Checkpointer;
import io.neuronlab.mllib.train.EpochEvent;

import java.io.File;
import java.io.IOException;

/**
 * The {@link Checkpointer} that keeps a training run on disk: at the end of every epoch — or, with
 * {@link #bestOnly(boolean)}, only of epochs whose test accuracy improved — it saves the model as one {@code .nlmf}
 * file, with the epoch and its test accuracy in the metadata. Saves are atomic ({@link ModelSerializer}), so a run
 * killed at any moment leaves the last saved epoch intact.
 *
 * <p>A failed save does not stop training (the previous epoch's file stays as it was): the first failure is kept,
 * later epochs are not saved, and the caller reads {@link #failure()} when training ends.
 */
public final class ModelCheckpointer implements Checkpointer {
    private final File file;
    private final TrainingMetadata metadata;
    private final ModelSerializer serializer;
    private boolean bestOnly;
    private int savedEpoch;
    private IOException failure;

    /** @param metadata how the model is made; its epochs and accuracy are replaced by each saved epoch's */
    public ModelCheckpointer(File file, TrainingMetadata metadata, ModelSerializer serializer) {
        if (file == null || metadata == null || serializer == null) {
            throw new IllegalArgumentException("a ModelCheckpointer needs a file, metadata and a serializer");
        }
        this.file = file;
        this.metadata = metadata;
        this.serializer = serializer;
    }

    /** Saves only epochs that improved the test accuracy (the best model so far). Returns this. */
    public ModelCheckpointer bestOnly(boolean on) {
        this.bestOnly = on;
        return this;
    }

    @Override
    public void checkpoint(Layer model, EpochEvent epoch) {
        if (failure != null || (bestOnly && !epoch.improved())) {
            return;
        }
        if (!(model instanceof Sequential)) {
            throw new IllegalArgumentException("model files hold Sequential networks, got " + model.getClass().getSimpleName());
        }
        TrainingMetadata m = new TrainingMetadata(metadata.dataset(), epoch.epoch(), (float) epoch.testAccuracy(),
            metadata.seed(), metadata.command(), metadata.extra());
        try {
            serializer.save((Sequential) model, m, file);
            savedEpoch = epoch.epoch();
        } catch (IOException e) {
            failure = e; // the previous epoch's file stays intact (atomic save)
        }
    }

    /** The file the checkpoints are written to. */
    public File file() {
        return file;
    }

    /** The epoch of the last checkpoint written, 0 if none. */
    public int savedEpoch() {
        return savedEpoch;
    }

    /** The first save that failed, or null. */
    public IOException failure() {
        return failure;
    }
}
