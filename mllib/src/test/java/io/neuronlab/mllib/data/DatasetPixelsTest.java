package io.neuronlab.mllib.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.junit.Test;

/** A dataset of 8-bit pixels gives the same floats (byte / 255) as one built from the converted tensor. */
public class DatasetPixelsTest {
    private static final byte[] PIXELS = {0, 1, (byte) 128, (byte) 255, 7, 8, 9, 10, (byte) 200, (byte) 201, 0, (byte) 255};

    @Test
    public void examplesBatchesAndSubsetsAreThePixelsOver255() {
        Dataset d = Dataset.ofPixels(PIXELS, new int[] {3, 1, 2, 2}, new int[] {0, 1, 2}, 3);
        assertEquals(4, d.exampleSize());
        assertEquals(4, d.inputDims());
        assertArrayEquals(new int[] {1, 2, 2}, d.exampleShape());
        float[] two = new float[6];
        d.copyExample(2, two, 1);
        assertArrayEquals(new float[] {0f, 200 / 255f, 201 / 255f, 0f, 1f, 0f}, two, 0f);
        assertArrayEquals(new float[] {0f, 1 / 255f, 128 / 255f, 1f}, d.example(0).data(), 0f);
        Dataset tail = d.subset(1, 3);
        assertArrayEquals(new float[] {7 / 255f, 8 / 255f, 9 / 255f, 10 / 255f}, tail.example(0).data(), 0f);
        assertEquals(2, tail.label(1));
        // a batch from the loader, with and without augmentation's copy path
        Batch b = new DataLoader(d, 3).epoch().iterator().next();
        assertArrayEquals(d.inputs().data(), b.inputs().data(), 0f);
        assertEquals(128 / 255f, d.inputs().data()[2], 0f);
        assertArrayEquals(new int[] {3, 1, 2, 2}, d.inputs().shape());
    }

    @Test
    public void aShapeThatDoesNotMatchThePixelsIsRefused() {
        try {
            Dataset.ofPixels(PIXELS, new int[] {3, 1, 2, 3}, new int[] {0, 1, 2}, 3);
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("shape [3, 1, 2, 3] holds 18 values but there are 12 pixels", e.getMessage());
        }
    }
}
