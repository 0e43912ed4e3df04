package io.neuronlab.mllib.lab;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The not-learning rule on hand-made curves: the windowed explosion line, its stickiness, and the chance line. */
public class NotLearningTest {
    private static NotLearning feed(float... losses) {
        NotLearning verdict = null;
        for (int n = 1; n <= losses.length; n++) {
            verdict = NotLearning.afterBatch(verdict, losses, n);
        }
        return verdict;
    }

    @Test
    public void aLossThatFallsOrWobblesIsHealthy() {
        assertNull(feed(2.3f, 2.0f, 1.5f, 1.1f, 0.8f));
        // a spike to 2.5x the start in one batch: the window's mean stays below 3x
        assertNull(feed(2.3f, 2.2f, 5.75f, 2.0f, 1.9f));
    }

    @Test
    public void theWindowedMeanAboveThreeTimesTheStartIsAnExplosion() {
        // batch 2: mean (2 + 7) / 2 = 4.5 < 6; batch 3: mean (2 + 7 + 15) / 3 = 8 > 6
        NotLearning v = feed(2f, 7f, 15f, 1f);
        assertTrue(v.lossExploded());
        assertEquals(3, v.explodedAtBatch());
        assertEquals(8f, v.explodedLoss(), 1e-6f);
        assertEquals(2f, v.startLoss(), 0f);
        assertFalse(v.atChance());
    }

    @Test
    public void aRestoredRunStillReportsAnExplosionThatLeftTheWindow() {
        // exploded at batch 3, then 22 calm batches (25 in all, past MIN_BATCHES): the latest ten alone are healthy
        float[] losses = new float[25];
        java.util.Arrays.fill(losses, 2f);
        losses[1] = 7f;
        losses[2] = 15f;
        assertNull(NotLearning.afterBatch(null, losses, losses.length));
        assertEquals(3, feed(losses).explodedAtBatch());
        NotLearning restored = NotLearning.replay(losses, losses.length, new float[] {0.9f}, 10);
        assertTrue(restored.lossExploded());
        assertEquals(3, restored.explodedAtBatch());
        assertFalse(restored.atChance());
        // and the latest epoch's accuracy still judges chance
        NotLearning atChance = NotLearning.replay(losses, losses.length, new float[] {0.5f, 0.11f}, 10);
        assertTrue(atChance.atChance());
        assertEquals(0.11f, atChance.testAccuracy(), 0f);
        assertNull(NotLearning.replay(new float[] {2f, 1.5f}, 2, new float[0], 10));
    }

    @Test
    public void onlyTheLatestTenBatchesCount() {
        float[] losses = new float[25];
        java.util.Arrays.fill(losses, 2f);
        for (int i = 15; i < 25; i++) {
            losses[i] = 6.2f; // ten batches at 3.1x the start: the window (batches 16..25) is all of them
        }
        NotLearning v = feed(losses);
        assertEquals(25, v.explodedAtBatch());
        assertNull("nine such batches are not enough", feed(java.util.Arrays.copyOf(losses, 24)));
    }

    @Test
    public void anExplosionStaysReported() {
        NotLearning v = feed(2f, 20f);
        float[] later = {2f, 20f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
        assertSame(v, NotLearning.afterBatch(v, later, later.length));
        NotLearning afterEpoch = NotLearning.afterEpoch(v, 0.9f, 30, 10, 2f);
        assertTrue(afterEpoch.lossExploded());
        assertFalse(afterEpoch.atChance());
    }

    @Test
    public void accuracyAtChanceNeedsEnoughBatches() {
        assertNull("19 batches say nothing yet", NotLearning.afterEpoch(null, 0.1f, 19, 10, 2.3f));
        NotLearning v = NotLearning.afterEpoch(null, 0.15f, 20, 10, 2.3f);
        assertTrue(v.atChance());
        assertEquals(0.15f, v.testAccuracy(), 0f);
        assertEquals(0.1f, v.chance(), 1e-7f);
        assertFalse(v.lossExploded());
        assertNull("above 1.5x chance", NotLearning.afterEpoch(null, 0.151f, 20, 10, 2.3f));
        assertNull("a later epoch above the line clears it", NotLearning.afterEpoch(v, 0.6f, 40, 10, 2.3f));
    }
}
