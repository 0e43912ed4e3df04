package io.neuronlab.mllib.data;

import io.neuronlab.mllib.files.AtomicFile;
import io.neuronlab.mllib.tensor.Tensor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A compact, class-balanced, seeded slice of MNIST that the app ships as an asset, so it can train offline:
 * by default 12,000 training images (1,200 per digit) and 2,000 test images (200 per digit).
 *
 * <p>File format (gzip-compressed, all numbers big-endian):
 * <pre>
 * "NLMS"  u16 version (1)  u32 train count  u32 test count  u16 rows  u16 cols
 * train: count × (u8 label, rows·cols u8 pixels)   test: the same
 * 32 bytes SHA-256 of everything above
 * </pre>
 * Pixels are MNIST's bytes unchanged (0..255), so reading gives the same tensors as the IDX files.
 * The build makes it with {@link #main} (docs/android-build.md, "The MNIST slice"); {@link #PAYLOAD_SHA256}
 * records the checksum of the default slice so a change of data or of the selection is noticed.
 */
public final class MnistSlice {
    public static final int DEFAULT_TRAIN = 12_000;
    public static final int DEFAULT_TEST = 2_000;
    public static final long DEFAULT_SEED = 20_240_501L;
    /** SHA-256 of the default slice's content (everything before the checksum), from the SHA-checked IDX files. */
    public static final String PAYLOAD_SHA256 = "aa2988078869001dd048e03fa08ee075b622c37547b617d8b86bf45e3e5d7640";

    private static final int MAGIC = 0x4E4C4D53; // "NLMS"
    private static final int VERSION = 1;
    private static final int CLASSES = MnistIdxReader.NUM_CLASSES;

    private final Dataset train;
    private final Dataset test;
    private final String sha256;

    private MnistSlice(Dataset train, Dataset test, String sha256) {
        this.train = train;
        this.test = test;
        this.sha256 = sha256;
    }

    /** Training images {@code [N, 1, 28, 28]}, pixels in [0, 1]. */
    public Dataset train() {
        return train;
    }

    /** Test images {@code [M, 1, 28, 28]}, pixels in [0, 1]. */
    public Dataset test() {
        return test;
    }

    /** Hex SHA-256 of the content, as stored in the file. */
    public String sha256() {
        return sha256;
    }

    /**
     * Picks {@code count} examples, {@code count / 10} of every class (count must be a multiple of 10), chosen
     * by a seeded shuffle of each class; returned in a seeded shuffled order (classes interleaved).
     */
    public static int[] balancedIndices(int[] labels, int count, long seed) {
        if (count <= 0 || count % CLASSES != 0) {
            throw new IllegalArgumentException("a balanced slice needs a positive multiple of " + CLASSES
                + " examples, got " + count);
        }
        int perClass = count / CLASSES;
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(seed);
        List<Integer> chosen = new ArrayList<>(count);
        for (int c = 0; c < CLASSES; c++) {
            List<Integer> members = byClass.get(c);
            if (members.size() < perClass) {
                throw new IllegalArgumentException("digit " + c + " has only " + members.size() + " examples, "
                    + perClass + " wanted");
            }
            Collections.shuffle(members, random);
            chosen.addAll(members.subList(0, perClass));
        }
        Collections.shuffle(chosen, random);
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = chosen.get(i);
        }
        return indices;
    }

    /** Builds the slice from MNIST's datasets and writes it to {@code out} (gzip). Returns the content SHA-256. */
    public static String write(Dataset mnistTrain, Dataset mnistTest, int trainCount, int testCount, long seed,
                               OutputStream out) throws IOException {
        int[] trainIndices = balancedIndices(mnistTrain.labels(), trainCount, seed);
        int[] testIndices = balancedIndices(mnistTest.labels(), testCount, seed + 1);
        int[] shape = mnistTrain.exampleShape();
        int rows = shape[shape.length - 2];
        int cols = shape[shape.length - 1];
        MessageDigest digest = sha256Digest();
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(
            new java.security.DigestOutputStream(gzip, digest), 1 << 16));
        data.writeInt(MAGIC);
        data.writeShort(VERSION);
        data.writeInt(trainCount);
        data.writeInt(testCount);
        data.writeShort(rows);
        data.writeShort(cols);
        writeExamples(data, mnistTrain, trainIndices, rows * cols);
        writeExamples(data, mnistTest, testIndices, rows * cols);
        data.flush();
        byte[] sum = digest.digest();
        gzip.write(sum);
        gzip.finish();
        gzip.flush();
        return hex(sum);
    }

    private static void writeExamples(DataOutputStream data, Dataset set, int[] indices, int pixels)
            throws IOException {
        float[] all = set.inputs().data();
        byte[] row = new byte[1 + pixels];
        for (int index : indices) {
            row[0] = (byte) set.label(index);
            for (int p = 0; p < pixels; p++) {
                // MNIST's byte b was read as b / 255: recover b exactly
                row[1 + p] = (byte) Math.round(all[index * pixels + p] * 255f);
            }
            data.write(row);
        }
    }

    /** Reads a slice; a damaged or foreign file is an IOException saying what is wrong ({@code name} in it). */
    public static MnistSlice read(InputStream in, String name) throws IOException {
        MessageDigest digest = sha256Digest();
        InputStream gzip;
        try {
            gzip = new GZIPInputStream(new BufferedInputStream(in, 1 << 16), 1 << 16);
        } catch (IOException e) {
            throw new IOException(name + " is not an MNIST slice (not gzip: " + e.getMessage() + ")", e);
        }
        DataInputStream data = new DataInputStream(new java.security.DigestInputStream(gzip, digest));
        try {
            if (data.readInt() != MAGIC) {
                throw new IOException(name + " is not an MNIST slice (wrong magic)");
            }
            int version = data.readUnsignedShort();
            if (version != VERSION) {
                throw new IOException(name + " has MNIST-slice version " + version + ", this app reads " + VERSION);
            }
            int trainCount = data.readInt();
            int testCount = data.readInt();
            int rows = data.readUnsignedShort();
            int cols = data.readUnsignedShort();
            if (trainCount < 0 || testCount < 0 || trainCount > 70_000 || testCount > 70_000 || rows != 28
                || cols != 28) {
                throw new IOException(name + " has an impossible header: " + trainCount + " + " + testCount
                    + " images of " + rows + "x" + cols);
            }
            Dataset train = readExamples(data, trainCount, rows, cols, name);
            Dataset test = readExamples(data, testCount, rows, cols, name);
            byte[] expected = digest.digest();
            byte[] stored = new byte[expected.length];
            new DataInputStream(gzip).readFully(stored);
            if (!MessageDigest.isEqual(expected, stored)) {
                throw new IOException(name + " is damaged: its SHA-256 does not match its content");
            }
            if (gzip.read() != -1) {
                throw new IOException(name + " has data after its checksum");
            }
            return new MnistSlice(train, test, hex(expected));
        } catch (EOFException e) {
            throw new IOException(name + " is truncated", e);
        }
    }

    private static Dataset readExamples(DataInputStream data, int count, int rows, int cols, String name)
            throws IOException {
        int pixels = rows * cols;
        float[] images = new float[count * pixels];
        int[] labels = new int[count];
        byte[] row = new byte[1 + pixels];
        for (int i = 0; i < count; i++) {
            data.readFully(row);
            labels[i] = row[0] & 0xFF;
            if (labels[i] >= CLASSES) {
                throw new IOException(name + ": image " + i + " has label " + labels[i]);
            }
            for (int p = 0; p < pixels; p++) {
                images[i * pixels + p] = (row[1 + p] & 0xFF) / 255f;
            }
        }
        return new Dataset(Tensor.of(images, count, 1, rows, cols), labels, CLASSES);
    }

    /** Reads a slice file. */
    public static MnistSlice read(File file) throws IOException {
        try (InputStream in = new FileInputStream(file)) {
            return read(in, file.getPath());
        }
    }

    /**
     * The build step: {@code MnistSlice <mnist dir> <out file> [train count] [test count] [seed]}. Writes the slice
     * atomically (skipped when the file already holds the right content) and fails if the default slice's
     * checksum is not {@link #PAYLOAD_SHA256}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MnistSlice <mnist dir> <out file> [train count] [test count] [seed]");
            System.exit(2);
        }
        File dir = new File(args[0]);
        File out = new File(args[1]);
        int trainCount = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_TRAIN;
        int testCount = args.length > 3 ? Integer.parseInt(args[3]) : DEFAULT_TEST;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : DEFAULT_SEED;
        boolean isDefault = trainCount == DEFAULT_TRAIN && testCount == DEFAULT_TEST && seed == DEFAULT_SEED;
        if (isDefault && out.isFile()) {
            try {
                if (read(out).sha256().equals(PAYLOAD_SHA256)) {
                    System.out.println("[mnist-slice] " + out + " is up to date (sha256 " + PAYLOAD_SHA256 + ")");
                    return;
                }
            } catch (IOException e) {
                // rebuilt below
            }
        }
        Dataset train = Mnist.train(dir);
        Dataset test = Mnist.test(dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String sha = write(train, test, trainCount, testCount, seed, bytes);
        if (isDefault && !sha.equals(PAYLOAD_SHA256)) {
            throw new IOException("the MNIST slice's SHA-256 is " + sha + ", expected " + PAYLOAD_SHA256
                + ": the MNIST files or the selection changed");
        }
        File parent = out.getAbsoluteFile().getParentFile();
        if (!parent.isDirectory() && !parent.mkdirs()) {
            throw new IOException("cannot create " + parent);
        }
        AtomicFile.write(out, bytes.toByteArray());
        System.out.println("[mnist-slice] " + trainCount + " train + " + testCount + " test images, seed " + seed
            + ", " + bytes.size() / 1024 + " KiB -> " + out + " (sha256 " + sha + ")");
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "MNIST slice: " + train.size() + " train, " + test.size() + " test, sha256 " + sha256;
    }
}
