package io.neuronlab.mllib.lab;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.LabelledDigit;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The user's samples as a lab dataset: per-digit counts of the split, every sample in exactly one part, the same
 * seed giving the same split, the too-few rule, the cap keeping every digit, and the run's snapshot file.
 */
public class SampleSplitTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    /** {@code perDigit[d]} samples of digit d; sample k's first pixel is k / 1000 (its identity). */
    private static List<LabelledDigit> samples(int... perDigit) {
        List<LabelledDigit> digits = new ArrayList<>();
        for (int d = 0; d < perDigit.length; d++) {
            for (int i = 0; i < perDigit[d]; i++) {
                float[] pixels = new float[784];
                pixels[0] = digits.size() / 1000f;
                pixels[1 + d] = 1f;
                digits.add(new LabelledDigit(new GrayImage(28, 28, pixels), d, digits.size()));
            }
        }
        return digits;
    }

    private static int[] counts(Dataset data) {
        int[] counts = new int[10];
        for (int label : data.labels()) {
            counts[label]++;
        }
        return counts;
    }

    private static Set<Integer> identities(Dataset data) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            assertTrue("no sample twice", ids.add(Math.round(data.example(i).data()[0] * 1000)));
            assertEquals("pixels travel with their label", 1f, data.example(i).data()[1 + data.label(i)], 0f);
        }
        return ids;
    }

    @Test
    public void aFifthOfEveryDigitIsHeldOutAndEverySampleIsInOnePart() {
        int[] perDigit = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        Dataset all = SampleSplit.dataset(samples(perDigit));
        FineTuner.Split split = SampleSplit.split(all, 1000, 7);
        // round(0.2 n), at least one: 3->1, 4->1, 5->1, 6->1, 7->1, 8->2, 9->2, 10->2, 11->2, 12->2
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 2, 2, 2, 2, 2}, counts(split.heldOut()));
        assertArrayEquals(new int[] {2, 3, 4, 5, 6, 6, 7, 8, 9, 10}, counts(split.train()));
        assertEquals(60, SampleSplit.trainingDigits(all.labels()));
        Set<Integer> train = identities(split.train());
        Set<Integer> test = identities(split.heldOut());
        Set<Integer> both = new HashSet<>(train);
        both.addAll(test);
        assertEquals(train.size() + test.size(), both.size());
        assertEquals(all.size(), both.size());
    }

    @Test
    public void theSameSeedGivesTheSameSplitAnotherSeedAnother() {
        Dataset all = SampleSplit.dataset(samples(6, 6, 6, 6, 6, 6, 6, 6, 6, 6));
        FineTuner.Split a = SampleSplit.split(all, 1000, 1);
        FineTuner.Split b = SampleSplit.split(all, 1000, 1);
        assertArrayEquals(a.train().inputs().data(), b.train().inputs().data(), 0f);
        assertArrayEquals(a.heldOut().labels(), b.heldOut().labels());
        assertArrayEquals(a.heldOut().inputs().data(), b.heldOut().inputs().data(), 0f);
        assertNotEquals(identities(a.heldOut()), identities(SampleSplit.split(all, 1000, 2).heldOut()));
    }

    @Test
    public void tooFewOfAnyDigitIsRefusedNamingTheDigits() {
        int[] perDigit = {3, 3, 2, 3, 3, 3, 3, 0, 3, 3};
        Dataset all = SampleSplit.dataset(samples(perDigit));
        assertEquals(Arrays.asList(2, 7), FineTuner.digitsNeedingSamples(all.labels()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleSplit.split(all, 100, 1));
        assertEquals("training on your own samples needs at least 3 of every digit; too few of [2, 7]", e.getMessage());
        assertEquals(Arrays.asList(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), FineTuner.digitsNeedingSamples(new int[0]));
        assertTrue(FineTuner.digitsNeedingSamples(samplesLabels(3)).isEmpty());
    }

    private static int[] samplesLabels(int perDigit) {
        int[] labels = new int[10 * perDigit];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / perDigit;
        }
        return labels;
    }

    @Test
    public void theCapKeepsEveryDigitAndTheTestPartWhole() {
        Dataset all = SampleSplit.dataset(samples(10, 10, 10, 10, 10, 10, 10, 10, 10, 3));
        FineTuner.Split full = SampleSplit.split(all, 1000, 3);
        FineTuner.Split capped = SampleSplit.split(all, 25, 3);
        assertEquals(25, capped.train().size());
        // round-robin: two of every digit, then five more of digits 0..4
        assertArrayEquals(new int[] {3, 3, 3, 3, 3, 2, 2, 2, 2, 2}, counts(capped.train()));
        assertTrue(full.train().size() > 25);
        assertArrayEquals(full.heldOut().labels(), capped.heldOut().labels());
        assertTrue("the capped part is part of the full one",
            identities(full.train()).containsAll(identities(capped.train())));
        // a cap below ten still draws from the digits in turn
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 0, 0, 0}, counts(SampleSplit.split(all, 7, 3).train()));
    }

    @Test
    public void aSnapshotRoundTripsAndItsIdFollowsTheSamples() throws Exception {
        List<LabelledDigit> digits = samples(3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        File file = new File(folder.getRoot(), "samples.nlds");
        String id = SampleSnapshot.write(digits, file);
        SampleSnapshot.Snapshot read = SampleSnapshot.read(file);
        assertEquals(id, read.id());
        assertEquals(30, read.digits().size());
        Dataset before = SampleSplit.dataset(digits);
        Dataset after = SampleSplit.dataset(read.digits());
        assertArrayEquals(before.labels(), after.labels());
        // pixels are stored as bytes, like MNIST: k/1000 comes back within half a step of 1/255
        assertArrayEquals(before.inputs().data(), after.inputs().data(), 0.5f / 255);
        List<LabelledDigit> one_less = new ArrayList<>(digits.subList(1, digits.size()));
        String other = SampleSnapshot.write(one_less, new File(folder.getRoot(), "other.nlds"));
        assertNotEquals(id, other);
        assertEquals(id, SampleSnapshot.write(digits, new File(folder.getRoot(), "again.nlds")));
    }
}
