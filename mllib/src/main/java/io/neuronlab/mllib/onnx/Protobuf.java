package io.neuronlab.mllib.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Protocol-buffer wire format, writing only — enough for ONNX's messages without a protobuf dependency: varints
 * (wire type 0), fixed 32-bit floats (5) and length-delimited strings, bytes and messages (2). Repeated fields are
 * written one tag per value (unpacked), which every reader accepts.
 */
final class Protobuf {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    Protobuf int64(int field, long v) {
        tag(field, 0);
        varint(v);
        return this;
    }

    Protobuf float32(int field, float v) {
        tag(field, 5);
        int bits = Float.floatToIntBits(v);
        for (int i = 0; i < 4; i++) {
            out.write((bits >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    Protobuf bytes(int field, byte[] b) {
        tag(field, 2);
        varint(b.length);
        out.write(b, 0, b.length);
        return this;
    }

    Protobuf string(int field, String s) {
        return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    Protobuf message(int field, Protobuf m) {
        return bytes(field, m.toBytes());
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
