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
     * Below this {@linkplain Prediction#confidence() confidence} the answer is "not sure". Fitted on the tuning
     * split of the font-digit sets (docs/digits.md): alone, 0.84 was the highest threshold flagging under 5 % of
     * the right readings (catching 41 % of the errors; the network's own top probability at its best threshold,
     * 0.9, caught 32 %, temperature-scaled probabilities 38–41 %). With a pair network's doubts
     * ({@link #DOUBT_ONE_TWO}, {@link #DOUBT_CUT_TWO}) flagging the confident touching-pair errors, 0.80 leaves
     * room under 5 %: tuning split (600 digits, 400 pairs per gap) errors flagged 37 → 83 %, right readings
     * flagged 4.9 → 4.3 % (0.82: 84 % / 4.8 %; 0.84: 86 % / 5.3 %).
     */
    public static final float DEFAULT_SURE_THRESHOLD = 0.80f;

    /**
     * The copies a confidence is averaged over: the input moved by this many pixels left, right, up and down.
     * A digit the network really recognises survives a 2 px shift; a lucky reading of an odd shape (two
     * touching digits, a hollow stroke) often does not. On the tuning split 2 px shifts caught 41 % of the errors
     * at the threshold above, ±15 % scalings 36 %, ±12° rotations 32 %, all eight together 42 % for twice the work.
     */
    static final int CONFIDENCE_SHIFT = 2;
    private static final int[][] SHIFTS = {
        {-CONFIDENCE_SHIFT, 0}, {CONFIDENCE_SHIFT, 0}, {0, -CONFIDENCE_SHIFT}, {0, CONFIDENCE_SHIFT}};

    private final Layer model;
    private final Layer pairModel;   // null: no "one or two digits?" network (cuts by width and log-odds only)
    private final boolean flatInput;
    private final float sureThreshold;
    private final DigitSegmenter segmenter = new DigitSegmenter();

    public DigitRecognizer(Layer model) {
        this(model, null, false, DEFAULT_SURE_THRESHOLD);
    }

    /**
     * A recogniser that also asks {@code pairModel} ({@link PairModel}, the app's {@code models/pairs.nlmf})
     * whether each group of ink is one digit or two touching digits: a reading it disagrees
     * with is "not sure" (see {@link #recognize}).
     */
    public DigitRecognizer(Layer model, Layer pairModel) {
        this(model, pairModel, false, DEFAULT_SURE_THRESHOLD);
    }

    private DigitRecognizer(Layer model, Layer pairModel, boolean flatInput, float sureThreshold) {
        if (!(sureThreshold >= 0 && sureThreshold <= 1)) {
            throw new IllegalArgumentException("sure threshold must be a probability in [0, 1], got " + sureThreshold);
        }
        this.model = model;
        this.pairModel = pairModel;
        this.flatInput = flatInput;
        this.sureThreshold = sureThreshold;
        model.train(false);
        if (pairModel != null) pairModel.train(false);
    }

    /** For fully connected models that take {@code [N, 784]}. */
    public static DigitRecognizer forFlatInput(Layer model) {
        return new DigitRecognizer(model, null, true, DEFAULT_SURE_THRESHOLD);
    }

    /** The same models with another "not sure" threshold. */
    public DigitRecognizer withSureThreshold(float threshold) {
        return new DigitRecognizer(model, pairModel, flatInput, threshold);
    }

    /** The "one or two digits?" network, or null. */
    public Layer pairModel() {
        return pairModel;
    }

    public Layer model() {
        return model;
    }

    /**
     * The network's answer for one digit: its probabilities for the input as given, the top digit and its
     * probability, and the confidence — the mean probability of that digit over the input and its copies
     * shifted by {@link #CONFIDENCE_SHIFT} px — which decides {@code sure}.
     */
    public record Prediction(float[] probabilities, int digit, float probability, float confidence, boolean sure) {
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
        int copies = 1 + SHIFTS.length;
        List<GrayImage> all = new ArrayList<>(n * copies);
        all.addAll(inputs);
        for (int i = 0; i < n; i++) {
            requireMnistSize(inputs.get(i), i);
            for (int[] d : SHIFTS) all.add(shifted(inputs.get(i), d[0], d[1]));
        }
        float[][] p = probabilities(all);
        for (int i = 0; i < n; i++) {
            float[] mine = p[i];
            int best = 0;
            for (int k = 1; k < 10; k++) {
                if (mine[k] > mine[best]) best = k;
            }
            float sum = mine[best];
            for (int c = 0; c < SHIFTS.length; c++) sum += p[n + i * SHIFTS.length + c][best];
            float confidence = sum / copies;
            out.add(new Prediction(mine, best, mine[best], confidence, confidence >= sureThreshold));
        }
        return out;
    }

    /** The network's probabilities for each 28×28 input, in one forward pass. */
    private float[][] probabilities(List<GrayImage> inputs) {
        int n = inputs.size();
        float[] s = scores(model, "digit", flatInput, 10, inputs);
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = ScalarMath.probabilities(java.util.Arrays.copyOfRange(s, i * 10, i * 10 + 10));
            requireNumbers(out[i], i);
        }
        return out;
    }

    /**
     * {@code net}'s scores {@code [n, classes]} for the 28×28 inputs (flat {@code [n, 784]} when {@code flat}), in
     * one forward pass without gradients; {@code which} names the network in the error when its output is another
     * shape.
     */
    private static float[] scores(Layer net, String which, boolean flat, int classes, List<GrayImage> inputs) {
        int n = inputs.size();
        int area = MnistPreprocessor.SIZE * MnistPreprocessor.SIZE;
        float[] batch = new float[n * area];
        for (int i = 0; i < n; i++) {
            GrayImage g = inputs.get(i);
            requireMnistSize(g, i);
            System.arraycopy(g.pixels(), 0, batch, i * area, area);
        }
        Tensor x = flat ? Tensor.of(batch, n, area) : Tensor.of(batch, n, 1, 28, 28);
        Tensor scores;
        try (NoGrad scope = NoGrad.enter()) {
            scores = net.forward(x);
        }
        if (scores.dim() != 2 || scores.size(0) != n || scores.size(1) != classes) {
            throw new IllegalStateException("the " + which + " model must output [" + n + ", " + classes + "], got "
                + java.util.Arrays.toString(scores.shape()));
        }
        return scores.data();
    }

    private static void requireMnistSize(GrayImage g, int input) {
        if (g.width() != MnistPreprocessor.SIZE || g.height() != MnistPreprocessor.SIZE) {
            throw new IllegalArgumentException("input " + input + " is " + g.width() + "x" + g.height()
                + "; the network takes 28x28 — run MnistPreprocessor first");
        }
    }

    /** {@code g} moved by (dx, dy) pixels, blank where it moved away from. */
    static GrayImage shifted(GrayImage g, int dx, int dy) {
        int w = g.width(), h = g.height();
        GrayImage out = new GrayImage(w, h);
        for (int y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
            for (int x = Math.max(0, dx); x < Math.min(w, w + dx); x++) out.set(x, y, g.get(x - dx, y - dy));
        }
        return out;
    }

    /**
     * For each input (no shifted copies): the top digit, its probability and its log-odds against all other
     * digits, {@code ln p − ln(1 − p)} with {@code 1 − p} summed from the other nine (exact where p rounds to 1:
     * a cut and a whole both "certain" at 0.9999 and 0.999999 still compare).
     */
    private float[][] topReadings(List<GrayImage> inputs) {
        float[][] p = probabilities(inputs);
        float[][] out = new float[p.length][];
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int k = 1; k < 10; k++) if (p[i][k] > p[i][best]) best = k;
            double rest = 0;
            for (int k = 0; k < 10; k++) if (k != best) rest += p[i][k];
            float logOdds = (float) (Math.log(Math.max(1e-30, p[i][best])) - Math.log(Math.max(1e-30, rest)));
            out[i] = new float[] {best, p[i][best], logOdds};
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
     * Splits {@code image} (ink = 1 on 0, any size) into digits and recognises each. With a pair network, a digit
     * is also "not sure" when the network disagrees with how many digits its group of ink was read as: a group
     * read as one digit that it calls two ({@link #DOUBT_ONE_TWO}), or a group cut in two that it does not
     * clearly call two ({@link #DOUBT_CUT_TWO}). A wide group it calls two is also tried with bent cuts
     * ({@link #BENT_CUT_TWO}).
     *
     * @throws EmptyDrawingException when there is no ink — never a guess for an empty canvas
     */
    public Reading recognize(GrayImage image) {
        List<DigitSegmenter.Segment> segments = segmenter.segment(image);
        List<GrayImage> inputs = new ArrayList<>();
        for (DigitSegmenter.Segment s : segments) inputs.add(s.mnistInput());
        float[][] wholeTop = topReadings(inputs);
        float[] two = pairModel == null ? null : twoProbabilities(inputs);
        List<DigitSegmenter.Segment> finalSegments = new ArrayList<>();
        List<Boolean> doubted = new ArrayList<>();   // per final segment: the pair network disagrees with the count
        for (int i = 0; i < segments.size(); i++) {
            DigitSegmenter.Segment s = segments.get(i);
            DigitSegmenter.Segment[] cut = bestCut(s, wholeTop[i], two != null && two[i] >= BENT_CUT_TWO);
            if (cut == null) {
                finalSegments.add(s);
                doubted.add(two != null && two[i] >= DOUBT_ONE_TWO);
            } else {
                Collections.addAll(finalSegments, cut);
                boolean doubt = two != null && two[i] < DOUBT_CUT_TWO;
                doubted.add(doubt);
                doubted.add(doubt);
            }
        }
        List<GrayImage> finalInputs = new ArrayList<>();
        for (DigitSegmenter.Segment s : finalSegments) finalInputs.add(s.mnistInput());
        List<Prediction> predictions = predictAll(finalInputs);
        List<Prediction> out = new ArrayList<>(predictions.size());
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            out.add(doubted.get(i) && p.sure()
                ? new Prediction(p.probabilities(), p.digit(), p.probability(), p.confidence(), false) : p);
        }
        return new Reading(Collections.unmodifiableList(finalSegments), Collections.unmodifiableList(out));
    }

    /**
     * A group read as one digit that the pair network calls two with at least this probability is "not sure".
     * The network is trained on MNIST's hands, and some single font digits (a 1 with a foot, a wide 8) look like
     * two to it, hence the high bar (tuning split, 600 digits and 400 pairs per gap, with the thresholds here:
     * errors flagged 83 % and right readings 4.3 %; 0.999: 84 % / 5.7 %; 0.99999: 83 % / 4.1 %).
     */
    static final float DOUBT_ONE_TWO = 0.9999f;

    /**
     * A group cut in two while the pair network gives two digits less than this is "not sure": the single digits
     * cut in two (a 1 with a foot read "11", an 8 read "69") and pairs cut in the wrong place score lower than
     * most touching pairs cut right (tuning split, with the other thresholds here: 0.99 catches 76 % of the
     * errors flagging 4.1 % of right readings, 0.999 78 % / 4.1 %, 0.9999 83 % / 4.3 %, 0.99999 85 % / 4.5 %;
     * the middle one kept for its margin under 5 %).
     */
    static final float DOUBT_CUT_TWO = 0.9999f;

    /** The pair network's probability of "two touching digits" for each 28×28 input, in one forward pass. */
    private float[] twoProbabilities(List<GrayImage> inputs) {
        int n = inputs.size();
        float[] s = scores(pairModel, "pair", false, 2, inputs);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (1 / (1 + Math.exp(s[2 * i] - s[2 * i + 1])));   // softmax of two scores
            if (Float.isNaN(out[i])) {
                throw new IllegalStateException("the pair model's scores for input " + i + " are not numbers (NaN)");
            }
        }
        return out;
    }

    /** A segment at least this much wider than tall (width / height) may be two digits that touch. */
    static final float TOUCHING_ASPECT = 0.8f;

    /**
     * How many cuts (column-profile minima, deepest first) are tried on a wide segment. Tuning split: 3 read 63 %
     * of touching pairs drawn and 60 % photographed right, 6 read 68 / 65 % for 0.2 points of single digits.
     */
    static final int CUT_CANDIDATES = 6;

    /**
     * How wide (width / height) each digit 0–9 may be before a reading of one digit is implausible: the 90th
     * percentile of single digits read right on the Draw path of the tuning split (12 font families' worth of
     * shapes, rotated ±15°). Touching pairs read as one digit are mostly wider than that digit ever is (88 → 8
     * at 0.84, 77 → 7 at 0.87, 41 → 4 at 1.2).
     */
    static final float[] PLAUSIBLE_ASPECT = {0.97f, 0.89f, 1.06f, 0.98f, 0.86f, 0.76f, 0.86f, 1.19f, 0.80f, 0.73f};

    /** Log-odds the whole's reading loses per unit of aspect beyond {@link #PLAUSIBLE_ASPECT} (tuning split). */
    static final float ASPECT_PENALTY = 2f;

    /**
     * A wide group the pair network calls two with at least this probability is also offered bent cuts
     * ({@link InkPathCut}: the path of least ink from top to bottom, for slanted or overlapping digits that no
     * vertical cut parts); others only vertical ones, so single digits are not cut in new ways. Without a pair
     * network there are no bent cuts. Tuning split (300 digits, 200 pairs per gap), touching pairs drawn /
     * photographed 65.5 / 64.5 → 74.5 / 71.5 % with every other row unchanged; at 0.9 the same pairs, but a
     * single digit cut on the Draw path and one on the photos; with no gate 73.5 / 69.0 % (band 0.2) and single
     * digits and gap 0.12 cut.
     */
    static final float BENT_CUT_TWO = 0.99f;

    /** Each half of a kept cut must be read with at least this probability (tuning split). */
    static final float MIN_HALF_PROBABILITY = 0.8f;

    /**
     * For a segment wide enough to be two touching digits: the cut whose two halves the network is surest of
     * (by the less sure half's log-odds), when that beats its log-odds for the whole — less
     * {@link #ASPECT_PENALTY} per unit of width beyond what that digit plausibly has — and both halves reach
     * {@link #MIN_HALF_PROBABILITY}; otherwise null. All limits were chosen on the tuning split (docs/digits.md).
     *
     * @param whole the whole's {@link #topReadings} entry: digit, probability, log-odds
     * @param bent whether bent cuts ({@link #BENT_CUT_TWO}) are tried besides vertical ones
     */
    private DigitSegmenter.Segment[] bestCut(DigitSegmenter.Segment s, float[] whole, boolean bent) {
        GrayImage.Box b = s.bounds();
        float aspect = (float) b.width() / b.height();
        if (aspect < TOUCHING_ASPECT) return null;
        List<DigitSegmenter.Segment[]> cuts = segmenter.cuts(s, CUT_CANDIDATES, bent);
        if (cuts.isEmpty()) return null;
        List<GrayImage> halves = new ArrayList<>();
        for (DigitSegmenter.Segment[] c : cuts) {
            halves.add(c[0].mnistInput());
            halves.add(c[1].mnistInput());
        }
        float[][] p = topReadings(halves);
        DigitSegmenter.Segment[] best = null;
        float bestScore = whole[2] - ASPECT_PENALTY * Math.max(0, aspect - PLAUSIBLE_ASPECT[(int) whole[0]]);
        for (int k = 0; k < cuts.size(); k++) {
            float[] left = p[2 * k], right = p[2 * k + 1];
            if (Math.min(left[1], right[1]) < MIN_HALF_PROBABILITY) continue;
            float score = Math.min(left[2], right[2]);
            if (score > bestScore) {
                bestScore = score;
                best = cuts.get(k);
            }
        }
        return best;
    }

}
