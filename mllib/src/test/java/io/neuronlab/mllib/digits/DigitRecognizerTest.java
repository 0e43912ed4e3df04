package io.neuronlab.mllib.digits;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Arrays;
import java.util.List;

import org.junit.Test;

public class DigitRecognizerTest {
    /**
     * A transparent stand-in for a trained network: it calls every narrow drawing (ink box ≤ 6 px wide) a 1
     * and everything else a 0, with logit 4 against 0 — so the probabilities are known: e⁴/(e⁴ + 9) = 0.8585.
     */
    static final class WidthRule extends Layer {
        @Override
        public Tensor forward(Tensor x) {
            int n = x.size(0);
            float[] out = new float[n * 10];
            for (int i = 0; i < n; i++) {
                float[] p = Arrays.copyOfRange(x.data(), i * 784, (i + 1) * 784);
                GrayImage.Box b = new GrayImage(28, 28, p).inkBounds(MnistPreprocessor.INK_THRESHOLD);
                out[i * 10 + (b.width() <= 6 ? 1 : 0)] = 4;
            }
            return Tensor.of(out, n, 10);
        }

        @Override
        public Tensor backward(Tensor gradOutput) {
            throw new UnsupportedOperationException("inference only");
        }
    }

    /** Returns the given scores (as many classes as scores) for every input. */
    static final class Fixed extends Layer {
        final float[] scores;

        Fixed(float... scores) {
            this.scores = scores;
        }

        @Override
        public Tensor forward(Tensor x) {
            assertArrayEquals(new int[] {x.size(0), 1, 28, 28}, x.shape());
            int k = scores.length;
            float[] out = new float[x.size(0) * k];
            for (int i = 0; i < x.size(0); i++) System.arraycopy(scores, 0, out, i * k, k);
            return Tensor.of(out, x.size(0), k);
        }

        @Override
        public Tensor backward(Tensor gradOutput) {
            throw new UnsupportedOperationException("inference only");
        }
    }

    @Test
    public void scoresBecomeSoftmaxProbabilitiesAndTheTopDigit() {
        DigitRecognizer r = new DigitRecognizer(new Fixed(0, 0, 0, 3.5f, 0, 0, 0, 0, 0, 0));
        DigitRecognizer.Prediction p = r.predict(new GrayImage(28, 28));
        float top = (float) (Math.exp(3.5) / (Math.exp(3.5) + 9));
        assertEquals(3, p.digit());
        assertEquals(top, p.probability(), 1e-6f);
        assertEquals((1 - top) / 9, p.probabilities()[7], 1e-6f);
        assertEquals("the same scores for every shifted copy: confidence = probability", top, p.confidence(), 1e-6f);
        assertFalse("0.786 is below the default 0.80", p.sure());
        assertTrue("0.786 is above a 0.7 threshold", r.withSureThreshold(0.7f).predict(new GrayImage(28, 28)).sure());
    }

    /** Reads 3 when the centre pixel is ink and 5 otherwise, each with probability e^8 / (e^8 + 9). */
    static final class CentrePixel extends Layer {
        @Override
        public Tensor forward(Tensor x) {
            float[] out = new float[x.size(0) * 10];
            for (int i = 0; i < x.size(0); i++) out[i * 10 + (x.data()[i * 784 + 14 * 28 + 14] > 0.5f ? 3 : 5)] = 8;
            return Tensor.of(out, x.size(0), 10);
        }

        @Override
        public Tensor backward(Tensor gradOutput) {
            throw new UnsupportedOperationException("inference only");
        }
    }

    @Test
    public void aReadingThatDoesNotSurviveA2PixelShiftIsNotSure() {
        GrayImage dot = new GrayImage(28, 28);
        dot.set(14, 14, 1);
        DigitRecognizer.Prediction p = new DigitRecognizer(new CentrePixel()).predict(dot);
        float top = (float) (Math.exp(8) / (Math.exp(8) + 9));
        assertEquals(3, p.digit());
        assertEquals(top, p.probability(), 1e-6f);
        // the four copies moved by 2 px read 5: the 3 keeps only its tiny share there
        assertEquals((top + 4 * (1 - top) / 9) / 5, p.confidence(), 1e-6f);
        assertFalse(p.sure());
        // a bar through the centre survives the shifts along it but not across it: 3 of 5 copies
        GrayImage bar = new GrayImage(28, 28);
        for (int x = 4; x < 24; x++) bar.set(x, 14, 1);
        DigitRecognizer.Prediction q = new DigitRecognizer(new CentrePixel()).predict(bar);
        assertEquals((3 * top + 2 * (1 - top) / 9) / 5, q.confidence(), 1e-6f);
    }

    @Test
    public void shiftingMovesPixelsAndBlanksWhatIsUncovered() {
        GrayImage g = new GrayImage(28, 28);
        g.set(0, 0, 0.5f);
        g.set(27, 27, 1);
        GrayImage right = DigitRecognizer.shifted(g, 2, 0);
        assertEquals(0.5f, right.get(2, 0), 0f);
        assertEquals(0f, right.get(0, 0), 0f);
        GrayImage up = DigitRecognizer.shifted(g, 0, -2);
        assertEquals(1f, up.get(27, 25), 0f);
        assertEquals(0f, up.get(27, 27), 0f);
        assertEquals("the pixel at the top edge moved out", 0f, sum(up) - 1f, 0f);
    }

    private static float sum(GrayImage g) {
        float s = 0;
        for (float v : g.pixels()) s += v;
        return s;
    }

    @Test
    public void probabilitiesFromASoftmaxLayerAreUsedAsTheyAre() {
        float[] probs = {0.05f, 0.05f, 0.05f, 0.05f, 0.4f, 0.05f, 0.05f, 0.2f, 0.05f, 0.05f};
        DigitRecognizer.Prediction p = new DigitRecognizer(new Fixed(probs)).predict(new GrayImage(28, 28));
        assertArrayEquals(probs, p.probabilities(), 0f);
        assertEquals(4, p.digit());
        assertFalse("0.4 is not sure", p.sure());
    }

    @Test
    public void aNumberIsReadLeftToRight() {
        // drawn in the order: right 0, middle 1, left 1 → reads "110"
        List<Stroke> strokes = Arrays.asList(
            Stroke.of(700, 100, 860, 100, 860, 400, 700, 400, 700, 100),
            Stroke.of(480, 100, 470, 400),
            Stroke.of(200, 100, 190, 400));
        GrayImage canvas = new StrokeRasterizer(24).rasterize(strokes, 1000, 500);
        DigitRecognizer.Reading reading = new DigitRecognizer(new WidthRule()).withSureThreshold(0.7f).recognize(canvas);
        assertEquals("110", reading.number());
        assertTrue(reading.sure());
        assertEquals(3, reading.segments().size());
    }

    @Test
    public void emptyCanvasNeverProducesAGuess() {
        try {
            new DigitRecognizer(new WidthRule()).recognize(new GrayImage(500, 500));
            fail("expected EmptyDrawingException");
        } catch (EmptyDrawingException expected) {
            // the model was never asked
        }
    }

    @Test
    public void inputsOfTheWrongSizeAreRejectedWithAHint() {
        try {
            new DigitRecognizer(new WidthRule()).predict(new GrayImage(32, 28));
            fail("expected IllegalArgumentException");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("32x28") && e.getMessage().contains("MnistPreprocessor"));
        }
    }

    /** A stand-in pair network: scores (0, {@code twoLogit}) for every input, so p(two) = 1 / (1 + e^-twoLogit). */
    static Fixed fixedTwo(float twoLogit) {
        return new Fixed(0, twoLogit);
    }

    @Test
    public void aDigitThePairNetworkCallsTwoTouchingDigitsIsNotSure() {
        List<Stroke> strokes = Arrays.asList(
            Stroke.of(700, 100, 860, 100, 860, 400, 700, 400, 700, 100),
            Stroke.of(480, 100, 470, 400),
            Stroke.of(200, 100, 190, 400));
        GrayImage canvas = new StrokeRasterizer(24).rasterize(strokes, 1000, 500);
        DigitRecognizer.Reading alone = new DigitRecognizer(new WidthRule()).withSureThreshold(0.7f).recognize(canvas);
        // p(two) = 1 - 2e-9: every digit, read as one, is doubted; the digits and their confidences stay
        DigitRecognizer.Reading doubted = new DigitRecognizer(new WidthRule(), fixedTwo(20)).withSureThreshold(0.7f)
            .recognize(canvas);
        assertEquals("110", doubted.number());
        assertFalse(doubted.sure());
        for (int i = 0; i < 3; i++) {
            assertFalse(doubted.predictions().get(i).sure());
            assertEquals(alone.predictions().get(i).confidence(), doubted.predictions().get(i).confidence(), 0f);
        }
        // p(two) = 0.99966, under DOUBT_ONE_TWO = 0.9999: no doubt; nor with a network sure it is one digit
        for (float logit : new float[] {8, -20}) {
            DigitRecognizer.Reading r = new DigitRecognizer(new WidthRule(), fixedTwo(logit)).withSureThreshold(0.7f)
                .recognize(canvas);
            assertEquals("110", r.number());
            assertTrue("p(two) logit " + logit, r.sure());
        }
    }
}
