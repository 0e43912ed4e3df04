package io.neuronlab.mllib.interop;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.models.DeepCnn;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.Sequential;
import org.junit.Test;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The book's DeepConvNet parameters, pickled by Python in the book's format, loaded into mllib's {@link DeepCnn}:
 * the book's own forward pass in numpy ({@code scripts/book-deepconvnet.py}, im2col convolutions, test-time dropout
 * {@code x * 0.5}) is the oracle, image for image and logit for logit. The weights are the trained
 * {@code deepcnn.nlmf}'s, so the predictions are real digits.
 */
public class BookDeepConvNetTest {
    private static final double TOLERANCE = 1e-4;

    @Test
    public void everyProtocolsPickleGivesTheBookCodesLogitsAndPredictions() throws Exception {
        File dir = BookReference.fixtures();
        double[] bookLogits = BookReference.readDoubles(new File(dir, "book_logits.f64"));
        int[] bookPredictions = BookReference.readInts(new File(dir, "book_predictions.i32"));
        Dataset images = BookReference.images();
        assertEquals(BookReference.IMAGES, bookPredictions.length);
        assertEquals(BookReference.IMAGES * 10, bookLogits.length);
        int[] trainedPredictions = argmax(BookReference.trained().forward(images.inputs()).data());

        String[] files = {"p2", "p3", "p4", "p5", "f4be-fortran.p2", "f4be-fortran.p5"};
        for (String f : files) {
            Sequential net = BookDeepConvNet.read(new File(dir, "deep_convnet_params." + f + ".pkl"));
            float[] logits = net.forward(images.inputs()).data();
            double worst = 0;
            for (int i = 0; i < logits.length; i++) {
                worst = Math.max(worst, Math.abs(logits[i] - bookLogits[i]));
            }
            assertTrue(f + ": logits differ from the book's by " + worst, worst <= TOLERANCE);
            assertArrayEquals(f + ": predictions", bookPredictions, argmax(logits));
            System.out.printf("book pickle %s: max |logit - book's| %.2e over %d images%n", f, worst, BookReference.IMAGES);
        }
        // The fixture is the trained mllib network rewritten in the book's convention: same digits.
        assertArrayEquals(trainedPredictions, bookPredictions);
        int right = 0;
        for (int i = 0; i < bookPredictions.length; i++) {
            right += bookPredictions[i] == images.label(i) ? 1 : 0;
        }
        System.out.printf("book pickle: %d of %d test images right%n", right, bookPredictions.length);
        assertTrue(right + " right", right >= 0.97 * bookPredictions.length);
    }

    @Test
    public void withoutTheDropoutFoldTheLogitsWouldBeOff() throws Exception {
        // The book's predict() scales by 1 - 0.5 twice at test time; mllib's dropout passes values through. This is
        // what the fold in BookDeepConvNet.load fixes: undo it and the logits differ by far more than the tolerance.
        File dir = BookReference.fixtures();
        double[] bookLogits = BookReference.readDoubles(new File(dir, "book_logits.f64"));
        Sequential net = BookDeepConvNet.read(new File(dir, "deep_convnet_params.p3.pkl"));
        Linear fc2 = (Linear) net.namedLayers().get("fc2");
        float[] w = fc2.weight().data();
        float[] b = fc2.bias().data();
        for (int i = 0; i < w.length; i++) {
            w[i] *= 4;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] *= 2;
        }
        float[] logits = net.forward(BookReference.images().inputs()).data();
        double worst = 0;
        for (int i = 0; i < logits.length; i++) {
            worst = Math.max(worst, Math.abs(logits[i] - bookLogits[i]));
        }
        assertTrue("unfolded logits differ by only " + worst, worst > 1);
    }

    @Test
    public void aTransposedW7IsNamedWithBothShapesAndNothingIsLoaded() throws Exception {
        File dir = BookReference.fixtures();
        Sequential net = DeepCnn.create(3);
        float[] before = net.namedLayers().get("conv1").parameters().values().iterator().next().data().clone();
        try {
            BookDeepConvNet.load(net, NumpyPickle.read(new File(dir, "deep_convnet_params.wrong-w7.pkl")), "wrong.pkl");
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("wrong.pkl: W7 is float64 [50, 1024], the book's DeepConvNet (and mllib's deepcnn) needs [1024, 50]",
                e.getMessage());
        }
        assertArrayEquals(before, net.namedLayers().get("conv1").parameters().values().iterator().next().data(), 0f);
    }

    @Test
    public void missingAndUnexpectedKeysAreNamed() {
        Map<String, NumpyArray> params = new LinkedHashMap<>();
        Sequential net = DeepCnn.create(1);
        for (int i = 1; i <= 8; i++) {
            params.put("W" + i, NumpyArray.of("float64", new double[1], 1));
        }
        params.put("gamma1", NumpyArray.of("float64", new double[1], 1));
        try {
            BookDeepConvNet.load(net, params, "x.pkl");
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("x.pkl: not the book's DeepConvNet parameters; missing [b1, b2, b3, b4, b5, b6, b7, b8]; "
                + "unexpected [gamma1] (expected W1..W8 and b1..b8)", e.getMessage());
        }
    }

    private static int[] argmax(float[] logits) {
        int n = logits.length / 10;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < 10; k++) {
                if (logits[i * 10 + k] > logits[i * 10 + best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
