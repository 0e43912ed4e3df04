package io.neuronlab.app.models;

/**
 * One model the user can choose: the built-in one (the shipped asset) or a file of the {@link ModelLibrary}, with
 * what its file says about it.
 *
 * @param fileName      the library file's name, or null for the built-in model
 * @param kind          where it came from
 * @param network       the lab's network name ("lenet", "mlp", …) when a lab run made it, else null
 * @param convLayers    how many convolution layers it has
 * @param denseLayers   how many fully connected layers it has
 * @param savedAtMillis when the file was written (ms since the epoch); 0 for the built-in model
 * @param testAccuracy  the accuracy its file records (0..1), NaN when none was measured
 * @param inUse         whether Draw and Camera recognise with it
 * @param damage        why the file does not load, or null when it does
 */
public record ModelEntry(String fileName, Kind kind, String network, int convLayers, int denseLayers,
                         long savedAtMillis, float testAccuracy, boolean inUse, String damage) {
    /** Where a model came from. */
    public enum Kind {
        /** The model shipped with the app. */
        BUILT_IN,
        /** Trained in the lab. */
        LAB_RUN,
        /** Fine-tuned on the user's handwriting. */
        PERSONAL,
        /** Imported from a file. */
        IMPORTED
    }

    public boolean builtIn() {
        return kind == Kind.BUILT_IN;
    }

    /** The base of exported file names: "lenet-1733405000000", "digits-built-in". */
    public String exportBaseName() {
        return fileName == null ? "digits-built-in" : fileName.substring(0, fileName.length() - ModelLibrary.EXTENSION.length());
    }
}
