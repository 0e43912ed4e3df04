package io.neuronlab.app.models;

import static org.junit.Assert.assertEquals;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** Two hand-made classifiers with answers known in advance: the counts, the disagreements and the progress. */
public class ModelComparisonTest {
    /** Linear(3 → 3) with weight I and {@code bias}: answers argmax(x + bias). */
    private static Linear identityPlus(float[] bias) {
        Linear l = new Linear(3, 3, new He(), new Random(1));
        float[] w = l.weight().data();
        Arrays.fill(w, 0f);
        for (int i = 0; i < 3; i++) {
            w[i * 3 + i] = 1f;
        }
        System.arraycopy(bias, 0, l.bias().data(), 0, 3);
        return l;
    }

    @Test
    public void countsRightAnswersAndDisagreementsExactly() {
        // one-hot inputs pointing at 0, 1, 2, 0, 1 with labels 0, 1, 2, 1, 1; then 400 more to span batches
        int n = 405;
        float[] x = new float[n * 3];
        int[] labels = new int[n];
        int[] hot = {0, 1, 2, 0, 1};
        int[] given = {0, 1, 2, 1, 1};
        for (int i = 0; i < n; i++) {
            x[i * 3 + (i < 5 ? hot[i] : 2)] = 1f;
            labels[i] = i < 5 ? given[i] : 2;
        }
        Dataset test = new Dataset(Tensor.of(x, n, 3), labels, 3);
        Linear a = identityPlus(new float[] {0f, 0f, 0f});      // answers where the one-hot points
        Linear b = identityPlus(new float[] {0f, 0f, 10f});     // always answers 2
        List<int[]> progress = new ArrayList<>();
        ModelComparison.Result r = ModelComparison.compare(a, b, test, 2, (done, total) -> progress.add(new int[] {done, total}));

        assertEquals(405, r.total());
        assertEquals(4 + 400, r.correctA());            // only example 3 (points at 0, label 1) is wrong
        assertEquals(1 + 400, r.correctB());            // example 2 and the 400 twos
        assertEquals(4, r.disagreements());             // examples 0, 1, 3, 4: A says 0/1, B says 2
        assertEquals(Arrays.asList(new ModelComparison.Disagreement(0, 0, 0, 2),
                new ModelComparison.Disagreement(1, 1, 1, 2)), r.examples());
        assertEquals(404f / 405f, r.accuracyA(), 1e-6f);
        assertEquals("one report per batch of 200", 3, progress.size());
        assertEquals(200, progress.get(0)[0]);
        assertEquals(405, progress.get(2)[0]);
        assertEquals(405, progress.get(2)[1]);
    }

    @Test
    public void aModelAgreesWithItself() {
        Dataset test = new Dataset(Tensor.of(new float[] {1, 0, 0, 0, 0, 1}, 2, 3), new int[] {0, 1}, 3);
        Linear a = identityPlus(new float[3]);
        ModelComparison.Result r = ModelComparison.compare(a, a, test, 5, (done, total) -> { });
        assertEquals(0, r.disagreements());
        assertEquals(r.correctA(), r.correctB());
        assertEquals(1, r.correctA());
    }
}
