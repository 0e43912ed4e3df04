package io.neuronlab.mllib.digits;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

public class DigitSegmenterTest {
    private final DigitSegmenter segmenter = new DigitSegmenter();
    private final StrokeRasterizer pen = new StrokeRasterizer(24);

    @Test
    public void digitsComeOutLeftToRightWhateverOrderTheyWereDrawn() {
        // drawn right to left: a "7" at the right, a "1" in the middle, a "0"-like box at the left
        List<Stroke> strokes = Arrays.asList(
            Stroke.of(700, 100, 860, 100, 760, 400),
            Stroke.of(480, 100, 470, 400),
            Stroke.of(100, 100, 260, 100, 260, 400, 100, 400, 100, 100));
        GrayImage canvas = pen.rasterize(strokes, 1000, 500);
        List<DigitSegmenter.Segment> segments = segmenter.segment(canvas);
        assertEquals(3, segments.size());
        assertTrue(segments.get(0).bounds().x() < 120);
        assertTrue(segments.get(1).bounds().x() > 440 && segments.get(1).bounds().right() < 520);
        assertTrue(segments.get(2).bounds().x() > 660);
        // each segment is its own MNIST input: the "1" segment holds none of its neighbours' ink
        GrayImage one = segments.get(1).mnistInput();
        GrayImage.Box b = one.inkBounds(MnistPreprocessor.INK_THRESHOLD);
        assertEquals(20, b.height());
        assertTrue("a 1 is narrow, got " + b, b.width() <= 4);
    }

    @Test
    public void aSmallGapOrAStackedStrokeStaysInOneDigit() {
        // a "4" whose vertical misses the crossbar by 6 px, and a "5" whose top bar floats 40 px above it
        List<Stroke> strokes = new ArrayList<>(Arrays.asList(
            Stroke.of(200, 100, 100, 300, 260, 300),
            Stroke.of(230, 150 + 0, 230, 282 - 6 - 24, 230, 282 - 30), Stroke.of(230, 330, 230, 450)));
        strokes.add(Stroke.of(500, 200, 500, 300, 640, 320, 620, 450, 500, 450));
        strokes.add(Stroke.of(505, 130, 640, 130));
        GrayImage canvas = pen.rasterize(strokes, 800, 500);
        List<DigitSegmenter.Segment> segments = segmenter.segment(canvas);
        assertEquals(2, segments.size());
        assertTrue(segments.get(0).bounds().right() < 300);
        assertTrue(segments.get(1).bounds().y() < 130);
    }

    @Test
    public void isolatedSpecksAreDustNotDigits() {
        GrayImage canvas = pen.rasterize(Arrays.asList(Stroke.of(300, 50, 300, 450)), 800, 500);
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) canvas.set(700 + x, 250 + y, 1);
        assertEquals(1, segmenter.segment(canvas).size());
    }

    @Test
    public void emptyCanvasIsRejected() {
        try {
            segmenter.segment(new GrayImage(100, 100));
            fail("expected EmptyDrawingException");
        } catch (EmptyDrawingException e) {
            assertTrue(e.getMessage().contains("100x100"));
        }
    }
}
