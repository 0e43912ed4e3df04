package io.neuronlab.mllib.init;

import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

public class InitializerTest {
    /** Sample standard deviation and mean of the values. */
    private static double[] meanStd(float[] v) {
        double s = 0;
        double s2 = 0;
        for (float x : v) {
            s += x;
            s2 += (double) x * x;
        }
        double mean = s / v.length;
        return new double[] {mean, Math.sqrt(s2 / v.length - mean * mean)};
    }

    @Test
    public void fansOfLinearAndConvWeights() {
        assertEquals(new Fans(784, 50), Fans.of(new int[] {784, 50}));
        // conv [outC=30, inC=3, 5, 5]: each output sees 3·5·5 inputs, each input feeds 30·5·5 outputs
        assertEquals(new Fans(75, 750), Fans.of(new int[] {30, 3, 5, 5}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fans.of(new int[] {3, 4, 5}));
        assertEquals(true, e.getMessage().contains("[3, 4, 5]"));
    }

    @Test
    public void spreadsMatchTheBookFormulas() {
        // 200 x 100 = 20000 draws: the sample std is within ~1% of the target
        Tensor w = Tensor.zeros(200, 100);
        new ConstantStd(0.01f).fill(w, new Random(1));
        assertEquals(0.01, meanStd(w.data())[1], 0.0003);
        new Xavier().fill(w, new Random(2));
        assertEquals(Math.sqrt(1.0 / 200), meanStd(w.data())[1], 0.03 * Math.sqrt(1.0 / 200));
        new He().fill(w, new Random(3));
        assertEquals(Math.sqrt(2.0 / 200), meanStd(w.data())[1], 0.03 * Math.sqrt(2.0 / 200));
        assertEquals(0.0, meanStd(w.data())[0], 0.003);
        // conv weight: fanIn = inC·k·k = 2·3·3 = 18
        Tensor k = Tensor.zeros(500, 2, 3, 3);
        new He().fill(k, new Random(4));
        assertEquals(Math.sqrt(2.0 / 18), meanStd(k.data())[1], 0.03 * Math.sqrt(2.0 / 18));
    }

    @Test
    public void sameSeedSameWeights() {
        Tensor a = Tensor.zeros(10, 7);
        Tensor b = Tensor.zeros(10, 7);
        new He().fill(a, new Random(42));
        new He().fill(b, new Random(42));
        assertArrayEquals(a.data(), b.data(), 0f);
    }
}
