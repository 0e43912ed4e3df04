package io.neuronlab.app.lessons.widgets;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Lesson 4's widget numbers are mllib's, and the book's overflow example breaks only the unguarded formula. */
public class SoftmaxDemoTest {
    @Test
    public void guardedSoftmaxOfTheBooksOverflowExample() {
        float[] y = SoftmaxDemo.guarded(SoftmaxDemo.overflowScores(1010));
        // e^0, e^-10, e^-20 over their sum, in double
        double sum = 1 + Math.exp(-10) + Math.exp(-20);
        assertArrayEquals(new float[] {(float) (1 / sum), (float) (Math.exp(-10) / sum), (float) (Math.exp(-20) / sum)},
                y, 1e-7f);
    }

    @Test
    public void unguardedSoftmaxOverflowsToNaN() {
        float[] a = {1010, 1000, 990};
        float[] e = SoftmaxDemo.exponentials(a);
        assertTrue(Float.isInfinite(e[0]));
        for (float v : SoftmaxDemo.naive(a)) {
            assertTrue("∞/∞ is NaN, got " + v, Float.isNaN(v));
        }
        // below float's overflow (e^88.7) both agree
        assertArrayEquals(SoftmaxDemo.guarded(80, 70, 60), SoftmaxDemo.naive(80, 70, 60), 1e-6f);
    }

    @Test
    public void booksScoresGiveTheBooksProbabilities() {
        float[] y = SoftmaxDemo.guarded(0.3f, 2.9f, 4.0f);
        assertArrayEquals(new float[] {0.01821127f, 0.24519181f, 0.73659691f}, y, 1e-6f);
        assertEquals(1f, y[0] + y[1] + y[2], 1e-6f);
    }
}
