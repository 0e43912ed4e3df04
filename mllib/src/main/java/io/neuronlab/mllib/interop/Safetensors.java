package io.neuronlab.mllib.interop;

import io.neuronlab.mllib.files.AtomicFile;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (Hugging Face's, what PyTorch users share weights in):
 * <pre>
 *   u64 little-endian   N, the header's length in bytes
 *   N bytes             JSON: {"name": {"dtype": "F32", "shape": [64, 3, 7, 7], "data_offsets": [begin, end]}, ...,
 *                              "__metadata__": {"key": "value"}}   (padded with spaces)
 *   the data            each tensor's bytes, little-endian, row-major, at [begin, end) from here
 * </pre>
 * Read: F32, F64 (converted to float) and I64 (PyTorch's {@code num_batches_tracked}); other types are refused by
 * name. Written: F32, and I64 for integer tensors. Every offset and size is checked: a damaged file gives a
 * message, never a half-read tensor.
 */
public final class Safetensors {
    /** One tensor: its shape and values ({@code floats} for F32/F64, {@code longs} for I64, the other null). */
    public record Entry(int[] shape, float[] floats, long[] longs) {
        public static Entry of(float[] values, int... shape) {
            return new Entry(shape, values, null);
        }

        public static Entry ofLongs(long[] values, int... shape) {
            return new Entry(shape, null, values);
        }

        public boolean isFloat() {
            return floats != null;
        }

        public int numel() {
            return isFloat() ? floats.length : longs.length;
        }
    }

    /** Larger headers are refused (a real one is a few hundred kilobytes at most). */
    static final long MAX_HEADER_BYTES = 100L << 20;

    private final Map<String, Entry> tensors;
    private final Map<String, String> metadata;

    public Safetensors(Map<String, Entry> tensors, Map<String, String> metadata) {
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Tensors by name, in file order. */
    public Map<String, Entry> tensors() {
        return tensors;
    }

    /** The header's {@code __metadata__} (string to string). */
    public Map<String, String> metadata() {
        return metadata;
    }

    // ---------------------------------------------------------------- reading

    public static Safetensors read(File file) throws IOException {
        byte[] bytes = WholeFile.read(file, "safetensors", Integer.MAX_VALUE - 16, "mllib reads files under 2 GiB");
        return read(bytes, file.getPath());
    }

    /** Parses a whole file's bytes; {@code source} names it in messages. */
    @SuppressWarnings("unchecked")
    public static Safetensors read(byte[] bytes, String source) throws IOException {
        String where = "safetensors file " + source + ": ";
        if (bytes.length < 8) {
            throw new IOException(where + "only " + bytes.length + " bytes; the header length alone is 8");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buf.getLong(0);
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > bytes.length) {
            throw new IOException(where + "header length " + headerLength + " does not fit the file's " + bytes.length
                + " bytes (not a safetensors file, or cut off)");
        }
        Object parsed;
        try {
            parsed = Json.parse(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(where + "header: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map)) {
            throw new IOException(where + "the header is not a JSON object");
        }
        int dataStart = 8 + (int) headerLength;
        long dataLength = bytes.length - dataStart;
        Map<String, Entry> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        long covered = 0;
        for (Map.Entry<String, Object> e : ((Map<String, Object>) parsed).entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                if (!(e.getValue() instanceof Map)) {
                    throw new IOException(where + "__metadata__ is not an object");
                }
                for (Map.Entry<String, Object> m : ((Map<String, Object>) e.getValue()).entrySet()) {
                    metadata.put(m.getKey(), String.valueOf(m.getValue()));
                }
                continue;
            }
            String name = e.getKey();
            if (!(e.getValue() instanceof Map)) {
                throw new IOException(where + "tensor '" + name + "' is not described by an object");
            }
            Map<String, Object> info = (Map<String, Object>) e.getValue();
            String dtype = String.valueOf(info.get("dtype"));
            int[] shape = ints(info.get("shape"), where + "tensor '" + name + "' shape");
            int[] offsets = ints(info.get("data_offsets"), where + "tensor '" + name + "' data_offsets");
            if (offsets.length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > dataLength) {
                throw new IOException(where + "tensor '" + name + "' has data_offsets " + Arrays.toString(offsets)
                    + " outside the " + dataLength + " data bytes");
            }
            long numel = 1;
            for (int d : shape) {
                if (d < 0) {
                    throw new IOException(where + "tensor '" + name + "' has a negative dimension " + Arrays.toString(shape));
                }
                numel *= d;
            }
            int width = switch (dtype) {
                case "F32" -> 4;
                case "F64", "I64" -> 8;
                default -> throw new IOException(where + "tensor '" + name + "' has dtype " + dtype
                    + "; mllib reads F32, F64 and I64 (convert with tensor.float() before saving)");
            };
            if (numel * width != offsets[1] - offsets[0]) {
                throw new IOException(where + "tensor '" + name + "' " + dtype + " " + Arrays.toString(shape) + " needs "
                    + numel * width + " bytes, its offsets give " + (offsets[1] - offsets[0]));
            }
            covered += offsets[1] - offsets[0];
            ByteBuffer data = ByteBuffer.wrap(bytes, dataStart + offsets[0], offsets[1] - offsets[0])
                .slice().order(ByteOrder.LITTLE_ENDIAN);
            Entry entry;
            if (dtype.equals("I64")) {
                long[] v = new long[(int) numel];
                data.asLongBuffer().get(v);
                entry = Entry.ofLongs(v, shape);
            } else if (dtype.equals("F64")) {
                double[] d = new double[(int) numel];
                data.asDoubleBuffer().get(d);
                float[] v = new float[d.length];
                for (int k = 0; k < d.length; k++) {
                    v[k] = (float) d[k];
                }
                entry = Entry.of(v, shape);
            } else {
                float[] v = new float[(int) numel];
                data.asFloatBuffer().get(v);
                entry = Entry.of(v, shape);
            }
            tensors.put(name, entry);
        }
        if (covered != dataLength) {
            throw new IOException(where + "the tensors cover " + covered + " of the " + dataLength
                + " data bytes (overlapping tensors, or bytes that belong to none)");
        }
        return new Safetensors(tensors, metadata);
    }

    private static int[] ints(Object v, String what) throws IOException {
        if (!(v instanceof List)) {
            throw new IOException(what + " is not an array");
        }
        List<?> list = (List<?>) v;
        int[] out = new int[list.size()];
        for (int k = 0; k < out.length; k++) {
            Object x = list.get(k);
            if (!(x instanceof Long) || (Long) x > Integer.MAX_VALUE) {
                throw new IOException(what + " holds " + x + ", not an integer");
            }
            out[k] = (int) (long) (Long) x;
        }
        return out;
    }

    // ---------------------------------------------------------------- writing

    /** The file's bytes: tensors in map order, header padded to a multiple of 8 with spaces. */
    public byte[] toBytes() {
        StringBuilder header = new StringBuilder("{");
        long offset = 0;
        boolean first = true;
        if (!metadata.isEmpty()) {
            header.append("\"__metadata__\":{");
            boolean m1 = true;
            for (Map.Entry<String, String> m : metadata.entrySet()) {
                header.append(m1 ? "" : ",").append(Json.quote(m.getKey())).append(':').append(Json.quote(m.getValue()));
                m1 = false;
            }
            header.append('}');
            first = false;
        }
        for (Map.Entry<String, Entry> e : tensors.entrySet()) {
            Entry t = e.getValue();
            long size = (long) t.numel() * (t.isFloat() ? 4 : 8);
            header.append(first ? "" : ",").append(Json.quote(e.getKey())).append(":{\"dtype\":\"")
                .append(t.isFloat() ? "F32" : "I64").append("\",\"shape\":[");
            for (int d = 0; d < t.shape().length; d++) {
                header.append(d == 0 ? "" : ",").append(t.shape()[d]);
            }
            header.append("],\"data_offsets\":[").append(offset).append(',').append(offset + size).append("]}");
            offset += size;
            first = false;
        }
        header.append('}');
        byte[] head = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (head.length + 7) / 8 * 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16, 8 + padded + offset));
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
        out.write(len.array(), 0, 8);
        out.write(head, 0, head.length);
        for (int k = head.length; k < padded; k++) {
            out.write(' ');
        }
        for (Entry t : tensors.values()) {
            ByteBuffer b = ByteBuffer.allocate(t.numel() * (t.isFloat() ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
            if (t.isFloat()) {
                b.asFloatBuffer().put(t.floats());
            } else {
                b.asLongBuffer().put(t.longs());
            }
            out.write(b.array(), 0, b.capacity());
        }
        return out.toByteArray();
    }

    /** Writes the file atomically: on failure an existing file keeps its contents. */
    public void write(File file) throws IOException {
        AtomicFile.write(file, toBytes());
    }
}
