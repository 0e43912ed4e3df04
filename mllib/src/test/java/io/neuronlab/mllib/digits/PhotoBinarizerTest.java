package io.neuronlab.mllib.digits;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.Test;

/** A synthetic photo: known ink on unevenly lit, noisy paper, so the right answer is known pixel by pixel. */
public class PhotoBinarizerTest {
    private static final List<Stroke> DIGITS = Arrays.asList(
        Stroke.of(60, 60, 60, 240),                                  // a 1
        Stroke.of(140, 70, 230, 60, 160, 240));                      // a 7

    private static GrayImage ink() {
        return new StrokeRasterizer(14).rasterize(DIGITS, 320, 300);
    }

    /** Paper lit from the left (0.95 → 0.45 across), ink reflecting 25% of the light there, plus sensor noise. */
    private static GrayImage photo(GrayImage ink, boolean darkInk, long seed) {
        Random r = new Random(seed);
        GrayImage p = new GrayImage(ink.width(), ink.height());
        for (int y = 0; y < ink.height(); y++) for (int x = 0; x < ink.width(); x++) {
            float light = 0.95f - 0.5f * x / ink.width();
            float paper = darkInk ? light : 0.15f * light;           // chalk on a dark board when not darkInk
            float inkLum = darkInk ? 0.25f * light : 0.9f * light;
            float a = ink.get(x, y);
            p.set(x, y, (1 - a) * paper + a * inkLum + 0.02f * (float) r.nextGaussian());
        }
        return p;
    }

    private static float iou(GrayImage got, GrayImage truth) {
        int both = 0, either = 0;
        for (int i = 0; i < got.pixels().length; i++) {
            boolean g = got.pixels()[i] > 0.5f, t = truth.pixels()[i] > 0.5f;
            if (g && t) both++;
            if (g || t) either++;
        }
        return (float) both / either;
    }

    @Test
    public void darkInkOnUnevenlyLitPaperIsInvertedAndFound() {
        GrayImage truth = ink();
        GrayImage photo = photo(truth, true, 1);
        assertTrue(PhotoBinarizer.isDarkInk(photo));
        GrayImage bin = new PhotoBinarizer().binarize(photo);
        for (float v : bin.pixels()) assertTrue(v == 0 || v == 1);
        assertTrue("IoU with the true ink " + iou(bin, truth), iou(bin, truth) > 0.85f);
        // a single global threshold fails on this light: at the darker right, paper is darker than left ink is
        assertTrue(photo.get(300, 20) < photo.get(60, 150) + 0.3f);
    }

    /**
     * A bold digit filling most of the frame: ink is about a third of the pixels, so the spread of the residual is
     * the ink's. Before the noise was measured from neighbour differences, the noise floor rose above the ink and
     * the photo came back blank (and it still does when ink is much over a third of the frame).
     */
    @Test
    public void boldDigitFillingTheFrameIsFound() {
        GrayImage truth = new StrokeRasterizer(60).rasterize(Arrays.asList(
            Stroke.of(60, 40, 250, 40, 60, 250, 250, 250)), 320, 300);   // a thick Z-like 2 from edge to edge
        int inkPixels = 0;
        for (float v : truth.pixels()) if (v > 0.5f) inkPixels++;
        assertTrue("ink share " + inkPixels / 96000f, inkPixels > 0.3f * 320 * 300);
        for (boolean dark : new boolean[] {true, false}) {
            GrayImage bin = new PhotoBinarizer().binarize(photo(truth, dark, 3));
            assertTrue((dark ? "dark" : "light") + " ink: IoU with the true ink " + iou(bin, truth), iou(bin, truth) > 0.85f);
        }
    }

    @Test
    public void lightInkOnDarkBoardIsKeptAsIs() {
        GrayImage truth = ink();
        GrayImage photo = photo(truth, false, 2);
        assertFalse(PhotoBinarizer.isDarkInk(photo));
        assertTrue(iou(new PhotoBinarizer().binarize(photo), truth) > 0.85f);
    }

    @Test
    public void blankPaperGivesNoInk() {
        GrayImage blank = photo(new GrayImage(320, 300), true, 3);
        GrayImage bin = new PhotoBinarizer().binarize(blank);
        float sum = 0;
        for (float v : bin.pixels()) sum += v;
        assertEquals(0f, sum, 0f);
    }

    @Test
    public void aPhotographedNumberSegmentsLikeTheDrawingItCameFrom() {
        GrayImage truth = ink();
        GrayImage bin = new PhotoBinarizer().binarize(photo(truth, true, 4));
        List<DigitSegmenter.Segment> fromPhoto = new DigitSegmenter().segment(bin);
        List<DigitSegmenter.Segment> fromDrawing = new DigitSegmenter().segment(truth);
        assertEquals(2, fromPhoto.size());
        for (int k = 0; k < 2; k++) {
            GrayImage a = fromPhoto.get(k).mnistInput(), b = fromDrawing.get(k).mnistInput();
            // the same shape: equal ink box (±1 px) and ink mass (±15%); the mass centre may round a pixel apart
            GrayImage.Box ba = a.inkBounds(MnistPreprocessor.INK_THRESHOLD), bb = b.inkBounds(MnistPreprocessor.INK_THRESHOLD);
            assertEquals(bb.width(), ba.width(), 1);
            assertEquals(bb.height(), ba.height(), 1);
            float massA = 0, massB = 0;
            for (int i = 0; i < 784; i++) {
                massA += a.pixels()[i];
                massB += b.pixels()[i];
            }
            assertEquals(massB, massA, 0.15f * massB);
            assertEquals(a.centreOfMass()[0], b.centreOfMass()[0], 1.1f);
            assertEquals(a.centreOfMass()[1], b.centreOfMass()[1], 1.1f);
        }
    }
}
