package io.neuronlab.mllib.digits.eval;

import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.digits.DigitModel;
import io.neuronlab.mllib.digits.DigitRecognizer;
import io.neuronlab.mllib.digits.PairModel;
import io.neuronlab.mllib.digits.PhotoBinarizer;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The shipped model on the held-out split of the font-digit sets (font families never used to choose any
 * threshold): floors a little under what docs/digits.md reports for this many samples, so a regression in the
 * binarizer, the segmenter or the cut logic fails here. Needs the Debian font packages .ci/run installs.
 */
public class HeldOutRecognitionTest {
    private static final File ASSET = new File("../app/src/main/assets/models/digits.nlmf");
    private static final File PAIR_ASSET = new File("../app/src/main/assets/models/pairs.nlmf");
    private static final Map<String, RecognitionEvaluation.Row> rows = new HashMap<>();
    private static String table;

    @BeforeClass
    public static void evaluate() throws Exception {
        DigitRecognizer recognizer;
        // the app's pair of assets: the digit network and the "one or two touching digits" network
        try (InputStream in = new FileInputStream(ASSET); InputStream pairs = new FileInputStream(PAIR_ASSET)) {
            recognizer = new DigitRecognizer(DigitModel.load(in, ASSET.getPath()), PairModel.load(pairs, PAIR_ASSET.getPath()));
        }
        List<RecognitionEvaluation.Row> result = new RecognitionEvaluation(recognizer, new PhotoBinarizer())
            .run(new FontDigitSets(FontDigitSets.Split.HELD_OUT), 200, 60);
        for (RecognitionEvaluation.Row r : result) rows.put(r.name(), r);
        table = RecognitionEvaluation.table(result);
    }

    private static void atLeast(String row, double floor) {
        RecognitionEvaluation.Row r = rows.get(row);
        assertTrue("no row " + row + " in\n" + table, r != null);
        assertTrue(String.format(Locale.ROOT, "%s: %.1f %% < floor %.1f %%%n%s", row, 100 * r.accuracy(), 100 * floor, table),
            r.accuracy() >= floor);
    }

    @Test
    public void photosReadNearlyAsWellAsTheSameDigitsDrawn() {
        atLeast("Draw path, single digits", FLOOR_DRAW);
        atLeast("Photo (camera / predict), dark on light", FLOOR_PHOTO);
        atLeast("Photo (camera / predict), light on dark", FLOOR_PHOTO);
        double draw = rows.get("Draw path, single digits").accuracy();
        for (String polarity : new String[] {"dark on light", "light on dark"}) {
            double photo = rows.get("Photo (camera / predict), " + polarity).accuracy();
            assertTrue(String.format(Locale.ROOT, "photo %s %.1f %% vs Draw %.1f %%%n%s", polarity, 100 * photo, 100 * draw, table),
                photo >= draw - MAX_PHOTO_GAP);
        }
    }

    @Test
    public void smallAndLargeDigitsInTheFrameAreFound() {
        atLeast("Photo, digit 15-30 % of the frame (both polarities)", FLOOR_BAND);
        atLeast("Photo, digit 60-90 % of the frame (both polarities)", FLOOR_LARGE);
    }

    @Test
    public void closeDigitsAreReadAsTwo() {
        atLeast("Two-digit strings, Draw path, gap 0.12", FLOOR_GAP);
        atLeast("Two-digit strings, Draw path, gap 0.06", FLOOR_GAP);
        atLeast("Two-digit strings, Draw path, gap 0.05", FLOOR_GAP);
    }

    @Test
    public void touchingDigitsAreCutApart() {
        atLeast("Two-digit strings, Draw path, touching", FLOOR_TOUCHING);
        atLeast("Two-digit strings, photo, touching", FLOOR_TOUCHING_PHOTO);
    }

    @Test
    public void notSureFlagsFewRightReadings() {
        RecognitionEvaluation.Row all = rows.get("all readings above");
        assertTrue(String.format(Locale.ROOT, "right readings flagged %.1f %%%n%s", 100 * all.correctFlagged(), table),
            all.correctFlagged() < MAX_CORRECT_FLAGGED);
        assertTrue(String.format(Locale.ROOT, "errors flagged %.1f %%%n%s", 100 * all.errorsCaught(), table),
            all.errorsCaught() >= MIN_ERRORS_CAUGHT);
    }

    // floors: measured value on this held-out sample (docs/digits.md), rounded down by a few points
    // (held-out, 300 singles / 100 pairs: Draw 95.0, photo 94.3 / 95.3, 15-30 % 94.4, 60-90 % 93.3, gaps 89-96,
    // touching 82 drawn / 76 photographed since the bent cuts (73 / 67 before), right flagged 2.7 %, errors flagged
    // 80 % with the pair network; 3.3 % / 52 % without this round's pair network. This test's sample (200 / 60):
    // touching 80.0 / 78.3 %)
    static final double FLOOR_DRAW = 0.92;
    static final double FLOOR_PHOTO = 0.91;
    static final double MAX_PHOTO_GAP = 0.04;
    static final double FLOOR_BAND = 0.85;
    static final double FLOOR_GAP = 0.85;
    // 60-90 %: 89.1 before the noise floor came from neighbour differences (bold digits came back blank), 93.3 after
    static final double FLOOR_LARGE = 0.90;
    static final double FLOOR_TOUCHING = 0.75;
    static final double FLOOR_TOUCHING_PHOTO = 0.72;   // over issue 14's 70 % target
    static final double MAX_CORRECT_FLAGGED = 0.05;
    static final double MIN_ERRORS_CAUGHT = 0.67;   // issue 14's target: two thirds
}
