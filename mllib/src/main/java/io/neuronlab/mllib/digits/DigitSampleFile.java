package io.neuronlab.mllib.digits;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The export/import format of the user's labelled samples, for moving them between phones or into training:
 *
 * <pre>
 * "NLDS"  u16 version (1)  u32 count
 * count × { u8 label, i64 createdAtMillis, 784 × u8 pixel (ink 0–255, row-major 28×28) }
 * u32 CRC32 of everything before it
 * </pre>
 *
 * Big-endian. Pixels are quantised to bytes like MNIST's own files. Streams only, so it works on Android
 * (content URIs from the system file picker) and on the desktop.
 */
public final class DigitSampleFile {
    static final byte[] MAGIC = {'N', 'L', 'D', 'S'};
    static final int VERSION = 1;
    private static final int AREA = MnistPreprocessor.SIZE * MnistPreprocessor.SIZE;

    private DigitSampleFile() {
    }

    /** Writes all samples; the caller owns (and closes) the stream. */
    public static void write(List<LabelledDigit> samples, OutputStream out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(14 + samples.size() * (9 + AREA));
        DataOutputStream data = new DataOutputStream(bytes);
        data.write(MAGIC);
        data.writeShort(VERSION);
        data.writeInt(samples.size());
        for (LabelledDigit s : samples) {
            data.writeByte(s.label());
            data.writeLong(s.createdAtMillis());
            for (float v : s.image().pixels()) {
                data.writeByte(Math.round(Math.max(0, Math.min(1, v)) * 255));
            }
        }
        data.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray(), 0, bytes.size());
        data.writeInt((int) crc.getValue());
        data.flush();
        bytes.writeTo(out);
        out.flush();
    }

    /**
     * Reads a whole file.
     *
     * @param name how to call the file in error messages
     * @throws IOException naming the file and what is wrong (not a sample file, newer version, truncated,
     *     damaged, a label that is not a digit, bytes after the checksum)
     */
    public static List<LabelledDigit> read(InputStream in, String name) throws IOException {
        DataInputStream data = new DataInputStream(in);
        CRC32 crc = new CRC32();
        try {
            byte[] header = new byte[10];
            data.readFully(header);
            crc.update(header, 0, header.length);
            for (int i = 0; i < 4; i++) {
                if (header[i] != MAGIC[i]) {
                    throw new IOException(name + " is not a NeuronLab sample file (it does not start with \"NLDS\")");
                }
            }
            int version = ((header[4] & 0xff) << 8) | (header[5] & 0xff);
            if (version != VERSION) {
                throw new IOException(name + " has sample-file version " + version + "; this app reads version "
                    + VERSION + " — update the app");
            }
            int count = ((header[6] & 0xff) << 24) | ((header[7] & 0xff) << 16) | ((header[8] & 0xff) << 8) | (header[9] & 0xff);
            if (count < 0) {
                throw new IOException(name + " claims " + (count & 0xffffffffL) + " samples: the file is damaged");
            }
            List<LabelledDigit> out = new ArrayList<>();
            byte[] record = new byte[9 + AREA];
            for (int k = 0; k < count; k++) {
                data.readFully(record);
                crc.update(record, 0, record.length);
                int label = record[0] & 0xff;
                if (label > 9) {
                    throw new IOException(name + ": sample " + k + " has label " + label + ", not a digit 0..9");
                }
                long created = 0;
                for (int i = 1; i <= 8; i++) created = (created << 8) | (record[i] & 0xff);
                float[] px = new float[AREA];
                for (int i = 0; i < AREA; i++) px[i] = (record[9 + i] & 0xff) / 255f;
                out.add(new LabelledDigit(new GrayImage(28, 28, px), label, created));
            }
            int stored = data.readInt();
            if (stored != (int) crc.getValue()) {
                throw new IOException(name + " is damaged: its CRC32 does not match its contents");
            }
            long trailing = 0;
            byte[] skip = new byte[8192];
            for (int r; (r = data.read(skip)) > 0; ) {
                trailing += r;
            }
            if (trailing > 0) {
                // a valid file followed by more: two exports joined, or a bad copy — import none of it
                throw new IOException(name + " has " + trailing + " unexpected byte" + (trailing == 1 ? "" : "s")
                    + " after its checksum (two files joined, or a bad copy?); nothing was imported");
            }
            return out;
        } catch (EOFException e) {
            throw new IOException(name + " ends early: the file is truncated (export it again)", e);
        }
    }
}
