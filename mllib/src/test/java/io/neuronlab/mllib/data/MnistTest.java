package io.neuronlab.mllib.data;

import org.junit.BeforeClass;
import org.junit.Test;

import java.io.File;
import java.io.IOException;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Reads the real MNIST files (system property {@code neuronlab.mnist.dir}) and checks well-known facts. */
public class MnistTest {
    private static Dataset train;
    private static Dataset test;

    static File mnistDir() {
        String dir = System.getProperty(Mnist.DIR_PROPERTY);
        assertTrue("system property " + Mnist.DIR_PROPERTY + " must name the MNIST directory (Maven sets it)",
            dir != null && new File(dir).isDirectory());
        return new File(dir);
    }

    @BeforeClass
    public static void load() throws IOException {
        train = Mnist.train(mnistDir());
        test = Mnist.test(mnistDir());
    }

    @Test
    public void sizesAndShapes() {
        assertEquals(60000, train.size());
        assertEquals(10000, test.size());
        assertArrayEquals(new int[] {60000, 1, 28, 28}, train.inputs().shape());
        assertArrayEquals(new int[] {1, 28, 28}, test.exampleShape());
        assertEquals(784, test.exampleSize());
        assertEquals(10, train.numClasses());
    }

    @Test
    public void firstLabelsAndClassCountsAreMnists() {
        assertArrayEquals(new int[] {5, 0, 4, 1, 9}, java.util.Arrays.copyOf(train.labels(), 5));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4}, java.util.Arrays.copyOf(test.labels(), 5));
        int[] counts = new int[10];
        for (int label : train.labels()) {
            counts[label]++;
        }
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, counts);
    }

    @Test
    public void pixelsAreInUnitRangeWithTheKnownMean() {
        double sum = 0;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : train.inputs().data()) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min, 0f);
        assertEquals(1f, max, 0f);
        // the mean every MNIST normalisation uses: 0.1307
        assertEquals(0.1307, sum / train.inputs().numel(), 1e-4);
    }
}
