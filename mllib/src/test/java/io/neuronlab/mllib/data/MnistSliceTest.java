package io.neuronlab.mllib.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.BeforeClass;
import org.junit.Test;

/** The app's bundled MNIST slice, built from the real (SHA-checked) IDX files: counts, balance, checksum, errors. */
public class MnistSliceTest {
    private static Dataset mnistTrain;
    private static Dataset mnistTest;
    private static byte[] file;
    private static String sha;

    @BeforeClass
    public static void build() throws IOException {
        mnistTrain = Mnist.train(MnistTest.mnistDir());
        mnistTest = Mnist.test(MnistTest.mnistDir());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sha = MnistSlice.write(mnistTrain, mnistTest, MnistSlice.DEFAULT_TRAIN, MnistSlice.DEFAULT_TEST,
            MnistSlice.DEFAULT_SEED, out);
        file = out.toByteArray();
    }

    @Test
    public void defaultSliceHasTheRecordedChecksumAndIsCompressed() throws IOException {
        assertEquals(MnistSlice.PAYLOAD_SHA256, sha);
        MnistSlice slice = MnistSlice.read(new ByteArrayInputStream(file), "slice");
        assertEquals(MnistSlice.PAYLOAD_SHA256, slice.sha256());
        // 14,000 images of 785 bytes uncompressed = 10.99 MB; gzip brings MNIST to about a fifth
        assertTrue("compressed size " + file.length, file.length < 3_000_000);
    }

    @Test
    public void countsAndClassBalance() throws IOException {
        MnistSlice slice = MnistSlice.read(new ByteArrayInputStream(file), "slice");
        assertEquals(12_000, slice.train().size());
        assertEquals(2_000, slice.test().size());
        assertArrayEquals(new int[] {12_000, 1, 28, 28}, slice.train().inputs().shape());
        int[] trainCounts = new int[10];
        int[] testCounts = new int[10];
        for (int label : slice.train().labels()) {
            trainCounts[label]++;
        }
        for (int label : slice.test().labels()) {
            testCounts[label]++;
        }
        int[] thousandTwoHundred = new int[10];
        int[] twoHundred = new int[10];
        Arrays.fill(thousandTwoHundred, 1_200);
        Arrays.fill(twoHundred, 200);
        assertArrayEquals(thousandTwoHundred, trainCounts);
        assertArrayEquals(twoHundred, testCounts);
        // shuffled: the first 100 labels are not one class
        Set<Integer> first = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            first.add(slice.train().label(i));
        }
        assertEquals(10, first.size());
    }

    @Test
    public void imagesAreMnistsPixelsExactlyFromDistinctExamples() throws IOException {
        MnistSlice slice = MnistSlice.read(new ByteArrayInputStream(file), "slice");
        int[] indices = MnistSlice.balancedIndices(mnistTrain.labels(), MnistSlice.DEFAULT_TRAIN,
            MnistSlice.DEFAULT_SEED);
        assertEquals(indices.length, new HashSet<>(Arrays.asList(Arrays.stream(indices).boxed().toArray(Integer[]::new))).size());
        for (int i : new int[] {0, 1, 777, 11_999}) {
            assertEquals(mnistTrain.label(indices[i]), slice.train().label(i));
            assertArrayEquals(mnistTrain.example(indices[i]).data(), slice.train().example(i).data(), 0f);
        }
        int[] testIndices = MnistSlice.balancedIndices(mnistTest.labels(), MnistSlice.DEFAULT_TEST,
            MnistSlice.DEFAULT_SEED + 1);
        assertArrayEquals(mnistTest.example(testIndices[5]).data(), slice.test().example(5).data(), 0f);
    }

    @Test
    public void anotherSeedChoosesOtherImages() {
        int[] a = MnistSlice.balancedIndices(mnistTrain.labels(), 100, 1);
        int[] b = MnistSlice.balancedIndices(mnistTrain.labels(), 100, 2);
        assertNotEquals(Arrays.toString(a), Arrays.toString(b));
        assertArrayEquals(a, MnistSlice.balancedIndices(mnistTrain.labels(), 100, 1));
    }

    @Test
    public void unbalancedCountsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> MnistSlice.balancedIndices(mnistTrain.labels(), 105, 1));
        assertTrue(e.getMessage(), e.getMessage().contains("multiple of 10"));
    }

    @Test
    public void damagedTruncatedAndForeignFilesAreNamed() throws IOException {
        byte[] content = gunzip(file);
        content[5_000] ^= 0x10; // one pixel bit
        IOException damaged = assertThrows(IOException.class,
            () -> MnistSlice.read(new ByteArrayInputStream(gzip(content)), "x.gz"));
        assertEquals("x.gz is damaged: its SHA-256 does not match its content", damaged.getMessage());

        byte[] truncated = gzip(Arrays.copyOf(gunzip(file), 100_000));
        IOException cut = assertThrows(IOException.class,
            () -> MnistSlice.read(new ByteArrayInputStream(truncated), "x.gz"));
        assertEquals("x.gz is truncated", cut.getMessage());

        IOException foreign = assertThrows(IOException.class,
            () -> MnistSlice.read(new ByteArrayInputStream("hello".getBytes("UTF-8")), "x.gz"));
        assertTrue(foreign.getMessage(), foreign.getMessage().startsWith("x.gz is not an MNIST slice"));
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
