package io.neuronlab.mllib.io;

import io.neuronlab.mllib.tensor.Tensor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Decodes and validates a {@link ModelFile}. The whole file is read and its checksum verified before the
 * payload is parsed; every problem becomes a {@link ModelFormatException} naming the source.
 */
final class ModelFileReader {
    static final int HEADER_BYTES = 4 + 2 + 4;
    /** Larger payloads are refused instead of allocated: no model in this project comes near it. */
    static final long MAX_PAYLOAD_BYTES = 1L << 30;

    private ModelFileReader() {
    }

    static ModelFile read(InputStream in, String source) throws IOException {
        String where = "model file " + source + ": ";
        byte[] header = new byte[HEADER_BYTES];
        int got = readUpTo(in, header, 0, HEADER_BYTES);
        checkMagic(header, got, where);
        if (got < HEADER_BYTES) {
            throw new ModelFormatException(where + "truncated: only " + got + " bytes, the header alone is "
                + HEADER_BYTES + " bytes");
        }
        int version = ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
        if (version < ModelFile.FLAT_FORMAT_VERSION || version > ModelFile.FORMAT_VERSION) {
            throw new ModelFormatException(where + "format version " + version + " is not supported: this mllib reads versions "
                + ModelFile.FLAT_FORMAT_VERSION + " to " + ModelFile.FORMAT_VERSION + (version > ModelFile.FORMAT_VERSION
                ? " (the file was written by a newer mllib; update mllib)" : " (the version field is damaged)"));
        }
        long length = ByteBuffer.wrap(header, 6, 4).getInt() & 0xFFFFFFFFL;
        if (length > MAX_PAYLOAD_BYTES) {
            throw new ModelFormatException(where + "corrupted: the header announces a payload of " + length
                + " bytes, more than the " + MAX_PAYLOAD_BYTES + " a model file may hold");
        }
        byte[] payload = readPayload(in, (int) length, where);
        byte[] crcBytes = new byte[4];
        int crcGot = readUpTo(in, crcBytes, 0, 4);
        if (crcGot < 4) {
            throw new ModelFormatException(where + "truncated: the CRC32 checksum after the payload is missing ("
                + crcGot + " of 4 bytes present; was the file cut off while copying?)");
        }
        long trailing = countRemaining(in);
        if (trailing > 0) {
            throw new ModelFormatException(where + trailing + " unexpected byte" + (trailing == 1 ? "" : "s")
                + " after the checksum (two files joined, or a bad copy?)");
        }
        long expected = ByteBuffer.wrap(crcBytes).getInt() & 0xFFFFFFFFL;
        CRC32 crc = new CRC32();
        crc.update(payload, 0, payload.length);
        if (crc.getValue() != expected) {
            throw new ModelFormatException(where + "corrupted: the payload's CRC32 is " + hex(crc.getValue())
                + " but the file records " + hex(expected) + " (the file was damaged; copy or save it again)");
        }
        try {
            return parsePayload(payload, version);
        } catch (EOFException | UTFDataFormatException e) {
            throw new ModelFormatException(where + "malformed payload (checksum is valid, so the writer was broken): "
                + e.getMessage(), e);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(where + e.getMessage(), e);
        }
    }

    private static void checkMagic(byte[] header, int got, String where) throws ModelFormatException {
        if (got == 0) {
            throw new ModelFormatException(where + "the file is empty; a model file starts with \"NLMF\"");
        }
        int n = Math.min(got, 4);
        for (int i = 0; i < n; i++) {
            if (header[i] != ModelFile.MAGIC[i]) {
                StringBuilder seen = new StringBuilder();
                for (int j = 0; j < n; j++) {
                    seen.append(String.format("%02X ", header[j] & 0xFF));
                }
                throw new ModelFormatException(where + "not a NeuronLab model file: it starts with bytes "
                    + seen.toString().trim() + ", a model file starts with \"NLMF\" (4E 4C 4D 46)");
            }
        }
    }

    private static byte[] readPayload(InputStream in, int length, String where) throws IOException {
        // Grow in chunks rather than trusting the length field with one big allocation.
        ByteArrayOutputStream buf = new ByteArrayOutputStream(Math.min(length, 1 << 20));
        byte[] chunk = new byte[1 << 16];
        int remaining = length;
        while (remaining > 0) {
            int r = in.read(chunk, 0, Math.min(chunk.length, remaining));
            if (r < 0) {
                throw new ModelFormatException(where + "truncated: the header announces a payload of " + length
                    + " bytes but only " + (length - remaining) + " follow (was the file cut off while copying?)");
            }
            buf.write(chunk, 0, r);
            remaining -= r;
        }
        return buf.toByteArray();
    }

    private static ModelFile parsePayload(byte[] payload, int version) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        List<LayerSpec> layers = readArchitecture(in, version);
        Map<String, Tensor> tensors = readTensors(in, payload.length);
        TrainingMetadata metadata = readMetadata(in);
        int left = in.available();
        if (left > 0) {
            throw new ModelFormatException("malformed payload: " + left + " bytes left after the metadata");
        }
        return new ModelFile(layers, tensors, metadata);
    }

    /** Deeper nesting than any real network (ResNet-34 is 4 deep) means a damaged writer, not a model. */
    private static final int MAX_DEPTH = 32;

    private static List<LayerSpec> readArchitecture(DataInputStream in, int version) throws IOException {
        int count = in.readUnsignedShort();
        List<LayerSpec> layers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            layers.add(readLayer(in, version, i, 0));
        }
        return layers;
    }

    private static LayerSpec readLayer(DataInputStream in, int version, int i, int depth) throws IOException {
        LayerSpec spec = new LayerSpec(in.readUTF(), in.readUTF());
        int n = in.readUnsignedShort();
        for (int k = 0; k < n; k++) {
            String key = in.readUTF();
            int tag = in.readUnsignedByte();
            switch (tag) {
                case ModelFileWriter.TAG_INT -> spec.with(key, in.readInt());
                case ModelFileWriter.TAG_FLOAT -> spec.with(key, Float.intBitsToFloat(in.readInt()));
                case ModelFileWriter.TAG_BOOLEAN -> spec.with(key, in.readBoolean());
                case ModelFileWriter.TAG_STRING -> spec.with(key, in.readUTF());
                default -> throw new ModelFormatException("layer " + i + " '" + spec.name()
                    + "': hyper-parameter '" + key + "' has unknown type tag " + tag);
            }
        }
        if (version >= 2) {
            int children = in.readUnsignedShort();
            if (children > 0 && depth >= MAX_DEPTH) {
                throw new ModelFormatException("layer '" + spec.name() + "' is nested more than " + MAX_DEPTH + " deep");
            }
            for (int c = 0; c < children; c++) {
                spec.withChild(readLayer(in, version, c, depth + 1));
            }
        }
        return spec;
    }

    private static Map<String, Tensor> readTensors(DataInputStream in, int payloadLength) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new ModelFormatException("malformed payload: negative tensor count " + count);
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int rank = in.readUnsignedByte();
            if (rank > ModelFileWriter.MAX_RANK) {
                throw new ModelFormatException("tensor '" + name + "' has rank " + rank + "; at most "
                    + ModelFileWriter.MAX_RANK + " is supported");
            }
            int[] shape = new int[rank];
            long numel = 1;
            for (int d = 0; d < rank; d++) {
                shape[d] = in.readInt();
                numel *= Math.max(shape[d], 0);
                if (shape[d] < 0 || numel * 4 > payloadLength) {
                    throw new ModelFormatException("tensor '" + name + "' has an impossible shape (dimension "
                        + d + " is " + shape[d] + ")");
                }
            }
            byte[] raw = new byte[(int) numel * 4];
            in.readFully(raw);
            float[] values = new float[(int) numel];
            ByteBuffer.wrap(raw).asFloatBuffer().get(values);
            if (tensors.put(name, Tensor.of(values, shape)) != null) {
                throw new ModelFormatException("tensor '" + name + "' appears twice");
            }
        }
        return tensors;
    }

    private static TrainingMetadata readMetadata(DataInputStream in) throws IOException {
        String dataset = in.readUTF();
        int epochs = in.readInt();
        float accuracy = Float.intBitsToFloat(in.readInt());
        long seed = in.readLong();
        String command = in.readUTF();
        int n = in.readUnsignedShort();
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            extra.put(in.readUTF(), in.readUTF());
        }
        return new TrainingMetadata(dataset, epochs, accuracy, seed, command, extra);
    }

    /** Reads until {@code len} bytes or the end of the stream; returns how many were read. */
    private static int readUpTo(InputStream in, byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int r = in.read(b, off + total, len - total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        return total;
    }

    private static long countRemaining(InputStream in) throws IOException {
        long n = 0;
        byte[] skip = new byte[8192];
        int r;
        while ((r = in.read(skip)) > 0) {
            n += r;
        }
        return n;
    }

    private static String hex(long v) {
        return String.format("%08x", v);
    }
}
