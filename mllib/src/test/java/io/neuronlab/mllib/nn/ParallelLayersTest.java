package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Parallel;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.After;
import org.junit.Test;

import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertTrue;

/** ReLU and max-pooling split big batches over threads: the results must be those of one thread, exactly. */
public class ParallelLayersTest {
    private final int saved = Parallel.threads();

    @After
    public void restore() {
        Parallel.setThreads(saved);
    }

    private static float[][] run(Layer layer, Tensor x, Tensor dout, int threads) {
        Parallel.setThreads(threads);
        float[] y = layer.forward(x).data().clone();
        float[] dx = layer.backward(dout).data().clone();
        return new float[][] {y, dx};
    }

    @Test
    public void bigBatchesGiveTheOneThreadResults() {
        Tensor x = Tensor.randn(new Random(1), 16, 6, 96, 96); // 884,736 values: several shares
        assertTrue(x.numel() >= 4 * Parallel.ELEMENTS_PER_SHARE);
        for (Layer layer : new Layer[] {new ReLU(), new MaxPool2d(2, 2), new MaxPool2d(3, 3)}) {
            Tensor dout = Tensor.randn(new Random(2), layer.forward(x).shape());
            float[][] one = run(layer, x, dout, 1);
            float[][] three = run(layer, x, dout, 3);
            assertArrayEquals(layer + " forward", one[0], three[0], 0f);
            assertArrayEquals(layer + " backward", one[1], three[1], 0f);
        }
    }
}
