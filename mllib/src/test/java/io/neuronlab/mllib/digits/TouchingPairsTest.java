package io.neuronlab.mllib.digits;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Random;

import org.junit.Test;

public class TouchingPairsTest {
    /** A vertical bar 4 px wide at x0..x0+3, rows 2..21, in a w×24 image. */
    private static GrayImage bar(int w, int x0) {
        GrayImage g = new GrayImage(w, 24);
        for (int y = 2; y < 22; y++) for (int x = x0; x < x0 + 4; x++) g.set(x, y, 1);
        return g;
    }

    /** Which columns of row 10 hold ink, as a string of '#' and '.' from the first ink column to the last. */
    private static String inkColumns(GrayImage g) {
        StringBuilder sb = new StringBuilder();
        for (int x = 0; x < g.width(); x++) sb.append(g.get(x, 10) > 0.5f ? '#' : '.');
        return sb.toString().replaceAll("^\\.+|\\.+$", "");
    }

    @Test
    public void secondDigitIsMovedUntilItsInkMeetsTheFirst() {
        // two 4 px bars, the second starting further right in its own image than the first ends in its
        GrayImage a = bar(20, 5), b = bar(20, 10);
        GrayImage touching = TouchingPairs.sideBySide(a, b, 0, 0);
        assertEquals("the bars side by side, no column between", "########", inkColumns(touching));
        // one 8-connected group: what the segmenter will hand the recogniser
        assertEquals(1, new DigitSegmenter().segment(touching).size());
        assertEquals("overlapping by 2", "######", inkColumns(TouchingPairs.sideBySide(a, b, 0, 2)));
        assertEquals("1 px apart", "####.####", inkColumns(TouchingPairs.sideBySide(a, b, 0, -1)));
        // moved 3 rows down, still side by side
        assertEquals("########", inkColumns(TouchingPairs.sideBySide(a, b, 3, 0)));
    }

    @Test
    public void samplesAreMnistInputsAndAPureFunctionOfTheIndex() {
        // 20 fake "MNIST" images: a blob of random size at a random place
        Random r = new Random(3);
        float[] x = new float[20 * 784];
        for (int n = 0; n < 20; n++) {
            int w = 3 + r.nextInt(10), x0 = 4 + r.nextInt(8);
            for (int y = 4; y < 24; y++) for (int c = x0; c < x0 + w; c++) x[n * 784 + y * 28 + c] = 1;
        }
        Dataset fake = new Dataset(Tensor.of(x, 20, 1, 28, 28), new int[20], 10);
        TouchingPairs pairs = new TouchingPairs(fake, 7);
        Dataset set = pairs.dataset(40);
        for (int i = 0; i < 40; i++) {
            GrayImage s = pairs.sample(i);
            assertEquals(28, s.width());
            assertEquals(i % 2 == 0 ? TouchingPairs.ONE : TouchingPairs.TWO, set.label(i));
            float[] again = new float[784];
            set.copyExample(i, again, 0);
            assertArrayEquals("sample " + i + " the same in the (parallel) dataset", s.pixels(), again, 0f);
            // preprocessed like a segment: the longer side of the ink box is 20 px
            GrayImage.Box box = s.inkBounds(MnistPreprocessor.INK_THRESHOLD);
            assertTrue("sample " + i + ": " + box, Math.max(box.width(), box.height()) >= 19 && Math.max(box.width(), box.height()) <= 21);
        }
    }
}
