package io.neuronlab.mllib.digits;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeNotNull;

import org.junit.Test;

public class MnistPreprocessorTest {
    private final MnistPreprocessor pre = new MnistPreprocessor();

    private static GrayImage rect(int w, int h, int x0, int y0, int rw, int rh) {
        GrayImage g = new GrayImage(w, h);
        for (int y = y0; y < y0 + rh; y++) for (int x = x0; x < x0 + rw; x++) g.set(x, y, 1);
        return g;
    }

    @Test
    public void inkBoundsAreTheTightestBoxAroundPixelsAboveThreshold() {
        GrayImage g = rect(50, 40, 7, 11, 13, 5);
        g.set(30, 35, 0.04f);   // below the 0.05 threshold: dust, not ink
        assertEquals(new GrayImage.Box(7, 11, 13, 5), g.inkBounds(MnistPreprocessor.INK_THRESHOLD));
        g.set(30, 35, 0.06f);
        assertEquals(new GrayImage.Box(7, 11, 24, 25), g.inkBounds(MnistPreprocessor.INK_THRESHOLD));
        assertNull(new GrayImage(5, 5).inkBounds(0.05f));
    }

    @Test
    public void longerSideBecomesTwentyPixelsKeepingTheAspectRatio() {
        GrayImage wide = pre.process(rect(300, 300, 40, 100, 100, 50));
        // mass centre (9.5, 4.5) of the 20×10 block → shift round(4.5) = 5, round(9.5) = 10
        assertEquals(new GrayImage.Box(5, 10, 20, 10), wide.inkBounds(MnistPreprocessor.INK_THRESHOLD));
        GrayImage tall = pre.process(rect(300, 300, 10, 10, 30, 90));   // 30·20/90 = 6.67 → 7 px wide
        GrayImage.Box b = tall.inkBounds(MnistPreprocessor.INK_THRESHOLD);
        assertEquals(7, b.width());
        assertEquals(20, b.height());
        // a small drawing is scaled up to the same 20 px
        GrayImage small = pre.process(rect(100, 100, 50, 50, 5, 10));
        assertEquals(20, small.inkBounds(MnistPreprocessor.INK_THRESHOLD).height());
        assertEquals(10, small.inkBounds(MnistPreprocessor.INK_THRESHOLD).width());
    }

    @Test
    public void areaAveragingOfAOnePixelCheckerboardGivesHalfGrey() {
        GrayImage board = new GrayImage(40, 40);
        for (int y = 0; y < 40; y++) for (int x = 0; x < 40; x++) board.set(x, y, (x + y) % 2);
        GrayImage half = MnistPreprocessor.resizeAreaAverage(board, 20, 20);
        for (float v : half.pixels()) assertEquals(0.5f, v, 1e-6f);
        // a factor of 3 → 5/9 or 4/9 depending on the block's corner colour
        GrayImage third = MnistPreprocessor.resizeAreaAverage(board.crop(0, 0, 39, 39), 13, 13);
        assertEquals(4 / 9f, third.get(0, 0), 1e-6f);
        assertEquals(5 / 9f, third.get(1, 0), 1e-6f);
    }

    @Test
    public void centreOfMassLandsOnFourteenFourteenWherevertheDigitWasDrawn() {
        // an L: heavy vertical bar plus a foot, so the mass centre is not the box centre
        GrayImage a = rect(400, 400, 50, 60, 20, 200);
        for (int y = 240; y < 260; y++) for (int x = 50; x < 170; x++) a.set(x, y, 1);
        GrayImage b = new GrayImage(400, 400);   // the same L moved by (150, 70)
        for (int y = 0; y < 330; y++) for (int x = 0; x < 250; x++) b.set(x + 150, y + 70, a.get(x, y));
        GrayImage pa = pre.process(a);
        GrayImage pb = pre.process(b);
        float[] com = pa.centreOfMass();
        assertEquals(14, com[0], 0.5f);
        assertEquals(14, com[1], 0.5f);
        // the mass sits in the heavy bar, left of the box centre, so centring the mass moves the box right
        GrayImage.Box box = pa.inkBounds(MnistPreprocessor.INK_THRESHOLD);
        assertTrue("box should be shifted right of centre, got " + box, box.x() + box.width() / 2f > 14.5f);
        for (int i = 0; i < pa.pixels().length; i++) assertEquals(pa.pixels()[i], pb.pixels()[i], 0f);
    }

    @Test
    public void outputKeepsTrainingPolarityInkOneOnZero() {
        GrayImage g = rect(200, 200, 20, 20, 40, 150);
        g.set(0, 0, -0.5f);   // out-of-range input is clamped, not passed on
        g.set(100, 190, 3f);
        GrayImage out = pre.process(g);
        float min = 1, max = 0;
        for (float v : out.pixels()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min, 0f);
        assertEquals(1f, max, 0f);
        assertEquals("corners are background", 0f, out.get(0, 0) + out.get(27, 27) + out.get(0, 27) + out.get(27, 0), 0f);
    }

    @Test
    public void emptyInputIsRejectedNeverGuessed() {
        for (GrayImage g : new GrayImage[] {new GrayImage(300, 300), rect(100, 100, 10, 10, 5, 5)}) {
            if (g.get(10, 10) > 0) for (int i = 0; i < g.pixels().length; i++) g.pixels()[i] *= 0.04f;
            try {
                pre.process(g);
                fail("expected EmptyDrawingException");
            } catch (EmptyDrawingException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("no ink"));
            }
        }
    }

    /**
     * Oracle: MNIST itself. An MNIST digit blown up 10× (each pixel a 10×10 block) on a large canvas must come
     * back as the original (minus faint dust outside the ink box) when its ink box was already 20 px long and its mass centre rounds to (14, 14).
     */
    @Test
    public void blownUpMnistDigitsComeBackAsThemselves() throws Exception {
        GrayImage[] digits = MnistTestImages.images(300);
        assumeNotNull((Object) digits);
        int eligible = 0, exact = 0;
        for (GrayImage d : digits) {
            GrayImage.Box b = d.inkBounds(MnistPreprocessor.INK_THRESHOLD);
            float[] c = d.centreOfMass();
            if (Math.max(b.width(), b.height()) != 20 || Math.round(14 - c[0]) != 0 || Math.round(14 - c[1]) != 0) continue;
            eligible++;
            GrayImage big = new GrayImage(500, 400);
            for (int y = 0; y < 280; y++) for (int x = 0; x < 280; x++) big.set(x + 123, y + 57, d.get(x / 10, y / 10));
            GrayImage back = pre.process(big);
            boolean same = true;
            for (int i = 0; i < 784; i++) {
                float want = d.pixels()[i], got = back.pixels()[i];
                // faint pixels outside the ink box (≤ threshold) are cropped away: 0 is the right answer there
                boolean cropped = got == 0 && want <= MnistPreprocessor.INK_THRESHOLD;
                if (Math.abs(got - want) > 1e-5f && !cropped) same = false;
            }
            if (same) exact++;
        }
        assertTrue("too few eligible digits: " + eligible, eligible > 100);
        assertEquals("every eligible digit is reproduced exactly", eligible, exact);
    }
}
