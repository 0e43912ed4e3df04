package io.neuronlab.mllib.io;

import io.neuronlab.mllib.tensor.Tensor;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.zip.CRC32;

/** Encodes a {@link ModelFile}; the layout is documented there. Deterministic: same model, same bytes. */
final class ModelFileWriter {
    static final int TAG_INT = 'i';
    static final int TAG_FLOAT = 'f';
    static final int TAG_BOOLEAN = 'b';
    static final int TAG_STRING = 's';
    static final int MAX_RANK = 8;

    private ModelFileWriter() {
    }

    static void write(ModelFile model, OutputStream target) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream payload = new DataOutputStream(bytes);
        int version = model.formatVersion();
        writeArchitecture(model, version, payload);
        writeTensors(model, payload);
        writeMetadata(model.metadata(), payload);
        payload.flush();
        byte[] body = bytes.toByteArray();

        CRC32 crc = new CRC32();
        crc.update(body, 0, body.length);
        DataOutputStream out = new DataOutputStream(target);
        out.write(ModelFile.MAGIC);
        out.writeShort(version);
        out.writeInt(body.length);
        out.write(body);
        out.writeInt((int) crc.getValue());
        out.flush();
    }

    private static void writeArchitecture(ModelFile model, int version, DataOutputStream out) throws IOException {
        out.writeShort(checkU16(model.architecture().size(), "layer count"));
        for (LayerSpec layer : model.architecture()) {
            writeLayer(layer, version, out);
        }
    }

    private static void writeLayer(LayerSpec layer, int version, DataOutputStream out) throws IOException {
        writeString(out, layer.name(), "layer name");
        writeString(out, layer.kind(), "layer kind");
        out.writeShort(checkU16(layer.hyperparameters().size(), "hyper-parameter count of " + layer.name()));
        for (Map.Entry<String, Object> e : layer.hyperparameters().entrySet()) {
            writeString(out, e.getKey(), "hyper-parameter name");
            Object v = e.getValue();
            if (v instanceof Integer) {
                out.writeByte(TAG_INT);
                out.writeInt((Integer) v);
            } else if (v instanceof Float) {
                out.writeByte(TAG_FLOAT);
                out.writeInt(Float.floatToRawIntBits((Float) v));
            } else if (v instanceof Boolean) {
                out.writeByte(TAG_BOOLEAN);
                out.writeBoolean((Boolean) v);
            } else {
                out.writeByte(TAG_STRING);
                writeString(out, (String) v, "hyper-parameter value");
            }
        }
        if (version >= 2) {
            out.writeShort(checkU16(layer.children().size(), "child count of " + layer.name()));
            for (LayerSpec child : layer.children()) {
                writeLayer(child, version, out);
            }
        }
    }

    private static void writeTensors(ModelFile model, DataOutputStream out) throws IOException {
        out.writeInt(model.tensors().size());
        for (Map.Entry<String, Tensor> e : model.tensors().entrySet()) {
            Tensor t = e.getValue();
            writeString(out, e.getKey(), "tensor name");
            if (t.dim() > MAX_RANK) {
                throw new IllegalArgumentException("tensor '" + e.getKey() + "' has rank " + t.dim() + "; at most " + MAX_RANK + " is supported");
            }
            out.writeByte(t.dim());
            for (int d : t.shape()) {
                out.writeInt(d);
            }
            // Raw bits keep every float (NaN payloads included) exactly, so a re-save is byte-identical.
            ByteBuffer buf = ByteBuffer.allocate(t.numel() * 4);
            buf.asFloatBuffer().put(t.data());
            out.write(buf.array());
        }
    }

    private static void writeMetadata(TrainingMetadata m, DataOutputStream out) throws IOException {
        writeString(out, m.dataset(), "dataset");
        out.writeInt(m.epochs());
        out.writeInt(Float.floatToRawIntBits(m.accuracy()));
        out.writeLong(m.seed());
        writeString(out, m.command(), "command");
        out.writeShort(checkU16(m.extra().size(), "metadata entry count"));
        for (Map.Entry<String, String> e : m.extra().entrySet()) {
            writeString(out, e.getKey(), "metadata key");
            writeString(out, e.getValue(), "metadata value of " + e.getKey());
        }
    }

    private static void writeString(DataOutputStream out, String s, String what) throws IOException {
        if (s.length() > 16_000) { // writeUTF's limit is 65535 encoded bytes; 16k chars always fit
            throw new IllegalArgumentException(what + " is too long to save (" + s.length() + " characters, at most 16000)");
        }
        out.writeUTF(s);
    }

    private static int checkU16(int n, String what) {
        if (n > 0xFFFF) {
            throw new IllegalArgumentException(what + " is " + n + "; a model file holds at most 65535");
        }
        return n;
    }
}
