package io.neuronlab.mllib.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a saved model was made: the dataset it was trained on, the number of epochs, its test accuracy
 * (NaN if not measured), the random seed, the command that produced it (so it can be reproduced) and free
 * key/value notes (optimizer, learning rate, date, ...).
 */
public record TrainingMetadata(String dataset, int epochs, float accuracy, long seed, String command,
                               Map<String, String> extra) {

    public TrainingMetadata {
        dataset = dataset == null ? "" : dataset;
        command = command == null ? "" : command;
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra == null ? Collections.emptyMap() : extra));
    }

    /** Metadata for a model with no training history. */
    public static TrainingMetadata none() {
        return new TrainingMetadata("", 0, Float.NaN, 0L, "", null);
    }

    /** A copy with one more note. */
    public TrainingMetadata with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(extra);
        m.put(key, value);
        return new TrainingMetadata(dataset, epochs, accuracy, seed, command, m);
    }

    public boolean hasAccuracy() {
        return !Float.isNaN(accuracy);
    }
}
