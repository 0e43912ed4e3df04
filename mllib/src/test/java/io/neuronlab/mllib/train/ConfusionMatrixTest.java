package io.neuronlab.mllib.train;

import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class ConfusionMatrixTest {
    @Test
    public void countsPrecisionRecallAndAccuracyByHand() {
        // actual:    0 0 0 1 1 2 2 2 2
        // predicted: 0 0 1 1 2 2 2 2 0
        ConfusionMatrix m = new ConfusionMatrix(3);
        int[] actual = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] predicted = {0, 0, 1, 1, 2, 2, 2, 2, 0};
        for (int i = 0; i < actual.length; i++) {
            m.add(actual[i], predicted[i]);
        }
        assertEquals(9, m.total());
        assertEquals(2, m.count(0, 0));
        assertEquals(1, m.count(0, 1));
        assertEquals(1, m.count(2, 0));
        assertEquals(6 / 9.0, m.accuracy(), 1e-12);
        assertEquals(2 / 3.0, m.precision(0), 1e-12); // predicted 0: two right, one class-2
        assertEquals(2 / 3.0, m.recall(0), 1e-12);
        assertEquals(1 / 2.0, m.precision(1), 1e-12);
        assertEquals(1 / 2.0, m.recall(1), 1e-12);
        assertEquals(3 / 4.0, m.precision(2), 1e-12);
        assertEquals(3 / 4.0, m.recall(2), 1e-12);
        assertEquals(0.75, m.f1(2), 1e-12);
        assertTrue(m.toString().contains("accuracy 0.6667 of 9"));
    }

    @Test
    public void undefinedPrecisionIsNaN() {
        ConfusionMatrix m = new ConfusionMatrix(2);
        m.add(0, 0);
        assertTrue(Double.isNaN(m.precision(1)));
        assertTrue(Double.isNaN(m.recall(1)));
        assertEquals(1.0, m.recall(0), 0);
    }

    @Test
    public void scoresUseTheArgmaxAndTheFirstOfTies() {
        Tensor scores = Tensor.of(new double[][] {{0.1, 0.7, 0.2}, {3, 3, 1}, {-1, -2, -0.5}});
        assertArrayEquals(new int[] {1, 0, 2}, Metrics.predictions(scores));
        assertEquals(2, Metrics.correct(scores, new int[] {1, 1, 2}));
        ConfusionMatrix m = new ConfusionMatrix(3);
        m.add(scores, new int[] {1, 1, 2}, 2); // only the first two rows
        assertEquals(2, m.total());
        assertEquals(1, m.count(1, 0));
    }
}
