package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.nn.engine.JavaConvEngine;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Convolution sizes are checked before anything is allocated: a hostile padding gets a message, not an overflow. */
public class ConvGeometryTest {

    @Test
    public void sizesOfAnOrdinaryConvolution() {
        ConvGeometry g = ConvGeometry.of("conv", new int[] {3, 2, 28, 27}, 6, 5, 3, 2, 1);
        assertEquals(13, g.oh); // (28 + 2 - 5) / 2 + 1
        assertEquals(14, g.ow); // (27 + 2 - 3) / 2 + 1
        assertEquals(13 * 14, g.plane);
        assertEquals(2 * 5 * 3, g.kk);
        assertArrayEquals(new int[] {3, 6, 13, 14}, g.outputShape());
        assertEquals(2 * 28 * 27, g.imageSize());
    }

    @Test
    public void paddingOfTwoToTheTwentyIsRefusedByTheLayer() {
        Conv2d conv = new Conv2d(1, 2, 3, 1, 1 << 20, new He(), new Random(1));
        try {
            conv.forward(Tensor.zeros(1, 1, 28, 28));
            fail("a 2097178x2097178 output cannot exist");
        } catch (IllegalArgumentException e) {
            assertEquals("Conv2d(1, 2, kernel=3, stride=1, padding=1048576) on input [1, 1, 28, 28] gives a 2097178x2097178"
                + " output; its output would hold 8796311127368 values per image, more than one array can (2147483639)",
                e.getMessage());
        }
    }

    @Test
    public void paddingOfTwoToTheTwentyIsRefusedByTheJavaEngine() {
        Conv2d conv = new Conv2d(1, 2, 3, 1, 0, new He(), new Random(1));
        try {
            new JavaConvEngine().forward(Tensor.zeros(1, 1, 28, 28), conv.weight(), conv.bias(), 1, 1 << 20);
            fail("a 2097178x2097178 output cannot exist");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("convolution on input [1, 1, 28, 28] gives a 2097178x2097178"));
        }
    }

    @Test
    public void theBatchsColumnsMustFitToo() {
        // one image's columns fit (9 · 1M floats) but 300 images' do not
        try {
            ConvGeometry.of("conv", new int[] {300, 1, 1000, 1000}, 1, 3, 3, 1, 1);
            fail("300 · 9 · 10^6 floats do not fit one array");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("its im2col columns would hold 2700000000 values,"));
        }
    }

    @Test
    public void paddingNearIntMaxDoesNotWrapAround() {
        try {
            Im2col.outSize(28, 3, 1, Integer.MAX_VALUE / 2 + 10);
            fail("the output size does not fit an int");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("more than an int holds"));
        }
    }
}
