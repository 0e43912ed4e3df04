package io.neuronlab.mllib.data;

import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class DataLoaderTest {
    /** Example i has inputs [i, 10i, 100i] and label i % 3. */
    private static Dataset numbered(int n) {
        float[] x = new float[n * 3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[3 * i] = i;
            x[3 * i + 1] = 10 * i;
            x[3 * i + 2] = 100 * i;
            labels[i] = i % 3;
        }
        return new Dataset(Tensor.of(x, n, 3), labels, 3);
    }

    private static List<int[]> epochOrder(DataLoader loader) {
        List<int[]> batches = new ArrayList<>();
        for (Batch b : loader.epoch()) {
            batches.add(b.indices().clone());
        }
        return batches;
    }

    @Test
    public void keepsTheLastPartialBatchAndCopiesExamplesAndLabels() {
        DataLoader loader = new DataLoader(numbered(10), 4);
        assertEquals(3, loader.numBatches());
        List<Integer> sizes = new ArrayList<>();
        int expected = 0;
        for (Batch b : loader.epoch()) {
            sizes.add(b.size());
            assertEquals(sizes.size() - 1, b.number());
            assertArrayEquals(new int[] {b.size(), 3}, b.inputs().shape());
            for (int i = 0; i < b.size(); i++, expected++) {
                assertEquals(expected, b.indices()[i]);
                assertEquals(expected, b.inputs().get(i, 0), 0f);
                assertEquals(100f * expected, b.inputs().get(i, 2), 0f);
                assertEquals(expected % 3, b.labels()[i]);
                assertEquals(expected % 3, b.targets().get(i), 0f);
            }
        }
        assertEquals(Arrays.asList(4, 4, 2), sizes);
        assertEquals(10, expected);
    }

    @Test
    public void shufflesEveryEpochAsAPermutationDeterminedByTheSeed() {
        DataLoader a = new DataLoader(numbered(50), 8).shuffle(42);
        DataLoader b = new DataLoader(numbered(50), 8).shuffle(42);
        int[] first = flatten(epochOrder(a));
        int[] second = flatten(epochOrder(a));
        assertArrayEquals(first, flatten(epochOrder(b)));
        assertArrayEquals(second, flatten(epochOrder(b)));
        assertFalse("epochs should differ", Arrays.equals(first, second));
        int[] sorted = first.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
        assertNotEquals(0, countMoved(first));
        assertFalse(Arrays.equals(first, flatten(epochOrder(new DataLoader(numbered(50), 8).shuffle(7)))));
        assertEquals(2, a.epochsStarted());
    }

    @Test
    public void reusesBatchBuffers() {
        DataLoader loader = new DataLoader(numbered(10), 4);
        List<Batch> seen = new ArrayList<>();
        List<Tensor> inputs = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            for (Batch b : loader.epoch()) {
                seen.add(b);
                inputs.add(b.inputs());
            }
        }
        assertSame(seen.get(0), seen.get(1));
        assertSame(seen.get(0), seen.get(3));
        assertSame(seen.get(2), seen.get(5));
        assertSame(inputs.get(0).data(), inputs.get(4).data());
    }

    @Test
    public void aStaleEpochCannotBeContinued() {
        DataLoader loader = new DataLoader(numbered(10), 4);
        java.util.Iterator<Batch> old = loader.epoch().iterator();
        old.next();
        loader.epoch();
        try {
            old.next();
            fail("an old epoch's iterator must not go on after a new epoch started");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("epoch 1 is over"));
        }
    }

    @Test
    public void augmentsImagesAsTheyAreBatched() {
        float[] x = new float[2 * 5 * 5];
        x[12] = 1f; // centre pixel of image 0
        x[25 + 12] = 1f;
        Dataset images = new Dataset(Tensor.of(x, 2, 1, 5, 5), new int[] {0, 1}, 2);
        DataLoader loader = new DataLoader(images, 2).augment(new Augmentation(2, 0, 3));
        for (int epoch = 0; epoch < 5; epoch++) {
            for (Batch b : loader.epoch()) {
                for (int i = 0; i < 2; i++) {
                    // a pure shift moves the single bright pixel somewhere within ±2 of the centre, intact
                    float sum = 0;
                    for (int p = 0; p < 25; p++) {
                        sum += b.inputs().data()[i * 25 + p];
                    }
                    assertEquals(1f, sum, 0f);
                }
            }
        }
        try {
            new DataLoader(numbered(4), 2).augment(Augmentation.mnist(1));
            fail("augmenting non-image inputs must fail");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("[N, C, H, W]"));
        }
    }

    @Test
    public void rejectsBadArguments() {
        try {
            new DataLoader(numbered(3), 0);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("batch size"));
        }
        try {
            new Dataset(Tensor.zeros(3, 2), new int[] {0, 1}, 2);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("3 examples but there are 2 labels"));
        }
    }

    private static int[] flatten(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }

    private static int countMoved(int[] order) {
        int moved = 0;
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                moved++;
            }
        }
        return moved;
    }
}
