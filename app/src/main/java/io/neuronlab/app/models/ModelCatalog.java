package io.neuronlab.app.models;

import io.neuronlab.mllib.digits.DigitModel;
import io.neuronlab.mllib.io.LayerSpec;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.nn.Sequential;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Every model the user can choose — the built-in one first, then the library's files newest first — described
 * from their files, and loaded as networks. Plain Java (tested on the JVM); reads files: call off the main thread.
 */
public final class ModelCatalog {
    /** Opens the built-in model's bytes (the app's asset). */
    public interface BuiltIn {
        InputStream open() throws IOException;
    }

    private final ModelLibrary library;
    private final BuiltIn builtIn;

    public ModelCatalog(ModelLibrary library, BuiltIn builtIn) {
        this.library = library;
        this.builtIn = builtIn;
    }

    public ModelLibrary library() {
        return library;
    }

    /** The built-in model, then every library file (a file that no longer loads is listed with the reason). */
    public List<ModelEntry> entries() {
        File active = library.active();
        List<ModelEntry> entries = new ArrayList<>();
        entries.add(builtInEntry(active == null));
        for (File f : library.list()) {
            boolean inUse = f.equals(active);
            try {
                entries.add(describe(ModelFile.read(f), f.getName(), f.lastModified(), inUse));
            } catch (IOException e) {
                entries.add(new ModelEntry(f.getName(), ModelEntry.Kind.IMPORTED, null, 0, 0, f.lastModified(),
                        Float.NaN, inUse, e.getMessage()));
            }
        }
        return entries;
    }

    /**
     * The model Draw and Camera recognise with: the chosen library file, else the built-in one — also when the
     * chosen file no longer loads, as the recogniser then falls back to the built-in model.
     */
    public ModelEntry inUse() {
        File active = library.active();
        if (active != null) {
            try {
                return describe(ModelFile.read(active), active.getName(), active.lastModified(), true);
            } catch (IOException e) {
                // the recogniser uses the built-in model instead
            }
        }
        return builtInEntry(true);
    }

    private ModelEntry builtInEntry(boolean inUse) {
        try (InputStream in = builtIn.open()) {
            return describe(ModelFile.read(in, "built-in"), null, 0L, inUse);
        } catch (IOException e) {
            return new ModelEntry(null, ModelEntry.Kind.BUILT_IN, "digit", 0, 0, 0L, Float.NaN, inUse, e.getMessage());
        }
    }

    private static ModelEntry describe(ModelFile file, String name, long savedAt, boolean inUse) {
        TrainingMetadata meta = file.metadata();
        ModelEntry.Kind kind = name == null ? ModelEntry.Kind.BUILT_IN
                : meta.command().startsWith("lab ") ? ModelEntry.Kind.LAB_RUN
                : meta.command().startsWith("fine-tune") ? ModelEntry.Kind.PERSONAL
                : ModelEntry.Kind.IMPORTED;
        String network = meta.extra().get("net");
        if (kind == ModelEntry.Kind.BUILT_IN || kind == ModelEntry.Kind.PERSONAL) {
            network = "digit";
        }
        int[] counts = new int[2];
        count(file.architecture(), counts);
        return new ModelEntry(name, kind, network, counts[0], counts[1], savedAt, meta.accuracy(), inUse, null);
    }

    private static void count(List<LayerSpec> layers, int[] counts) {
        for (LayerSpec l : layers) {
            if (l.kind().equals("Conv2d")) {
                counts[0]++;
            } else if (l.kind().equals("Linear")) {
                counts[1]++;
            }
            count(l.children(), counts);
        }
    }

    /** The network of {@code fileName} (null: the built-in model), freshly loaded, in evaluation mode. */
    public Sequential load(String fileName) throws IOException {
        if (fileName == null) {
            try (InputStream in = builtIn.open()) {
                return DigitModel.load(in, "built-in model");
            }
        }
        Sequential net = new ModelSerializer().load(library.file(fileName));
        net.train(false);
        return net;
    }

    /** The model file's bytes as stored: exporting them gives back exactly the file (null: the built-in model). */
    public byte[] fileBytes(String fileName) throws IOException {
        if (fileName == null) {
            try (InputStream in = builtIn.open()) {
                return readAll(in);
            }
        }
        try (InputStream in = new java.io.FileInputStream(library.file(fileName))) {
            return readAll(in);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
