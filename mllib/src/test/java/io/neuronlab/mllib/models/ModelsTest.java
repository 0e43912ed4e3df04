package io.neuronlab.mllib.models;

import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class ModelsTest {
    private static Tensor images(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat();
        }
        return Tensor.of(x, n, 1, 28, 28);
    }

    /** Output shape after every layer. */
    private static List<int[]> shapes(Sequential net, Tensor x) {
        List<int[]> out = new ArrayList<>();
        for (Layer l : net.layers()) {
            x = l.forward(x);
            out.add(x.shape());
        }
        return out;
    }

    private static int count(Sequential net) {
        int n = 0;
        for (Tensor t : net.parameters().values()) {
            n += t.numel();
        }
        return n;
    }

    private static double std(Tensor t) {
        double sum = 0;
        double sq = 0;
        for (float v : t.data()) {
            sum += v;
            sq += v * v;
        }
        double mean = sum / t.numel();
        return Math.sqrt(sq / t.numel() - mean * mean);
    }

    @Test
    public void lenetBenchHasTheBenchmarkArchitecture() {
        Sequential net = LeNetBench.create(1);
        assertEquals(Arrays.asList("conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten", "fc1", "relu3",
            "fc2", "relu4", "fc3"), new ArrayList<>(net.namedLayers().keySet()));
        List<int[]> s = shapes(net, images(2, 1));
        assertArrayEquals(new int[] {2, 6, 28, 28}, s.get(0));  // 5x5 with pad 2 keeps 28
        assertArrayEquals(new int[] {2, 6, 14, 14}, s.get(2));
        assertArrayEquals(new int[] {2, 16, 10, 10}, s.get(3)); // 5x5 without padding
        assertArrayEquals(new int[] {2, 16, 5, 5}, s.get(5));
        assertArrayEquals(new int[] {2, 400}, s.get(6));
        assertArrayEquals(new int[] {2, 120}, s.get(7));
        assertArrayEquals(new int[] {2, 84}, s.get(9));
        assertArrayEquals(new int[] {2, 10}, s.get(11));
        // (6·25+6) + (16·150+16) + (400·120+120) + (120·84+84) + (84·10+10)
        assertEquals(61706, count(net));
        assertEquals(Math.sqrt(2.0 / 400), std(net.namedParameters().get("fc1.weight")), 0.002);
    }

    @Test
    public void deepCnnHasTheBooksArchitectureAndHeInit() {
        Sequential net = DeepCnn.create(2);
        net.train(false);
        List<int[]> s = shapes(net, images(2, 2));
        assertArrayEquals(new int[] {2, 16, 28, 28}, s.get(2));
        assertArrayEquals(new int[] {2, 16, 14, 14}, s.get(4));
        assertArrayEquals(new int[] {2, 32, 16, 16}, s.get(8));  // the book's pad 2 on conv4
        assertArrayEquals(new int[] {2, 32, 8, 8}, s.get(9));
        assertArrayEquals(new int[] {2, 64, 4, 4}, s.get(14));
        assertArrayEquals(new int[] {2, 1024}, s.get(15));
        assertArrayEquals(new int[] {2, 50}, s.get(16));
        assertArrayEquals(new int[] {2, 10}, s.get(s.size() - 1));
        assertEquals(123552, count(net));
        Map<String, Tensor> p = net.namedParameters();
        // He: std √(2 / fan-in); fan-in = in·3·3 for the convolutions (the book's pre_node_nums)
        assertEquals(Math.sqrt(2.0 / 1024), std(p.get("fc1.weight")), 0.0015);
        assertEquals(Math.sqrt(2.0 / 576), std(p.get("conv6.weight")), 0.002);
        assertEquals(Math.sqrt(2.0 / 144), std(p.get("conv3.weight")), 0.01);
        assertEquals(0f, p.get("conv1.bias").data()[0], 0f);
    }

    @Test
    public void deepCnnDropsOutOnlyWhileTraining() {
        Sequential net = DeepCnn.create(3);
        Tensor x = images(3, 3);
        net.train(false);
        Tensor a = net.forward(x);
        Tensor b = net.forward(x);
        assertTrue(a.sameValues(b));
        net.train(true);
        Tensor c = net.forward(x);
        int zeros = 0;
        for (float v : c.data()) {
            zeros += v == 0f ? 1 : 0;
        }
        // the final dropout zeroes about half of the 30 scores
        assertTrue("zeros: " + zeros, zeros >= 5 && zeros <= 25);
    }

    @Test
    public void sameSeedSameWeightsOtherSeedOtherWeights() {
        for (String name : new String[] {"lenet", "deepcnn", "mlp"}) {
            Recipe r = Recipes.byName(name);
            Map<String, Tensor> a = r.createModel(7).namedParameters();
            Map<String, Tensor> b = r.createModel(7).namedParameters();
            Map<String, Tensor> c = r.createModel(8).namedParameters();
            assertEquals(a.keySet(), b.keySet());
            boolean differs = false;
            for (String k : a.keySet()) {
                assertArrayEquals(name + " " + k, a.get(k).data(), b.get(k).data(), 0f);
                differs |= !Arrays.equals(a.get(k).data(), c.get(k).data());
            }
            assertTrue(name, differs);
        }
    }

    @Test
    public void mlpIsConfigurable() {
        Sequential net = Mlp.create(1, 784, 100, 10);
        assertEquals(784 * 100 + 100 + 100 * 10 + 10, count(net));
        assertArrayEquals(new int[] {4, 10}, net.forward(images(4, 1)).shape());
        Sequential deep = Mlp.create(1, 784, 50, 40, 30, 10);
        assertEquals(Arrays.asList("flatten", "fc1", "relu1", "fc2", "relu2", "fc3", "relu3", "fc4"),
            new ArrayList<>(deep.namedLayers().keySet()));
        try {
            Mlp.create(1, 784);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("[784]"));
        }
    }

    @Test
    public void recipesCarryTheBenchmarkSettings() {
        Recipe lenet = Recipes.lenetBench();
        assertEquals(64, lenet.batchSize());
        assertEquals(3, lenet.epochs());
        assertFalse(lenet.augment());
        assertEquals(100, Recipes.deepCnn().batchSize());
        assertEquals(12, Recipes.deepCnn().epochs());
        assertEquals(0.8f, Recipes.deepCnn().lrDecay(), 0f);
        assertEquals(1f, lenet.lrDecay(), 0f);
        Recipe digit = Recipes.digit();
        assertEquals(64, digit.batchSize());
        assertEquals(8, digit.epochs());
        assertTrue(digit.augment());
        assertEquals(0.7f, digit.lrDecay(), 0f);
        assertEquals(0.7f, digit.withEpochs(4).lrDecay(), 0f);
        assertEquals(5, lenet.withEpochs(5).epochs());
        assertTrue(Recipes.deepCnn().withAugmentation(true).augment());
        assertEquals("adam", lenet.optimizerName());
        assertEquals(LeNetBench.LEARNING_RATE, lenet.learningRate(), 0f);
        assertEquals(java.util.Arrays.asList("mlp", "lenet", "deepcnn", "digit"), Recipes.names());
        try {
            Recipes.byName("resnet");
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("unknown network 'resnet'; known: [mlp, lenet, deepcnn, digit]", e.getMessage());
        }
    }
}
