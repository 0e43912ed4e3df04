package io.neuronlab.mllib.loss;

import io.neuronlab.mllib.gradient.GradientChecker;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class LossTest {
    // the book's example: the correct class is 2
    private static final Tensor T = Tensor.of(new double[] {0, 0, 1, 0, 0, 0, 0, 0, 0, 0});
    private static final Tensor Y1 = Tensor.of(new double[] {0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0});
    private static final Tensor Y2 = Tensor.of(new double[] {0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0});

    @Test
    public void booksCrossEntropyNumbers() {
        CrossEntropy ce = new CrossEntropy();
        assertEquals(0.510825457, ce.forward(Y1, T), 1e-6);
        assertEquals(2.302584092, ce.forward(Y2, T), 1e-6);
        // the same with a label index instead of one-hot
        assertEquals(0.510825457, ce.forward(Y1, Tensor.of(new float[] {2}, 1)), 1e-6);
    }

    @Test
    public void booksSumSquaredErrorNumbers() {
        SumSquaredError sse = new SumSquaredError();
        assertEquals(0.0975, sse.forward(Y1, T), 1e-6);
        assertEquals(0.5975, sse.forward(Y2, T), 1e-6);
    }

    @Test
    public void crossEntropyBatchMeanWithLabels() {
        Tensor y = Tensor.of(new double[][] {{0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0},
            {0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0}});
        float mean = new CrossEntropy().forward(y, Tensor.of(new float[] {2, 2}, 2));
        assertEquals((0.510825457 + 2.302584092) / 2, mean, 1e-6);
        Tensor dx = backwardOf(new CrossEntropy(), y, Tensor.of(new float[] {2, 7}, 2));
        // −1 / ((0.6 + 1e-7)·2) at both correct entries, 0 elsewhere
        assertEquals(-1 / (0.6 * 2), dx.get(0, 2), 1e-6);
        assertEquals(-1 / (0.6 * 2), dx.get(1, 7), 1e-6);
        assertEquals(0, dx.get(1, 2), 0);
    }

    @Test
    public void softmaxCrossEntropyValueAndBackward() {
        Tensor scores = Tensor.of(new double[][] {{0.3, 2.9, 4.0}, {1, 1, 1}});
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        float l = loss.forward(scores, Tensor.of(new float[] {2, 0}, 2));
        // softmax([0.3,2.9,4.0])[2] = 0.73659691; uniform row → 1/3
        assertEquals((-Math.log(0.73659691) - Math.log(1.0 / 3)) / 2, l, 1e-6);
        Tensor dx = loss.backward();
        assertArrayEquals(new float[] {0.01821127f / 2, 0.24519181f / 2, (0.73659691f - 1) / 2,
            (1f / 3 - 1) / 2, 1f / 6, 1f / 6}, dx.data(), 1e-6f);
        // one-hot targets give the same
        float l2 = new SoftmaxCrossEntropy().forward(scores, Tensor.of(new double[][] {{0, 0, 1}, {1, 0, 0}}));
        assertEquals(l, l2, 1e-7);
        // huge scores do not overflow
        float big = new SoftmaxCrossEntropy().forward(Tensor.of(new double[][] {{1000, 0}}), Tensor.of(new float[] {0}, 1));
        assertEquals(0, big, 1e-6);
    }

    @Test
    public void meanSquaredErrorAndBinaryCrossEntropyByHand() {
        Tensor y = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor t = Tensor.of(new double[][] {{1, 0}, {0, 4}});
        assertEquals((4 + 9) / 4.0, new MeanSquaredError().forward(y, t), 1e-6);
        Tensor p = Tensor.of(new double[][] {{0.9}, {0.2}});
        Tensor bt = Tensor.of(new double[][] {{1}, {0}});
        assertEquals(-(Math.log(0.9) + Math.log(0.8)) / 2, new BinaryCrossEntropy().forward(p, bt), 1e-6);
        // logits z with σ(z) = p give the same loss
        Tensor z = Tensor.of(new double[][] {{Math.log(9)}, {Math.log(0.25)}});
        assertEquals(-(Math.log(0.9) + Math.log(0.8)) / 2, BinaryCrossEntropy.withLogits().forward(z, bt), 1e-6);
        // and stay finite for extreme logits
        float extreme = BinaryCrossEntropy.withLogits().forward(Tensor.of(new double[][] {{-200}}), Tensor.of(new double[][] {{1}}));
        assertEquals(200, extreme, 1e-3);
    }

    @Test
    public void gradientChecksForEveryLoss() {
        Random r = new Random(1);
        Tensor scores = gaussian(r, 3, 4);
        Tensor labels = Tensor.of(new float[] {1, 3, 0}, 3);
        Tensor oneHot = Tensor.of(new double[][] {{0, 1, 0, 0}, {0, 0, 0, 1}, {1, 0, 0, 0}});
        assertChecks(new SoftmaxCrossEntropy(), scores, labels);
        assertChecks(new SoftmaxCrossEntropy(), scores, oneHot);
        Tensor probs = uniform(r, 0.2, 0.8, 3, 4);
        assertChecks(new CrossEntropy(), probs, labels);
        assertChecks(new CrossEntropy(), probs, oneHot);
        Tensor target = gaussian(r, 3, 4);
        assertChecks(new SumSquaredError(), scores, target);
        assertChecks(new MeanSquaredError(), scores, target);
        Tensor soft = uniform(r, 0, 1, 3, 4);
        assertChecks(new BinaryCrossEntropy(), probs, soft);
        assertChecks(BinaryCrossEntropy.withLogits(), scores, soft);
    }

    @Test
    public void badTargetsAreExplained() {
        Tensor scores = Tensor.zeros(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new SoftmaxCrossEntropy().forward(scores, Tensor.of(new float[] {0, 3}, 2)));
        assertTrue(e.getMessage(), e.getMessage().contains("label 3.0 of sample 1"));
        e = assertThrows(IllegalArgumentException.class, () -> new CrossEntropy().forward(scores, Tensor.zeros(3)));
        assertTrue(e.getMessage(), e.getMessage().contains("[3]") && e.getMessage().contains("[2, 3]"));
        e = assertThrows(IllegalArgumentException.class, () -> new MeanSquaredError().forward(scores, Tensor.zeros(3, 2)));
        assertTrue(e.getMessage(), e.getMessage().contains("[3, 2]"));
    }

    @Test
    public void callJoinsAutogradWithTheSameGradient() {
        Tensor scores = gaussian(new Random(2), 2, 3).requiresGrad(true);
        Tensor labels = Tensor.of(new float[] {2, 0}, 2);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        Tensor l = loss.call(scores, labels);
        assertEquals(new SoftmaxCrossEntropy().forward(scores, labels), l.item(), 0f);
        l.backward();
        assertArrayEquals(backwardOf(new SoftmaxCrossEntropy(), scores, labels).data(), scores.grad().data(), 0f);
    }

    private static Tensor backwardOf(Loss loss, Tensor y, Tensor t) {
        loss.forward(y, t);
        return loss.backward();
    }

    private static void assertChecks(Loss loss, Tensor y, Tensor t) {
        GradientChecker.Report report = new GradientChecker(1e-2).checkLoss(loss, y, t);
        assertTrue(loss + " " + report, report.maxRelativeError() < 1e-3);
    }

    private static Tensor gaussian(Random r, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.numel(); i++) {
            t.data()[i] = (float) r.nextGaussian();
        }
        return t;
    }

    private static Tensor uniform(Random r, double lo, double hi, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.numel(); i++) {
            t.data()[i] = (float) (lo + (hi - lo) * r.nextDouble());
        }
        return t;
    }
}
