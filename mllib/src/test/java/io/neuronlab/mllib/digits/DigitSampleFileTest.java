package io.neuronlab.mllib.digits;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

public class DigitSampleFileTest {
    private static List<LabelledDigit> samples() {
        List<LabelledDigit> list = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            float[] px = new float[784];
            for (int i = 0; i < 784; i++) px[i] = ((i * 7 + k * 31) % 256) / 255f;   // every byte value occurs
            list.add(new LabelledDigit(new GrayImage(28, 28, px), (k * 4) % 10, 1_700_000_000_000L + k));
        }
        return list;
    }

    private static byte[] bytes(List<LabelledDigit> s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DigitSampleFile.write(s, out);
        return out.toByteArray();
    }

    @Test
    public void roundTripIsByteForByte() throws IOException {
        byte[] first = bytes(samples());
        assertEquals(10 + 3 * (9 + 784) + 4, first.length);
        List<LabelledDigit> back = DigitSampleFile.read(new ByteArrayInputStream(first), "a.nlds");
        assertEquals(3, back.size());
        for (int k = 0; k < 3; k++) {
            assertEquals(samples().get(k).label(), back.get(k).label());
            assertEquals(samples().get(k).createdAtMillis(), back.get(k).createdAtMillis());
            assertArrayEquals(samples().get(k).image().pixels(), back.get(k).image().pixels(), 0.5f / 255);
        }
        assertArrayEquals(first, bytes(back));
    }

    @Test
    public void damagedTruncatedAndForeignFilesAreRejectedByName() throws IOException {
        byte[] good = bytes(samples());
        byte[] flipped = good.clone();
        flipped[500] ^= 1;
        expectFailure(flipped, "CRC32");
        expectFailure(Arrays.copyOf(good, good.length - 100), "truncated");
        expectFailure("PNG not a sample".getBytes("UTF-8"), "not a NeuronLab sample file");
        byte[] newer = good.clone();
        newer[5] = 2;
        expectFailure(newer, "version 2");
    }

    private static void expectFailure(byte[] file, String words) {
        try {
            DigitSampleFile.read(new ByteArrayInputStream(file), "samples.nlds");
            fail("expected an IOException mentioning " + words);
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("samples.nlds") && e.getMessage().contains(words));
        }
    }

    @Test
    public void junkAfterTheChecksumIsRejected() throws IOException {
        byte[] good = bytes(samples());
        byte[] junk = Arrays.copyOf(good, good.length + 1);
        junk[good.length] = 42;
        try {
            DigitSampleFile.read(new ByteArrayInputStream(junk), "junk.nlds");
            fail("a byte after the checksum");
        } catch (IOException e) {
            assertEquals("junk.nlds has 1 unexpected byte after its checksum (two files joined, or a bad copy?);"
                + " nothing was imported", e.getMessage());
        }
    }

    @Test
    public void twoFilesJoinedAreRejected() throws IOException {
        byte[] first = bytes(samples());
        byte[] second = bytes(samples().subList(0, 1));
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        try {
            DigitSampleFile.read(new ByteArrayInputStream(joined), "joined.nlds");
            fail("the second file would be lost silently");
        } catch (IOException e) {
            assertEquals("joined.nlds has " + second.length + " unexpected bytes after its checksum (two files joined,"
                + " or a bad copy?); nothing was imported", e.getMessage());
        }
    }
}
