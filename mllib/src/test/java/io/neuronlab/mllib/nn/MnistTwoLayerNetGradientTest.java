package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.data.MnistIdxReader;
import io.neuronlab.mllib.init.Xavier;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.optim.Optimizer;
import io.neuronlab.mllib.optim.SGD;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The book's TwoLayerNet check on real data: a 784-50-10 network (Linear-Sigmoid-Linear + SoftmaxCrossEntropy)
 * trained for a few SGD steps follows the same loss curve whether its gradients come from backpropagation
 * or from numerical differentiation ({@code (L(w + h) − L(w − h)) / 2h}, the book's {@code numerical_gradient}).
 */
public class MnistTwoLayerNetGradientTest {
    private static final int SUBSET = 1000;
    private static final int BATCH = 3;
    private static final int STEPS = 3;
    private static final float LR = 0.5f;
    private static final double H = 1e-2;

    private static float[] images;   // [SUBSET, 784], scaled to [0, 1]
    private static float[] labels;   // [SUBSET]

    @BeforeClass
    public static void loadSubset() throws IOException {
        String dir = System.getProperty("neuronlab.mnist.dir");
        assertTrue("system property neuronlab.mnist.dir is not set (Maven sets it; run scripts/fetch-mnist.sh)", dir != null);
        Tensor all = MnistIdxReader.readImages(new File(dir, Mnist.TRAIN_IMAGES));
        int[] allLabels = MnistIdxReader.readLabels(new File(dir, Mnist.TRAIN_LABELS));
        assertEquals(784, all.numel() / all.size(0));
        images = new float[SUBSET * 784];
        System.arraycopy(all.data(), 0, images, 0, images.length);
        labels = new float[SUBSET];
        for (int i = 0; i < SUBSET; i++) {
            labels[i] = allLabels[i];
        }
    }

    private static Sequential net() {
        Random r = new Random(42);
        return new Sequential()
            .add(new Linear(784, 50, new Xavier(), r))
            .add(new Sigmoid())
            .add(new Linear(50, 10, new Xavier(), r));
    }

    @Test
    public void backpropAndNumericalGradientGiveTheSameTraining() {
        Sequential backprop = net();
        Sequential numerical = net();
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        Optimizer optB = new SGD(backprop.parameters().values(), LR);
        Optimizer optN = new SGD(numerical.parameters().values(), LR);
        Random pick = new Random(7);
        float[] curveB = new float[STEPS];
        float[] curveN = new float[STEPS];
        for (int step = 0; step < STEPS; step++) {
            Tensor[] batch = batch(pick);
            // backprop
            optB.zeroGrad();
            curveB[step] = loss.forward(backprop.forward(batch[0]), batch[1]);
            backprop.backward(loss.backward());
            // numerical
            optN.zeroGrad();
            curveN[step] = loss.forward(numerical.forward(batch[0]), batch[1]);
            numericalGradient(numerical, loss, batch[0], batch[1]);
            assertGradientsAgree(backprop, numerical, step);
            optB.step();
            optN.step();
        }
        // float noise in the numerical loss differences (~1e-7·L / 2h) bounds the agreement at about 1e-5
        for (int step = 0; step < STEPS; step++) {
            assertEquals("loss at step " + step, curveB[step], curveN[step], 1e-4);
        }
        // the runs really trained, and they end up with the same weights and the same loss on the subset
        assertTrue("loss on the repeated data should move", curveB[0] != curveB[STEPS - 1]);
        Map<String, Tensor> pb = backprop.parameters();
        Map<String, Tensor> pn = numerical.parameters();
        for (String name : pb.keySet()) {
            float[] a = pb.get(name).data();
            float[] b = pn.get(name).data();
            for (int i = 0; i < a.length; i++) {
                assertEquals(name + "[" + i + "]", a[i], b[i], 1e-4f);
            }
        }
        Tensor all = Tensor.of(images, SUBSET, 784);
        Tensor allLabels = Tensor.of(labels, SUBSET);
        assertEquals(loss.forward(backprop.forward(all), allLabels), loss.forward(numerical.forward(all), allLabels), 1e-4);
    }

    /** BATCH random images of the subset and their labels. */
    private static Tensor[] batch(Random pick) {
        float[] x = new float[BATCH * 784];
        float[] t = new float[BATCH];
        for (int i = 0; i < BATCH; i++) {
            int k = pick.nextInt(SUBSET);
            System.arraycopy(images, k * 784, x, i * 784, 784);
            t[i] = labels[k];
        }
        return new Tensor[] {Tensor.of(x, BATCH, 784), Tensor.of(t, BATCH)};
    }

    /**
     * Central differences for every parameter, accumulated into its grad. A first-layer weight whose input pixel
     * is 0 in every image of the batch multiplies only zeros, so perturbing it leaves the loss bit-identical:
     * its numerical gradient is exactly 0. Those are skipped (they are most of W1) except for a sample, which
     * is evaluated to confirm the zero.
     */
    private static void numericalGradient(Sequential net, SoftmaxCrossEntropy loss, Tensor x, Tensor t) {
        float[] xs = x.data();
        boolean[] pixelUsed = new boolean[784];
        for (int i = 0; i < xs.length; i++) {
            pixelUsed[i % 784] |= xs[i] != 0f;
        }
        Random sample = new Random(3);
        for (Map.Entry<String, Tensor> e : net.parameters().entrySet()) {
            Tensor p = e.getValue();
            float[] w = p.data();
            float[] grad = new float[w.length];
            boolean firstWeight = e.getKey().equals("Linear1.weight");
            for (int i = 0; i < w.length; i++) {
                boolean zeroByConstruction = firstWeight && !pixelUsed[i / 50];
                if (zeroByConstruction && sample.nextInt(200) != 0) {
                    continue;
                }
                float saved = w[i];
                float plus = (float) (saved + H);
                float minus = (float) (saved - H);
                w[i] = plus;
                double lp = loss.forward(net.forward(x), t);
                w[i] = minus;
                double lm = loss.forward(net.forward(x), t);
                w[i] = saved;
                grad[i] = (float) ((lp - lm) / ((double) plus - minus));
                if (zeroByConstruction) {
                    assertEquals("weight of an all-zero pixel has no effect", 0f, grad[i], 0f);
                }
            }
            p.accumulateGrad(Tensor.of(grad, p.shape()));
        }
    }

    /** Per parameter: the largest difference is small against that gradient's largest magnitude. */
    private static void assertGradientsAgree(Sequential a, Sequential b, int step) {
        for (String name : a.parameters().keySet()) {
            float[] ga = a.parameters().get(name).grad().data();
            float[] gb = b.parameters().get(name).grad().data();
            double maxDiff = 0;
            double scale = 0;
            for (int i = 0; i < ga.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(ga[i] - gb[i]));
                scale = Math.max(scale, Math.abs(ga[i]));
            }
            assertTrue("step " + step + " " + name + ": max |backprop − numerical| = " + maxDiff + " vs max |grad| = "
                + scale, maxDiff < 1e-2 * scale && scale > 0);
        }
    }
}
