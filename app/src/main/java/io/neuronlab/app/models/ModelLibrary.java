package io.neuronlab.app.models;

import io.neuronlab.mllib.files.AtomicFile;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The user's model files in app storage ({@code files/models/*.nlmf}): every lab run and fine-tuning saves one
 * here, the user can import one, delete one, and choose the one the recogniser (Draw, Camera) uses. Which one is
 * in use is kept in {@code active.txt} beside them (written atomically); none means the shipped model.
 * Plain Java (tested on the JVM); call from a background thread.
 */
public final class ModelLibrary {
    public static final String EXTENSION = ".nlmf";
    private static final String ACTIVE = "active.txt";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,80}");
    /** Larger than any MNIST network the lab builds (the deep CNN is 0.7 MB): rejects garbage before parsing. */
    private static final int MAX_BYTES = 64 << 20;

    private final File dir;

    public ModelLibrary(File dir) {
        this.dir = dir;
    }

    public File dir() {
        return dir;
    }

    /** The model files, newest first. */
    public List<File> list() {
        File[] files = dir.listFiles((d, name) -> name.endsWith(EXTENSION));
        List<File> list = new ArrayList<>(files == null ? java.util.Collections.<File>emptyList() : Arrays.asList(files));
        list.sort((a, b) -> Long.compare(b.lastModified(), a.lastModified()));
        return list;
    }

    public File file(String name) {
        if (!NAME.matcher(name).matches() || !name.endsWith(EXTENSION)) {
            throw new IllegalArgumentException("not a model file name: '" + name + "'");
        }
        return new File(dir, name);
    }

    /**
     * Checks that {@code bytes} are a model file of a digit classifier (input {@code [N, 1, 28, 28]}, ten scores)
     * and saves them as {@code name}; a damaged or wrong file throws an IOException saying why and saves nothing.
     */
    public File importModel(InputStream in, String name) throws IOException {
        File target = file(name);
        byte[] bytes = readAtMost(in, MAX_BYTES, name);
        check(bytes, name);
        ensureDir();
        AtomicFile.write(target, bytes);
        return target;
    }

    /**
     * A new file name for an imported document called {@code displayName} ("My model (2).nlmf"): its letters,
     * digits, dots and dashes, other characters as '-', ".nlmf" at the end, and "-2", "-3", … when the name is
     * taken, so an import never replaces a model the user has.
     */
    public String importName(String displayName) {
        String base = displayName == null ? "" : displayName.trim();
        int slash = base.lastIndexOf('/');
        base = base.substring(slash + 1);
        if (base.toLowerCase(java.util.Locale.ROOT).endsWith(EXTENSION)) {
            base = base.substring(0, base.length() - EXTENSION.length());
        }
        base = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (base.isEmpty()) {
            base = "imported";
        }
        base = base.substring(0, Math.min(base.length(), 60));
        String name = base + EXTENSION;
        for (int i = 2; new File(dir, name).exists() || name.equals(ACTIVE); i++) {
            name = base + "-" + i + EXTENSION;
        }
        return name;
    }

    /** Loads {@code bytes} as a network and runs one blank digit through it; IOException with the reason otherwise. */
    public static Sequential check(byte[] bytes, String name) throws IOException {
        Sequential net = new ModelSerializer().load(new java.io.ByteArrayInputStream(bytes), name);
        Tensor out;
        try {
            out = net.forward(Tensor.zeros(1, 1, 28, 28));
        } catch (RuntimeException e) {
            throw new IOException(name + " is a model file but not for 28×28 digits: " + e.getMessage(), e);
        }
        if (out.dim() != 2 || out.size(1) != 10) {
            throw new IOException(name + " is a model file but does not give ten digit scores (output "
                    + Arrays.toString(out.shape()) + ")");
        }
        return net;
    }

    /** Deletes a model; if it was the one in use, the shipped model is used again. */
    public boolean delete(String name) throws IOException {
        File f = file(name);
        if (name.equals(activeName())) {
            clearActive();
        }
        return f.delete();
    }

    /** The file the recogniser should use, or null for the shipped model (also when the chosen file is gone). */
    public File active() {
        String name = activeName();
        if (name == null) {
            return null;
        }
        File f = new File(dir, name);
        return f.isFile() ? f : null;
    }

    public void setActive(String name) throws IOException {
        File f = file(name);
        if (!f.isFile()) {
            throw new IOException("there is no model " + name);
        }
        ensureDir();
        AtomicFile.write(new File(dir, ACTIVE), name.getBytes(StandardCharsets.UTF_8));
    }

    /** Back to the shipped model. */
    public void clearActive() throws IOException {
        File f = new File(dir, ACTIVE);
        if (f.exists() && !f.delete()) {
            throw new IOException("cannot delete " + f);
        }
    }

    private String activeName() {
        File f = new File(dir, ACTIVE);
        if (!f.isFile()) {
            return null;
        }
        try (InputStream in = new FileInputStream(f)) {
            String name = new String(readAtMost(in, 200, ACTIVE), StandardCharsets.UTF_8).trim();
            return NAME.matcher(name).matches() ? name : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void ensureDir() throws IOException {
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IOException("cannot create " + dir);
        }
    }

    private static byte[] readAtMost(InputStream in, int max, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                throw new IOException(name + " is larger than " + (max >> 20) + " MB: not a digit model");
            }
        }
        return out.toByteArray();
    }
}
