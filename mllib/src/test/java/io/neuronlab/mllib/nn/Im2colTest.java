package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

public class Im2colTest {
    @Test
    public void bookShapes() {
        // the book's examples: (1,3,7,7) and (10,3,7,7) with a 5x5 filter, stride 1, pad 0
        assertArrayEquals(new int[] {9, 75}, Im2col.im2col(GradChecks.gaussian(new Random(1), 1, 3, 7, 7), 5, 5, 1, 0).shape());
        assertArrayEquals(new int[] {90, 75}, Im2col.im2col(GradChecks.gaussian(new Random(2), 10, 3, 7, 7), 5, 5, 1, 0).shape());
    }

    @Test
    public void rowsArePatchesWithZeroPadding() {
        // one 1-channel 3x3 image 1..9, 2x2 filter, stride 1, pad 1 → 4x4 outputs
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor col = Im2col.im2col(x, 2, 2, 1, 1);
        assertArrayEquals(new int[] {16, 4}, col.shape());
        // output (0,0): patch rows -1..0, cols -1..0 → [0,0,0,1]
        assertArrayEquals(new float[] {0, 0, 0, 1}, row(col, 0), 0f);
        // output (1,1): rows 0..1, cols 0..1 → [1,2,4,5]
        assertArrayEquals(new float[] {1, 2, 4, 5}, row(col, 5), 0f);
        // output (3,3): rows 2..3, cols 2..3 → [9,0,0,0]
        assertArrayEquals(new float[] {9, 0, 0, 0}, row(col, 15), 0f);
    }

    @Test
    public void col2imIsTheAdjointOfIm2col() {
        // <im2col(x), c> == <x, col2im(c)> for any x, c: exactly what backprop through im2col needs
        Random r = new Random(3);
        Tensor x = GradChecks.gaussian(r, 2, 3, 6, 5);
        Tensor col = Im2col.im2col(x, 3, 3, 2, 1);
        Tensor c = GradChecks.gaussian(r, col.shape());
        Tensor back = Im2col.col2im(c, x.shape(), 3, 3, 2, 1);
        assertEquals(dot(col, c), dot(x, back), 1e-3);
    }

    @Test
    public void filterLargerThanInputIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Im2col.im2col(Tensor.zeros(1, 1, 3, 3), 5, 5, 1, 0));
        assertEquals(true, e.getMessage().contains("does not fit"));
    }

    private static float[] row(Tensor m, int r) {
        int cols = m.size(1);
        float[] out = new float[cols];
        System.arraycopy(m.data(), r * cols, out, 0, cols);
        return out;
    }

    private static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.numel(); i++) {
            s += (double) a.data()[i] * b.data()[i];
        }
        return s;
    }
}
