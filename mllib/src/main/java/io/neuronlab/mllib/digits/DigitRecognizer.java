package io.neuronlab.mllib.digits;

import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.tensor.NoGrad;
import io.neuronlab.mllib.tensor.ScalarMath;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Recognises digits with a trained model: 28×28 MNIST inputs → probabilities of 0–9, the top digit, and an
 * explicit "not sure" when the top probability is below a threshold. Several digits in one image are split
 * by {@link DigitSegmenter} and read as a number.
 *
 * <p>The model maps {@code [N, 1, 28, 28]} (or {@code [N, 784]} for {@link #forFlatInput}) to {@code [N, 10]}
 * scores; scores that are not already a probability distribution are put through softmax.
 */
public final class DigitRecognizer {
    /**
     * Below this top probability the answer is "not sure". Chosen on the tuning split of the font-digit sets
     * (docs/digits.md) as the highest threshold flagging under 5 % of the right readings: 0.9 flags 3.9 % of
     * them and catches 32 % of the errors there (0.7 caught 17 %).
     */
    public static final float DEFAULT_SURE_THRESHOLD = 0.9f;

    private final Layer model;
    private final boolean flatInput;
    private final float sureThreshold;
    private final DigitSegmenter segmenter = new DigitSegmenter();

    public DigitRecognizer(Layer model) {
        this(model, false, DEFAULT_SURE_THRESHOLD);
    }

    private DigitRecognizer(Layer model, boolean flatInput, float sureThreshold) {
        if (!(sureThreshold >= 0 && sureThreshold <= 1)) {
            throw new IllegalArgumentException("sure threshold must be a probability in [0, 1], got " + sureThreshold);
        }
        this.model = model;
        this.flatInput = flatInput;
        this.sureThreshold = sureThreshold;
        model.train(false);
    }

    /** For fully connected models that take {@code [N, 784]}. */
    public static DigitRecognizer forFlatInput(Layer model) {
        return new DigitRecognizer(model, true, DEFAULT_SURE_THRESHOLD);
    }

    /** The same model with another "not sure" threshold. */
    public DigitRecognizer withSureThreshold(float threshold) {
        return new DigitRecognizer(model, flatInput, threshold);
    }

    public Layer model() {
        return model;
    }

    /** The network's answer for one digit. */
    public record Prediction(float[] probabilities, int digit, float probability, boolean sure) {
    }

    /** The answer for a whole drawing or photo: one prediction per digit, left to right. */
    public record Reading(List<DigitSegmenter.Segment> segments, List<Prediction> predictions) {
        /** The digits as text, e.g. "42"; an unsure digit still shows its best guess. */
        public String number() {
            StringBuilder sb = new StringBuilder();
            for (Prediction p : predictions) sb.append(p.digit());
            return sb.toString();
        }

        /** True when every digit is above the threshold. */
        public boolean sure() {
            for (Prediction p : predictions) {
                if (!p.sure()) return false;
            }
            return true;
        }
    }

    /** Predicts one 28×28 MNIST input (ink = 1 on 0), e.g. from {@link MnistPreprocessor}. */
    public Prediction predict(GrayImage mnistInput) {
        return predictAll(Collections.singletonList(mnistInput)).get(0);
    }

    /**
     * Predicts a batch of 28×28 inputs in one forward pass.
     *
     * @throws IllegalStateException when the model gives no numbers (NaN) rather than guess a digit
     */
    public List<Prediction> predictAll(List<GrayImage> inputs) {
        int n = inputs.size();
        List<Prediction> out = new ArrayList<>(n);
        if (n == 0) return out;
        int area = MnistPreprocessor.SIZE * MnistPreprocessor.SIZE;
        float[] batch = new float[n * area];
        for (int i = 0; i < n; i++) {
            GrayImage g = inputs.get(i);
            if (g.width() != MnistPreprocessor.SIZE || g.height() != MnistPreprocessor.SIZE) {
                throw new IllegalArgumentException("input " + i + " is " + g.width() + "x" + g.height()
                    + "; the network takes 28x28 — run MnistPreprocessor first");
            }
            System.arraycopy(g.pixels(), 0, batch, i * area, area);
        }
        Tensor x = flatInput ? Tensor.of(batch, n, area) : Tensor.of(batch, n, 1, 28, 28);
        Tensor scores;
        try (NoGrad scope = NoGrad.enter()) {
            scores = model.forward(x);
        }
        if (scores.dim() != 2 || scores.size(0) != n || scores.size(1) != 10) {
            throw new IllegalStateException("the digit model must output [" + n + ", 10], got "
                + java.util.Arrays.toString(scores.shape()));
        }
        float[] s = scores.data();
        for (int i = 0; i < n; i++) {
            float[] p = ScalarMath.probabilities(java.util.Arrays.copyOfRange(s, i * 10, i * 10 + 10));
            requireNumbers(p, i);
            int best = 0;
            for (int k = 1; k < 10; k++) {
                if (p[k] > p[best]) best = k;
            }
            out.add(new Prediction(p, best, p[best], p[best] >= sureThreshold));
        }
        return out;
    }

    /** A NaN would make argmax answer 0: never a digit for scores that are not numbers. */
    private static void requireNumbers(float[] probabilities, int input) {
        for (float p : probabilities) {
            if (Float.isNaN(p)) {
                throw new IllegalStateException("the model's scores for input " + input + " are not numbers (NaN):"
                    + " its weights overflow or are damaged, so there is no digit to report");
            }
        }
    }

    /**
     * Splits {@code image} (ink = 1 on 0, any size) into digits and recognises each.
     *
     * @throws EmptyDrawingException when there is no ink — never a guess for an empty canvas
     */
    public Reading recognize(GrayImage image) {
        List<DigitSegmenter.Segment> segments = segmenter.segment(image);
        List<GrayImage> inputs = new ArrayList<>();
        for (DigitSegmenter.Segment s : segments) inputs.add(s.mnistInput());
        List<Prediction> predictions = predictAll(inputs);
        List<DigitSegmenter.Segment> finalSegments = new ArrayList<>();
        List<Prediction> finalPredictions = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            DigitSegmenter.Segment s = segments.get(i);
            Prediction whole = predictions.get(i);
            DigitSegmenter.Segment[] cut = bestCut(s, whole);
            if (cut == null) {
                finalSegments.add(s);
                finalPredictions.add(whole);
            } else {
                for (DigitSegmenter.Segment half : cut) {
                    finalSegments.add(half);
                    finalPredictions.add(predict(half.mnistInput()));
                }
            }
        }
        return new Reading(Collections.unmodifiableList(finalSegments), Collections.unmodifiableList(finalPredictions));
    }

    /** A segment at least this much wider than tall (width / height) may be two digits that touch. */
    static final float TOUCHING_ASPECT = 0.8f;

    /** How much less sure than of the whole the network may be of a cut's halves (tuning split: 0; a tie of 0.002 read 7 more touching pairs right and 5 more single photos wrong). */
    static final float CUT_TIE = 0f;

    /**
     * For a segment wide enough to be two touching digits: the cut whose two halves the network is surest of
     * (by the less sure half), when that is within {@link #CUT_TIE} of its confidence in the whole or above;
     * otherwise null. Aspect limit and tie were chosen on the tuning split (docs/digits.md).
     */
    private DigitSegmenter.Segment[] bestCut(DigitSegmenter.Segment s, Prediction whole) {
        GrayImage.Box b = s.bounds();
        if (b.width() < TOUCHING_ASPECT * b.height()) return null;
        List<DigitSegmenter.Segment[]> cuts = segmenter.cuts(s, 3);
        if (cuts.isEmpty()) return null;
        List<GrayImage> halves = new ArrayList<>();
        for (DigitSegmenter.Segment[] c : cuts) {
            halves.add(c[0].mnistInput());
            halves.add(c[1].mnistInput());
        }
        List<Prediction> p = predictAll(halves);
        DigitSegmenter.Segment[] best = null;
        // ties go to the cut: two touching digits are often read as one with the same near-certainty
        float bestScore = whole.probability() - CUT_TIE;
        for (int k = 0; k < cuts.size(); k++) {
            float score = Math.min(p.get(2 * k).probability(), p.get(2 * k + 1).probability());
            if (score > bestScore) {
                bestScore = score;
                best = cuts.get(k);
            }
        }
        return best;
    }

}
