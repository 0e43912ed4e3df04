package io.neuronlab.mllib.data;

import org.junit.Test;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class AugmentationTest {
    private static float[] ramp(int h, int w) {
        float[] img = new float[h * w];
        for (int i = 0; i < img.length; i++) {
            img[i] = i + 1;
        }
        return img;
    }

    @Test
    public void integerShiftMovesPixelsAndFillsWithZero() {
        float[] src = ramp(4, 5);
        float[] dst = new float[20];
        Augmentation.transform(src, 0, dst, 0, 1, 4, 5, 2, -1, 0);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                int sx = x - 2;
                int sy = y + 1;
                float expected = sx < 0 || sy >= 4 ? 0f : src[sy * 5 + sx];
                assertEquals("pixel " + x + "," + y, expected, dst[y * 5 + x], 0f);
            }
        }
    }

    @Test
    public void quarterTurnIsClockwiseOnScreen() {
        // 3x3: the right-middle pixel goes to bottom-middle, the top-left corner to top-right
        float[] src = ramp(3, 3);
        float[] dst = new float[9];
        Augmentation.transform(src, 0, dst, 0, 1, 3, 3, 0, 0, Math.PI / 2);
        assertArrayEquals(new float[] {7, 4, 1, 8, 5, 2, 9, 6, 3}, dst, 1e-6f);
    }

    @Test
    public void halfPixelShiftInterpolatesBilinearly() {
        float[] src = {0, 2, 4, 6};
        float[] dst = new float[4];
        Augmentation.transform(src, 0, dst, 0, 1, 1, 4, 0.5, 0, 0);
        assertArrayEquals(new float[] {0, 1, 3, 5}, dst, 1e-6f);
    }

    @Test
    public void smallRotationKeepsMassAndEveryChannelGetsTheSameDistortion() {
        int h = 28;
        float[] src = new float[2 * h * h];
        for (int y = 10; y < 18; y++) {
            for (int x = 12; x < 16; x++) {
                src[y * h + x] = 1f;
                src[h * h + y * h + x] = 0.5f;
            }
        }
        float[] dst = new float[src.length];
        Augmentation.transform(src, 0, dst, 0, 2, h, h, 1, 2, Math.toRadians(10));
        double a = 0;
        double b = 0;
        for (int i = 0; i < h * h; i++) {
            a += dst[i];
            b += dst[h * h + i];
            assertEquals(dst[i] * 0.5f, dst[h * h + i], 1e-6f);
        }
        // bilinear resampling of an object away from the border preserves its mass closely
        assertEquals(32, a, 0.5);
        assertEquals(16, b, 0.25);
    }

    @Test
    public void sameSeedSameDistortions() {
        float[] src = ramp(28, 28);
        float[] a = new float[784];
        float[] b = new float[784];
        float[] c = new float[784];
        Augmentation x = Augmentation.mnist(5);
        Augmentation y = Augmentation.mnist(5);
        Augmentation z = Augmentation.mnist(6);
        boolean differs = false;
        for (int i = 0; i < 5; i++) {
            x.apply(src, 0, a, 0, 1, 28, 28);
            y.apply(src, 0, b, 0, 1, 28, 28);
            z.apply(src, 0, c, 0, 1, 28, 28);
            assertArrayEquals(a, b, 0f);
            differs |= !java.util.Arrays.equals(a, c);
        }
        assertTrue("another seed should distort differently", differs);
    }
}
