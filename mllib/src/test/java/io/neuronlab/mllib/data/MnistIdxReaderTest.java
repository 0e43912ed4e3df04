package io.neuronlab.mllib.data;

import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class MnistIdxReaderTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static byte[] imagesFile(int count, int rows, int cols, byte[] pixels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(2051);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        out.write(pixels);
        return bytes.toByteArray();
    }

    static byte[] labelsFile(int count, byte[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(2049);
        out.writeInt(count);
        out.write(labels);
        return bytes.toByteArray();
    }

    private File write(String name, byte[] content) throws IOException {
        File f = new File(tmp.getRoot(), name);
        try (FileOutputStream out = new FileOutputStream(f)) {
            out.write(content);
        }
        return f;
    }

    private static byte[] prefix(File f, int n) throws IOException {
        byte[] b = new byte[n];
        try (InputStream in = new FileInputStream(f)) {
            int done = 0;
            while (done < n) {
                done += in.read(b, done, n - done);
            }
        }
        return b;
    }

    private static void assertFails(String[] fragments, ThrowingRunnable r) {
        try {
            r.run();
            fail("expected an IOException mentioning " + String.join(", ", fragments));
        } catch (IOException e) {
            for (String f : fragments) {
                assertTrue("message '" + e.getMessage() + "' should mention '" + f + "'", e.getMessage().contains(f));
            }
        }
    }

    interface ThrowingRunnable {
        void run() throws IOException;
    }

    @Test
    public void readsImagesScaledToUnitRangeInNchwLayout() throws IOException {
        byte[] pixels = {0, (byte) 255, (byte) 128, 1, 2, 3, 10, 20, 30, 40, 50, (byte) 200};
        File f = write("imgs", imagesFile(2, 2, 3, pixels));
        Tensor t = MnistIdxReader.readImages(f);
        assertArrayEquals(new int[] {2, 1, 2, 3}, t.shape());
        assertEquals(0f, t.get(0, 0, 0, 0), 0f);
        assertEquals(1f, t.get(0, 0, 0, 1), 0f);
        assertEquals(128 / 255f, t.get(0, 0, 0, 2), 0f);
        assertEquals(3 / 255f, t.get(0, 0, 1, 2), 0f);
        assertEquals(200 / 255f, t.get(1, 0, 1, 2), 0f);
        assertEquals(10 / 255f, t.get(1, 0, 0, 0), 0f);
    }

    @Test
    public void readsLabels() throws IOException {
        File f = write("labels", labelsFile(4, new byte[] {7, 0, 9, 3}));
        assertArrayEquals(new int[] {7, 0, 9, 3}, MnistIdxReader.readLabels(f));
    }

    @Test
    public void rejectsWrongMagicNamingTheFileAndTheKindFound() throws IOException {
        File labels = write("labels", labelsFile(2, new byte[] {1, 2}));
        assertFails(new String[] {labels.getPath(), "2049", "expected 2051", "labels file"},
            () -> MnistIdxReader.readImages(labels));
        File images = write("images", imagesFile(1, 1, 1, new byte[] {5}));
        assertFails(new String[] {images.getPath(), "expected 2049", "images file"},
            () -> MnistIdxReader.readLabels(images));
    }

    @Test
    public void rejectsTruncatedAndOversizedFiles() throws IOException {
        byte[] full = imagesFile(3, 4, 4, new byte[48]);
        File cut = write("cut-images", java.util.Arrays.copyOf(full, full.length - 5));
        assertFails(new String[] {cut.getPath(), "truncated", "64 bytes", "59"}, () -> MnistIdxReader.readImages(cut));
        File header = write("header-only", java.util.Arrays.copyOf(full, 10));
        assertFails(new String[] {header.getPath(), "truncated", "header"}, () -> MnistIdxReader.readImages(header));
        File longer = write("long-labels", java.util.Arrays.copyOf(labelsFile(2, new byte[] {1, 2}), 12));
        assertFails(new String[] {longer.getPath(), "too long"}, () -> MnistIdxReader.readLabels(longer));
        // a stream of unknown length is checked while reading
        byte[] labels = labelsFile(5, new byte[] {1, 2, 3, 4, 5});
        assertFails(new String[] {"stream-labels", "truncated"}, () -> MnistIdxReader.readLabels(
            new java.io.ByteArrayInputStream(java.util.Arrays.copyOf(labels, 10)), "stream-labels", -1));
        assertFails(new String[] {"stream-images", "too long"}, () -> MnistIdxReader.readImages(
            new java.io.ByteArrayInputStream(java.util.Arrays.copyOf(full, full.length + 1)), "stream-images", -1));
    }

    @Test
    public void rejectsBadDimensionsAndLabels() throws IOException {
        File zero = write("zero-rows", imagesFile(1, 0, 28, new byte[0]));
        assertFails(new String[] {zero.getPath(), "1 images of 0x28"}, () -> MnistIdxReader.readImages(zero));
        File bad = write("bad-labels", labelsFile(3, new byte[] {1, 12, 3}));
        assertFails(new String[] {bad.getPath(), "label 1 is 12"}, () -> MnistIdxReader.readLabels(bad));
        File missing = new File(tmp.getRoot(), "nope");
        assertFails(new String[] {missing.getPath(), "no such file", "fetch-mnist.sh"},
            () -> MnistIdxReader.readImages(missing));
    }

    @Test
    public void rejectsTruncatedCopiesOfTheRealFiles() throws IOException {
        File dir = MnistTest.mnistDir();
        File images = write(Mnist.TEST_IMAGES, prefix(new File(dir, Mnist.TEST_IMAGES), 16 + 784 * 100 + 17));
        assertFails(new String[] {images.getPath(), "truncated", "10000 images of 28x28", "7840016", "78433"},
            () -> MnistIdxReader.readImages(images));
        File labels = write(Mnist.TEST_LABELS, prefix(new File(dir, Mnist.TEST_LABELS), 508));
        assertFails(new String[] {labels.getPath(), "truncated", "10000 labels", "10008", "508"},
            () -> MnistIdxReader.readLabels(labels));
        // the loader reports the first bad file of the pair
        assertFails(new String[] {images.getPath(), "truncated"}, () -> Mnist.test(tmp.getRoot()));
    }
}
