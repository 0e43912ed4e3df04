package io.neuronlab.mllib.lab;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.digits.DigitModel;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.train.CancelToken;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Fine-tuning the app's shipped digit model on "user" digits — real MNIST test digits drawn in a user's style
 * (strokes thickened by one pixel and shifted 3 px right, as a thick finger off-centre) — with a replay of MNIST.
 */
public class FineTunerTest {
    static final File SHIPPED = new File("../app/src/main/assets/models/digits.nlmf");
    private static Dataset mnistTrain;
    private static Dataset mnistTest;

    @BeforeClass
    public static void load() throws Exception {
        File dir = new File(System.getProperty(Mnist.DIR_PROPERTY, ".cache/mnist"));
        mnistTrain = Mnist.train(dir).subset(0, 2_000);
        mnistTest = Mnist.test(dir).subset(0, 1_000);
    }

    static Sequential shipped() throws Exception {
        try (InputStream in = new FileInputStream(SHIPPED)) {
            return DigitModel.load(in, SHIPPED.getPath());
        }
    }

    /** {@code perDigit} samples of each digit from the end of the MNIST test set, in the "user's" style. */
    static Dataset userSamples(int perDigit) throws Exception {
        Dataset source = Mnist.test(new File(System.getProperty(Mnist.DIR_PROPERTY, ".cache/mnist")));
        float[] images = new float[10 * perDigit * 784];
        int[] labels = new int[10 * perDigit];
        int[] taken = new int[10];
        int n = 0;
        for (int i = source.size() - 1; i >= 0 && n < labels.length; i--) {
            int d = source.label(i);
            if (taken[d]++ < perDigit) {
                float[] img = source.example(i).data();
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        float v = 0;
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int sy = y + dy;
                                int sx = x - 3 + dx;
                                if (sy >= 0 && sy < 28 && sx >= 0 && sx < 28) {
                                    v = Math.max(v, img[sy * 28 + sx]);
                                }
                            }
                        }
                        images[n * 784 + y * 28 + x] = v;
                    }
                }
                labels[n++] = d;
            }
        }
        return new Dataset(Tensor.of(images, n, 1, 28, 28), labels, 10);
    }

    @Test
    public void tooFewSamplesOfADigitAreNamed() {
        int[] labels = new int[29];
        for (int i = 0; i < 29; i++) {
            labels[i] = i % 10; // digits 9 has only 2
        }
        assertEquals(Arrays.asList(9), FineTuner.digitsNeedingSamples(labels));
        assertEquals(10, FineTuner.digitsNeedingSamples(new int[0]).size());
    }

    @Test
    public void splitIsStratifiedAndSeeded() throws Exception {
        Dataset samples = userSamples(5);
        FineTuner.Split split = FineTuner.split(samples, 0.2f, 7);
        assertEquals(10, split.heldOut().size());
        assertEquals(40, split.train().size());
        int[] held = new int[10];
        for (int label : split.heldOut().labels()) {
            held[label]++;
        }
        int[] one = new int[10];
        Arrays.fill(one, 1);
        assertArrayEquals(one, held);
        assertArrayEquals(split.heldOut().inputs().data(),
            FineTuner.split(samples, 0.2f, 7).heldOut().inputs().data(), 0f);
    }

    @Test
    public void replayMixHoldsTheUserSamplesAndDistinctPoolImages() throws Exception {
        Dataset user = userSamples(3);
        Dataset mix = FineTuner.replayMix(user, mnistTrain, 60, 5);
        assertEquals(30 + 60, mix.size());
        assertArrayEquals(user.example(29).data(), mix.example(29).data(), 0f);
        Set<String> seen = new HashSet<>();
        for (int i = 30; i < 90; i++) {
            float[] img = mix.example(i).data();
            assertTrue("replay image " + i + " repeats", seen.add(Arrays.toString(img)));
            boolean fromPool = false;
            for (int j = 0; j < mnistTrain.size() && !fromPool; j++) {
                fromPool = mnistTrain.label(j) == mix.label(i) && Arrays.equals(mnistTrain.example(j).data(), img);
            }
            assertTrue("replay image " + i + " comes from the pool with its label", fromPool);
        }
        assertThrows(IllegalArgumentException.class, () -> FineTuner.replayMix(user, mnistTrain, 2_001, 5));
    }

    @Test
    public void denseOnlyFineTuningLearnsTheUsersStyleAndKeepsMnist() throws Exception {
        Sequential model = shipped();
        float[] convBefore = model.parameters().get("conv1.weight").data().clone();
        float[] fcBefore = model.parameters().get("fc2.weight").data().clone();
        FineTuner.Options options = new FineTuner.Options();
        FineTuner.Result r = FineTuner.fineTune(model, userSamples(10), mnistTrain, mnistTest, options,
            new CancelToken());
        System.out.printf("fine-tune 100 samples: held-out %.3f -> %.3f, MNIST %.3f -> %.3f, %.2f s%n",
            r.samplesBefore(), r.samplesAfter(), r.mnistBefore(), r.mnistAfter(), r.seconds());
        assertEquals(80, r.trainSamples());
        assertEquals(20, r.heldOutSamples());
        assertEquals(160, r.replayImages());
        assertArrayEquals("convolutions frozen", convBefore, model.parameters().get("conv1.weight").data(), 0f);
        assertFalse("dense layers trained", Arrays.equals(fcBefore, model.parameters().get("fc2.weight").data()));
        assertTrue("held-out samples " + r.samplesBefore() + " -> " + r.samplesAfter(),
            r.samplesAfter() >= r.samplesBefore());
        assertTrue("MNIST kept: " + r.mnistBefore() + " -> " + r.mnistAfter(), r.mnistAfter() >= r.mnistBefore() - 0.02f);
    }

    @Test
    public void allLayersTrainsTheConvolutionsToo() throws Exception {
        Sequential model = shipped();
        float[] convBefore = model.parameters().get("conv1.weight").data().clone();
        FineTuner.Options options = new FineTuner.Options();
        options.allLayers = true;
        options.epochs = 1;
        FineTuner.fineTune(model, userSamples(3), mnistTrain, mnistTest, options, new CancelToken());
        assertFalse(Arrays.equals(convBefore, model.parameters().get("conv1.weight").data()));
    }

    @Test
    public void refusesTooFewSamples() throws Exception {
        Sequential model = shipped();
        Dataset two = userSamples(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> FineTuner.fineTune(model, two, mnistTrain, mnistTest, new FineTuner.Options(), new CancelToken()));
        assertTrue(e.getMessage(), e.getMessage().contains("at least 3 samples of every digit"));
    }
}
