package io.neuronlab.mllib.data;

import io.neuronlab.mllib.tensor.Tensor;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads MNIST's IDX files (the format of {@code train-images-idx3-ubyte} and friends, see LeCun's MNIST page):
 * a big-endian header, then unsigned bytes.
 *
 * <ul>
 *   <li>images: magic 2051, count N, rows, cols, then N·rows·cols pixels 0..255 →
 *       a tensor {@code [N, 1, rows, cols]} with pixels scaled to [0, 1];</li>
 *   <li>labels: magic 2049, count N, then N labels 0..9 → {@code int[N]}.</li>
 * </ul>
 *
 * Every check failure (wrong magic, zero/odd dimensions, truncated or oversized file, label out of range)
 * is an {@link IOException} naming the file and what was expected.
 */
public final class MnistIdxReader {
    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 2051;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 2049;
    /** MNIST has ten classes; labels outside 0..9 mean a wrong or damaged file. */
    public static final int NUM_CLASSES = 10;

    private static final int IMAGES_HEADER_BYTES = 16;
    private static final int LABELS_HEADER_BYTES = 8;
    // a generous bound that still rejects garbage headers before allocating gigabytes
    private static final int MAX_SIDE = 4096;

    private MnistIdxReader() {
    }

    /** Reads an images file into {@code [N, 1, rows, cols]}, pixels in [0, 1]. */
    public static Tensor readImages(File file) throws IOException {
        requireFile(file);
        try (InputStream in = new BufferedInputStream(new FileInputStream(file), 1 << 16)) {
            return readImages(in, file.getPath(), file.length());
        }
    }

    /** Reads an labels file into {@code int[N]}, each 0..9. */
    public static int[] readLabels(File file) throws IOException {
        requireFile(file);
        try (InputStream in = new BufferedInputStream(new FileInputStream(file), 1 << 16)) {
            return readLabels(in, file.getPath(), file.length());
        }
    }

    /**
     * Reads images from a stream (an Android asset, say). {@code name} appears in error messages;
     * {@code length} is the stream's byte count if known (checked before reading), or -1.
     */
    public static Tensor readImages(InputStream in, String name, long length) throws IOException {
        return readPixels(in, name, length).toTensor();
    }

    /** The images file's bytes, unconverted (a quarter of the floats' memory). */
    static Pixels readPixels(File file) throws IOException {
        requireFile(file);
        try (InputStream in = new BufferedInputStream(new FileInputStream(file), 1 << 16)) {
            return readPixels(in, file.getPath(), file.length());
        }
    }

    static Pixels readPixels(InputStream in, String name, long length) throws IOException {
        int magic = readInt(in, name, "magic number");
        if (magic != IMAGES_MAGIC) {
            throw new IOException(name + ": not an IDX images file: magic number is " + magic + ", expected "
                + IMAGES_MAGIC + (magic == LABELS_MAGIC ? " (this is a labels file)" : ""));
        }
        int count = readInt(in, name, "image count");
        int rows = readInt(in, name, "row count");
        int cols = readInt(in, name, "column count");
        if (count < 0 || rows <= 0 || cols <= 0 || rows > MAX_SIDE || cols > MAX_SIDE) {
            throw new IOException(name + ": implausible header: " + count + " images of " + rows + "x" + cols);
        }
        long pixels = (long) count * rows * cols;
        if (pixels > Integer.MAX_VALUE - 8) {
            throw new IOException(name + ": " + count + " images of " + rows + "x" + cols + " do not fit in one tensor");
        }
        long expected = IMAGES_HEADER_BYTES + pixels;
        checkLength(name, length, expected, count + " images of " + rows + "x" + cols);
        byte[] raw = new byte[(int) pixels];
        readFully(in, raw, name, expected);
        requireEnd(in, name, expected);
        return new Pixels(raw, new int[] {count, 1, rows, cols});
    }

    /** 8-bit pixels as stored, {@code [N, 1, rows, cols]}. */
    static final class Pixels {
        final byte[] values;
        final int[] shape;

        Pixels(byte[] values, int[] shape) {
            this.values = values;
            this.shape = shape;
        }

        Tensor toTensor() {
            float[] data = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                data[i] = (values[i] & 0xFF) / 255f;
            }
            return Tensor.of(data, shape.clone());
        }
    }

    /** Reads labels from a stream; see {@link #readImages(InputStream, String, long)}. */
    public static int[] readLabels(InputStream in, String name, long length) throws IOException {
        int magic = readInt(in, name, "magic number");
        if (magic != LABELS_MAGIC) {
            throw new IOException(name + ": not an IDX labels file: magic number is " + magic + ", expected "
                + LABELS_MAGIC + (magic == IMAGES_MAGIC ? " (this is an images file)" : ""));
        }
        int count = readInt(in, name, "label count");
        if (count < 0) {
            throw new IOException(name + ": negative label count " + count);
        }
        long expected = LABELS_HEADER_BYTES + (long) count;
        checkLength(name, length, expected, count + " labels");
        byte[] raw = new byte[count];
        readFully(in, raw, name, expected);
        requireEnd(in, name, expected);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = raw[i] & 0xFF;
            if (labels[i] >= NUM_CLASSES) {
                throw new IOException(name + ": label " + i + " is " + labels[i] + ", MNIST labels are 0.."
                    + (NUM_CLASSES - 1));
            }
        }
        return labels;
    }

    private static void requireFile(File file) throws IOException {
        if (!file.isFile()) {
            throw new IOException(file.getPath() + ": no such file (fetch MNIST with scripts/fetch-mnist.sh)");
        }
    }

    private static void checkLength(String name, long length, long expected, String what) throws IOException {
        if (length >= 0 && length != expected) {
            throw new IOException(name + ": " + (length < expected ? "truncated" : "too long") + ": header announces "
                + what + " = " + expected + " bytes, the file has " + length);
        }
    }

    private static int readInt(InputStream in, String name, String field) throws IOException {
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        int b3 = in.read();
        if ((b0 | b1 | b2 | b3) < 0) {
            throw new IOException(name + ": truncated: file ends inside the header (" + field + ")");
        }
        return (b0 << 24) | (b1 << 16) | (b2 << 8) | b3;
    }

    private static void readFully(InputStream in, byte[] dst, String name, long expected) throws IOException {
        int done = 0;
        while (done < dst.length) {
            int n = in.read(dst, done, dst.length - done);
            if (n < 0) {
                throw new IOException(name + ": truncated: expected " + expected + " bytes, the file ends after "
                    + (expected - dst.length + done), new EOFException());
            }
            done += n;
        }
    }

    private static void requireEnd(InputStream in, String name, long expected) throws IOException {
        if (in.read() >= 0) {
            throw new IOException(name + ": too long: header announces " + expected + " bytes but more follow");
        }
    }
}
