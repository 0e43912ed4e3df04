package io.neuronlab.mllib.digits;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeNotNull;

import java.util.List;

import org.junit.Test;

public class SyntheticFingerDigitsTest {
    @Test
    public void theSameSeedDrawsTheSameDigits() {
        List<SyntheticFingerDigits.Sample> a = new SyntheticFingerDigits(7).samples(2);
        List<SyntheticFingerDigits.Sample> b = new SyntheticFingerDigits(7).samples(2);
        assertEquals(20, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(i % 10, a.get(i).label());
            assertEquals(a.get(i).strokeWidth(), b.get(i).strokeWidth(), 0f);
            assertEquals(a.get(i).strokes().size(), b.get(i).strokes().size());
            Stroke s = a.get(i).strokes().get(0), t = b.get(i).strokes().get(0);
            assertEquals(s.size(), t.size());
            for (int k = 0; k < s.size(); k++) assertEquals(s.x(k), t.x(k), 0f);
        }
    }

    @Test
    public void drawingsFitThePhoneCanvasAndPreprocessLikeMnist() {
        MnistPreprocessor pre = new MnistPreprocessor();
        for (SyntheticFingerDigits.Sample s : new SyntheticFingerDigits(11).samples(3)) {
            GrayImage canvas = s.renderForRecognition();   // the 1080 px canvas at the recognition size, 336 px
            assertEquals(StrokeRasterizer.RECOGNITION_SIDE, canvas.width());
            GrayImage.Box box = canvas.inkBounds(0.05f);
            assertTrue("digit " + s.label() + " is at least a quarter of the canvas tall: " + box, box.height() > 80);
            assertTrue("inside the canvas: " + box, box.x() >= 0 && box.right() <= canvas.width() && box.bottom() <= canvas.height());
            GrayImage in = pre.process(canvas);
            GrayImage.Box b = in.inkBounds(MnistPreprocessor.INK_THRESHOLD);
            assertEquals(20, Math.max(b.width(), b.height()));
            float[] com = in.centreOfMass();
            assertEquals(14, com[0], 0.5f);
            assertEquals(14, com[1], 0.5f);
        }
    }

    /**
     * An independent check that the skeletons look like the digits they claim to be: a nearest-class-mean
     * classifier built from MNIST's test images (about 82% on MNIST itself) must mostly agree (measured 135/200).
     */
    @Test
    public void mnistClassMeansRecogniseTheSyntheticDigits() throws Exception {
        GrayImage[] images = MnistTestImages.images(10000);
        assumeNotNull((Object) images);
        int[] labels = MnistTestImages.labels(10000);
        float[][] mean = new float[10][784];
        int[] count = new int[10];
        for (int i = 0; i < images.length; i++) {
            count[labels[i]]++;
            for (int k = 0; k < 784; k++) mean[labels[i]][k] += images[i].pixels()[k];
        }
        for (int d = 0; d < 10; d++) for (int k = 0; k < 784; k++) mean[d][k] /= count[d];
        MnistPreprocessor pre = new MnistPreprocessor();
        int[] right = new int[10], seen = new int[10];
        for (SyntheticFingerDigits.Sample s : new SyntheticFingerDigits(2024).samples(20)) {
            float[] x = pre.process(s.renderForRecognition()).pixels();
            int best = -1;
            double bestDist = Double.MAX_VALUE;
            for (int d = 0; d < 10; d++) {
                double dist = 0;
                for (int k = 0; k < 784; k++) dist += (x[k] - mean[d][k]) * (x[k] - mean[d][k]);
                if (dist < bestDist) {
                    bestDist = dist;
                    best = d;
                }
            }
            seen[s.label()]++;
            if (best == s.label()) right[s.label()]++;
        }
        int total = 0;
        StringBuilder perDigit = new StringBuilder();
        for (int d = 0; d < 10; d++) {
            total += right[d];
            perDigit.append(d).append(": ").append(right[d]).append('/').append(seen[d]).append("  ");
        }
        System.out.println("nearest MNIST class mean on synthetic finger digits: " + total + "/200  " + perDigit);
        assertTrue("nearest-mean accuracy " + total + "/200  " + perDigit, total >= 120);
    }
}
