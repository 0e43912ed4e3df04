package io.neuronlab.mllib.digits.eval;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.digits.DigitRecognizer;
import io.neuronlab.mllib.digits.EmptyDrawingException;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.PhotoBinarizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a recogniser over one split of {@link FontDigitSets} along the app's three paths — Draw (the clean ink
 * straight to {@link DigitRecognizer#recognize}), camera and {@code predict} (luminance → {@link PhotoBinarizer}
 * → recognise; the two share that code, and the frames are 8-bit like a PNG or a Bitmap) — and counts whole
 * readings right, confidently wrong and "not sure".
 */
@DesktopOnly
public final class RecognitionEvaluation {
    /** Gaps (fractions of the digit height) the string rows are measured at; the last is touching. */
    public static final float[] GAPS = {0.25f, 0.12f, 0.06f, 0.05f, FontDigitSets.TOUCHING};

    /** One reading: right or not, and whether it was flagged (not sure, or no digit found). */
    public record Read(boolean correct, boolean flagged) {
    }

    /** Counts for one row of the table. */
    public static final class Row {
        final String name;
        int n, correct, confidentlyWrong, flagged, flaggedCorrect;

        Row(String name) {
            this.name = name;
        }

        void add(Read r) {
            n++;
            if (r.correct()) correct++;
            if (r.flagged()) flagged++;
            if (r.correct() && r.flagged()) flaggedCorrect++;
            if (!r.correct() && !r.flagged()) confidentlyWrong++;
        }

        public String name() {
            return name;
        }

        public int n() {
            return n;
        }

        public double accuracy() {
            return n == 0 ? Double.NaN : (double) correct / n;
        }

        /** Wrong answers not flagged "not sure", over all readings. */
        public double confidentlyWrong() {
            return n == 0 ? Double.NaN : (double) confidentlyWrong / n;
        }

        /** Share of the errors that were flagged. */
        public double errorsCaught() {
            int errors = n - correct;
            return errors == 0 ? 1 : (double) (errors - confidentlyWrong) / errors;
        }

        /** Share of the correct readings that were flagged anyway. */
        public double correctFlagged() {
            return correct == 0 ? 0 : (double) flaggedCorrect / correct;
        }
    }

    private final DigitRecognizer recognizer;
    private final PhotoBinarizer binarizer;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Row all = new Row("all readings above");

    public RecognitionEvaluation(DigitRecognizer recognizer, PhotoBinarizer binarizer) {
        this.recognizer = recognizer;
        this.binarizer = binarizer;
    }

    /** Evaluates {@code singles} single digits and {@code pairs} pairs at each of {@link #GAPS}. */
    public List<Row> run(FontDigitSets sets, int singles, int pairs) {
        for (int i = 0; i < singles; i++) {
            FontDigitSets.Single s = sets.single(i);
            String label = String.valueOf(s.label());
            String band = s.heightFraction() < 0.3f ? "15-30 %" : s.heightFraction() < 0.6f ? "30-60 %" : "60-90 %";
            record("Draw path, single digits", readInk(s.ink(), label));
            Read dark = readPhoto(s.darkOnLight(), label);
            record("Photo (camera / predict), dark on light", dark);
            Read light = readPhoto(s.lightOnDark(), label);
            record("Photo (camera / predict), light on dark", light);
            record("Photo, digit " + band + " of the frame (both polarities)", dark);
            record("Photo, digit " + band + " of the frame (both polarities)", light);
        }
        for (float gap : GAPS) {
            String g = gap == FontDigitSets.TOUCHING ? "touching" : String.format(Locale.ROOT, "gap %.2f", gap);
            for (int i = 0; i < pairs; i++) {
                FontDigitSets.Pair p = sets.pair(i, gap);
                record("Two-digit strings, Draw path, " + g, readInk(p.ink(), p.label()));
                if (gap == 0.12f || gap == FontDigitSets.TOUCHING) {
                    record("Two-digit strings, photo, " + g, readPhoto(p.photo(), p.label()));
                }
            }
        }
        List<Row> out = new ArrayList<>(rows.values());
        out.add(all);
        return out;
    }

    private void record(String row, Read r) {
        rows.computeIfAbsent(row, Row::new).add(r);
        if (!row.startsWith("Photo, digit ")) all.add(r);   // the size bands repeat the polarity rows
    }

    /** The Draw path: ink straight to the recogniser. */
    public Read readInk(GrayImage ink, String label) {
        try {
            DigitRecognizer.Reading r = recognizer.recognize(ink);
            return new Read(r.number().equals(label), !r.sure());
        } catch (EmptyDrawingException e) {
            return new Read(false, true);
        }
    }

    /** The camera and {@code predict} path: luminance → binarised ink → recogniser. */
    public Read readPhoto(GrayImage luminance, String label) {
        return readInk(binarizer.binarize(luminance), label);
    }

    /** The rows as a Markdown table. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| set | n | right | confidently wrong | errors flagged | right but flagged |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.1f %% | %.1f %% | %.0f %% | %.1f %% |%n", r.name, r.n,
                100 * r.accuracy(), 100 * r.confidentlyWrong(), 100 * r.errorsCaught(), 100 * r.correctFlagged()));
        }
        return sb.toString();
    }
}
