package io.neuronlab.mllib.digits;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Random;

import org.junit.Test;

public class InkPathCutTest {
    /** Paints a straight stroke {@code thickness} px wide from (x0, y0) to (x1, y1), ink = 1. */
    static void stroke(GrayImage g, double x0, double y0, double x1, double y1, double thickness) {
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                double dx = x1 - x0, dy = y1 - y0;
                double t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
                double ex = x - (x0 + t * dx), ey = y - (y0 + t * dy);
                if (ex * ex + ey * ey <= thickness * thickness / 4) g.set(x, y, 1);
            }
        }
    }

    /**
     * Two parallel strokes 5 px wide leaning right (14 px over 72 rows), 16 px apart, joined half-way up by a bar:
     * columns 17–19 hold ink of both, so no vertical line parts them.
     */
    static GrayImage slantedTouchingStrokes(boolean left, boolean right, boolean bridge) {
        GrayImage g = new GrayImage(36, 80);
        if (left) stroke(g, 3, 76, 17, 4, 5);
        if (right) stroke(g, 19, 76, 33, 4, 5);
        if (bridge) stroke(g, 10, 40, 26, 40, 3);
        return g;
    }

    @Test
    public void aSlantedPairIsPartedWithEachStrokesInkOnItsSide() {
        GrayImage g = slantedTouchingStrokes(true, true, true);
        GrayImage left = slantedTouchingStrokes(true, false, false), right = slantedTouchingStrokes(false, true, false);
        for (int x = 0; x < 36; x++) {
            boolean parts = true;
            for (int y = 0; y < 80; y++) {
                for (int c = 0; c < 36; c++) {
                    parts &= !(left.get(c, y) > 0 && c >= x) && !(right.get(c, y) > 0 && c < x);
                }
            }
            assertTrue("the vertical line at column " + x + " parts the strokes", !parts);
        }
        int[] path = InkPathCut.path(g, 1, 35, 18);
        assertEquals(80, path.length);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 36; x++) {
                if (left.get(x, y) > 0) assertTrue("left stroke's ink at (" + x + ", " + y + ") is left of the path", x < path[y]);
                if (right.get(x, y) > 0) assertTrue("right stroke's ink at (" + x + ", " + y + ") is right of the path", x >= path[y]);
            }
        }
        // it crosses only the bar (3 px), where a vertical cut crosses a whole stroke
        assertTrue("ink crossed " + inkCrossed(g, path), inkCrossed(g, path) <= 4);
    }

    @Test
    public void theSegmenterOffersTheBentCutForASlantedPairOnlyWhenAsked() {
        DigitSegmenter segmenter = new DigitSegmenter();
        List<DigitSegmenter.Segment> segments = segmenter.segment(slantedTouchingStrokes(true, true, true));
        assertEquals(1, segments.size());
        assertFalse("vertical cuts cannot part them", parted(segmenter.cuts(segments.get(0), 6)));
        assertTrue("the bent cut parts them", parted(segmenter.cuts(segments.get(0), 6, true)));
    }

    /** True when some cut's halves hold each one whole stroke and none of the other (the bar may go either way). */
    private static boolean parted(List<DigitSegmenter.Segment[]> cuts) {
        GrayImage left = slantedTouchingStrokes(true, false, false), right = slantedTouchingStrokes(false, true, false);
        for (DigitSegmenter.Segment[] cut : cuts) {
            if (holdsOnly(cut[0], left, right) && holdsOnly(cut[1], right, left)) return true;
        }
        return false;
    }

    private static boolean holdsOnly(DigitSegmenter.Segment half, GrayImage mine, GrayImage other) {
        GrayImage.Box b = half.bounds();
        for (int y = 0; y < mine.height(); y++) {
            for (int x = 0; x < mine.width(); x++) {
                boolean inHalf = x >= b.x() && x < b.right() && y >= b.y() && y < b.bottom()
                    && half.ink().get(x - b.x(), y - b.y()) > 0;
                if (mine.get(x, y) > 0 && !inHalf) return false;
                if (other.get(x, y) > 0 && mine.get(x, y) == 0 && inHalf) return false;
            }
        }
        return true;
    }

    @Test
    public void thePathStaysInItsBandAndMovesOneColumnPerRow() {
        Random r = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int w = 2 + r.nextInt(40), h = 1 + r.nextInt(40);
            GrayImage g = new GrayImage(w, h);
            for (int i = 0; i < w * h; i++) g.pixels()[i] = r.nextFloat() < 0.4f ? r.nextFloat() : 0;
            int lo = r.nextInt(w), hi = lo + r.nextInt(w - lo);
            int[] path = InkPathCut.path(g, lo, hi, (lo + hi) / 2);
            assertEquals(h, path.length);
            for (int y = 0; y < h; y++) {
                assertTrue(path[y] >= lo && path[y] <= hi);
                if (y > 0) assertTrue(Math.abs(path[y] - path[y - 1]) <= 1);
            }
        }
    }

    @Test
    public void itIsTheCheapestPathByBruteForce() {
        Random r = new Random(3);
        for (int trial = 0; trial < 30; trial++) {
            int w = 5, h = 5;
            GrayImage g = new GrayImage(w, h);
            for (int i = 0; i < w * h; i++) g.pixels()[i] = r.nextInt(3) / 2f;
            int[] path = InkPathCut.path(g, 0, w - 1, 2);
            assertEquals(cheapest(g, new int[h], 0), cost(g, path), 1e-5);
        }
    }

    /** The ink (sum of pixel values) the path crosses. */
    private static float inkCrossed(GrayImage ink, int[] path) {
        float sum = 0;
        for (int y = 0; y < path.length; y++) sum += ink.get(path[y], y);
        return sum;
    }

    private static float cost(GrayImage g, int[] path) {
        float c = inkCrossed(g, path);
        for (int y = 1; y < path.length; y++) c += InkPathCut.DRIFT_COST * Math.abs(path[y] - path[y - 1]);
        return c;
    }

    private static float cheapest(GrayImage g, int[] path, int y) {
        if (y == g.height()) return cost(g, path);
        float best = Float.MAX_VALUE;
        for (int x = 0; x < g.width(); x++) {
            if (y > 0 && Math.abs(x - path[y - 1]) > 1) continue;
            path[y] = x;
            best = Math.min(best, cheapest(g, path, y + 1));
        }
        return best;
    }

    @Test
    public void blankPaperGivesAStraightCutAtTheCentre() {
        int[] path = InkPathCut.path(new GrayImage(20, 10), 3, 15, 9);
        int[] straight = new int[10];
        java.util.Arrays.fill(straight, 9);
        assertArrayEquals(straight, path);
    }

    @Test
    public void aOneColumnBandIsThatColumn() {
        int[] path = InkPathCut.path(slantedTouchingStrokes(true, true, true), 18, 18, 18);
        for (int x : path) assertEquals(18, x);
    }

    @Test
    public void aBandOutsideTheImageIsRejected() {
        for (int[] band : new int[][] {{-1, 5}, {5, 60}, {10, 9}}) {
            try {
                InkPathCut.path(new GrayImage(60, 10), band[0], band[1], 5);
                fail("expected an error for " + java.util.Arrays.toString(band));
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("60 px wide"));
            }
        }
    }
}
