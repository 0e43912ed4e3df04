package io.neuronlab.mllib.io;

import io.neuronlab.mllib.files.AtomicFile;
import io.neuronlab.mllib.tensor.Tensor;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contents of a NeuronLab model file (".nlmf"): the architecture (layers in order with their kinds
 * and hyper-parameters), the named tensors (weights and buffers such as BatchNorm's running statistics) and
 * the training metadata.
 *
 * <p>Binary layout, big-endian, format version {@value #FORMAT_VERSION}:
 * <pre>
 *   "NLMF"                 4 bytes magic
 *   u16 format version     1: layers in a flat list; 2: layers may contain layers
 *   u32 payload length     bytes between this field and the checksum
 *   payload:
 *     u16 layer count, per layer: name, kind, u16 count, per hyper-parameter: key, type tag, value,
 *                                 (version 2 only) u16 child count, then each child as a layer, recursively
 *     u32 tensor count, per tensor: name, u8 rank, rank x i32 dims, numel x float32
 *     metadata: dataset, i32 epochs, f32 accuracy, i64 seed, command, u16 count, key/value strings
 *   u32 CRC32 of the payload
 * </pre>
 * Strings are modified UTF-8 with a u16 length (DataOutput.writeUTF). Loading checks everything before it
 * returns, so a damaged file never yields a half-loaded model. Only java.io: it runs on Android API 24 and
 * reads from assets through {@link #read(InputStream, String)}.
 */
public final class ModelFile {
    /** The four bytes every model file starts with. */
    public static final byte[] MAGIC = {'N', 'L', 'M', 'F'};
    /** The newest format version this mllib reads and writes: 2, nested layers (residual and Inception blocks). */
    public static final int FORMAT_VERSION = 2;
    /**
     * The version of files without nesting. A flat architecture is still written as version 1, byte for byte as
     * before, so those files also load in an mllib (or an installed app) that predates version 2.
     */
    public static final int FLAT_FORMAT_VERSION = 1;
    /** The usual file name extension. */
    public static final String EXTENSION = ".nlmf";

    private final List<LayerSpec> architecture;
    private final Map<String, Tensor> tensors;
    private final TrainingMetadata metadata;

    public ModelFile(List<LayerSpec> architecture, Map<String, Tensor> tensors, TrainingMetadata metadata) {
        this.architecture = Collections.unmodifiableList(new ArrayList<>(architecture));
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.metadata = Objects.requireNonNull(metadata, "metadata (use TrainingMetadata.none())");
    }

    /** The layers in order. */
    public List<LayerSpec> architecture() {
        return architecture;
    }

    /** The version this file is written in: {@link #FLAT_FORMAT_VERSION} unless a layer has children. */
    public int formatVersion() {
        for (LayerSpec l : architecture) {
            if (l.nested()) {
                return FORMAT_VERSION;
            }
        }
        return FLAT_FORMAT_VERSION;
    }

    /** Named tensors ("fc1.weight" → [out, in], ...) in file order. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    public TrainingMetadata metadata() {
        return metadata;
    }

    /** A copy with other metadata (same architecture and tensors). */
    public ModelFile withMetadata(TrainingMetadata newMetadata) {
        return new ModelFile(architecture, tensors, newMetadata);
    }

    // ---------------------------------------------------------------- writing

    /** Writes this model to {@code file} atomically: on any failure an existing file keeps its old contents. */
    public void save(File file) throws IOException {
        AtomicFile.write(file, this::writeTo);
    }

    /** Writes the complete file (header, payload, checksum) to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        ModelFileWriter.write(this, out);
    }

    /** The complete file as bytes. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- reading

    /** Reads and fully validates a model file. */
    public static ModelFile read(File file) throws IOException {
        if (!file.isFile()) {
            throw new ModelFormatException("model file " + file + " does not exist"
                + (file.isDirectory() ? " (it is a directory)" : ""));
        }
        try (InputStream in = new FileInputStream(file)) {
            return read(in, file.getPath());
        }
    }

    /**
     * Reads and fully validates a model from a stream (an Android asset, say) that holds exactly one model
     * file; {@code source} names it in error messages. The stream is read to its end but not closed.
     */
    public static ModelFile read(InputStream in, String source) throws IOException {
        return ModelFileReader.read(in, source);
    }

    /** Reads a model from its bytes (as written by {@link #toBytes()}). */
    public static ModelFile fromBytes(byte[] bytes, String source) throws ModelFormatException {
        try {
            return ModelFileReader.read(new java.io.ByteArrayInputStream(bytes), source);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }
}
