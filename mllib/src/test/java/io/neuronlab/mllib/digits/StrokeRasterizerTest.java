package io.neuronlab.mllib.digits;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collections;

import org.junit.Test;

public class StrokeRasterizerTest {
    @Test
    public void aStraightStrokeIsAsThickAsThePen() {
        GrayImage g = new StrokeRasterizer(6).rasterize(
            Collections.singletonList(Stroke.of(10, 20.5f, 50, 20.5f)), 64, 40);
        float inkAcross = 0;
        for (int y = 0; y < 40; y++) inkAcross += g.get(30, y);
        assertEquals("ink summed across the line = pen width", 6f, inkAcross, 0.05f);
        assertEquals(1f, g.get(30, 20), 0f);
        assertEquals(0f, g.get(30, 27), 0f);
        // round caps reach one radius beyond the end points, no further
        assertTrue(g.get(52, 20) > 0.9f);
        assertEquals(0f, g.get(54, 20), 0f);
    }

    @Test
    public void cornersAreSmoothedByTheQuadraticCurve() {
        // finger points (0,0) → (100,0) → (100,100): the curve cuts the corner through (75, 12.5) at t = 1/2
        GrayImage g = new StrokeRasterizer(2).rasterize(
            Collections.singletonList(Stroke.of(0, 0, 100, 0, 100, 100)), 120, 120);
        assertTrue("on the curve", g.get(74, 12) > 0.5f);
        assertEquals("the sharp corner is not drawn", 0f, g.get(98, 1), 0f);
        assertTrue("the stroke still ends at the last point", g.get(99, 98) > 0.5f);
    }

    @Test
    public void aTapIsADotAndOverlapsDoNotExceedOne() {
        GrayImage g = new StrokeRasterizer(10).rasterize(Arrays.asList(
            Stroke.of(30, 30), Stroke.of(0, 30, 60, 30), Stroke.of(30, 0, 30, 60)), 60, 60);
        assertEquals(1f, g.get(30, 30), 0f);
        for (float v : g.pixels()) assertTrue(v >= 0 && v <= 1);
        GrayImage dot = new StrokeRasterizer(10).rasterize(Collections.singletonList(Stroke.of(30, 30)), 60, 60);
        float area = 0;
        for (float v : dot.pixels()) area += v;
        assertEquals("a dot covers about π·r²", Math.PI * 25, area, 3);
    }

    @Test
    public void defaultWidthGivesMnistLikeThicknessAfterPreprocessing() {
        // a vertical bar over 60% of a 1080 px canvas, the pen at the default width
        int side = 1080;
        StrokeRasterizer r = new StrokeRasterizer(StrokeRasterizer.defaultStrokeWidth(side, side));
        GrayImage canvas = r.rasterize(Collections.singletonList(Stroke.of(540, 216, 540, 864)), side, side);
        GrayImage in = new MnistPreprocessor().process(canvas);
        float across = 0;
        for (int x = 0; x < 28; x++) across += in.get(x, 14);
        assertTrue("stroke is " + across + " px at 28×28; MNIST's 1s measure about 3", across > 2.4f && across < 3.3f);
    }

    @Test
    public void recognitionAtReducedSizeGivesTheSame28x28AsFullResolution() {
        for (SyntheticFingerDigits.Sample s : new SyntheticFingerDigits(3).samples(1)) {
            GrayImage full = new MnistPreprocessor().process(
                new StrokeRasterizer(StrokeRasterizer.defaultStrokeWidth(1080, 1080)).rasterize(s.strokes(), 1080, 1080));
            GrayImage reduced = new MnistPreprocessor().process(StrokeRasterizer.rasterizeForRecognition(s.strokes(), 1080, 1080));
            float diff = 0;
            for (int i = 0; i < 784; i++) diff += Math.abs(full.pixels()[i] - reduced.pixels()[i]);
            assertTrue("digit " + s.label() + ": mean |difference| " + diff / 784, diff / 784 < 0.03f);
        }
    }
}
