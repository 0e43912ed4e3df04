package io.neuronlab.mllib.train;

import io.neuronlab.mllib.nn.Layer;

import java.io.IOException;

/**
 * Called by the {@link Trainer} at the end of every epoch whose loss stayed finite: the model then is a
 * good checkpoint. Implementations decide what to keep (every epoch, only improvements) and where;
 * {@code io.ModelCheckpointer} writes them as model files.
 */
public interface Checkpointer {
    void checkpoint(Layer model, EpochEvent epoch) throws IOException;
}
