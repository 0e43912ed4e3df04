package io.neuronlab.mllib.lab;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

/** Settings round trips and errors; the networks they describe. */
public class LabSettingsTest {
    @Test
    public void defaultsComeFromTheRecipeRegistry() {
        LabSettings s = LabSettings.defaults("mlp", 12_000);
        assertEquals("adam", s.optimizer);
        assertEquals(0.001f, s.learningRate, 0f);
        assertEquals(100, s.batchSize);
        assertEquals(LabSettings.Init.HE, s.init);
        assertTrue(!s.batchNorm);
        // LeNet: batch norm and twice the recipe's step (chosen on held-out images, see LabDefaultsAccuracyTest)
        LabSettings lenet = LabSettings.defaults("lenet", 12_000);
        assertTrue(lenet.batchNorm);
        assertEquals(0.002f, lenet.learningRate, 0f);
        assertEquals(64, lenet.batchSize);
        assertEquals(3, lenet.epochs);
        assertEquals(0.5f, LabSettings.defaults("deepcnn", 100).dropout, 0f);
    }

    @Test
    public void mapRoundTrip() {
        LabSettings s = LabSettings.defaults("mlp", 500).withOptimizer("RMSprop").withLearningRate(0.0123f)
            .withInit(LabSettings.Init.XAVIER).withBatchNorm(true).withDropout(0.25f).withWeightDecay(1e-4f)
            .withSeed(99);
        assertEquals(s, LabSettings.fromMap(s.toMap()));
        assertEquals("rmsprop", s.optimizer);
        assertEquals(LabSettings.Data.MNIST_SLICE, s.data);
        LabSettings own = s.withData(LabSettings.Data.MY_SAMPLES);
        assertEquals("MY_SAMPLES", own.toMap().get("data"));
        assertEquals(own, LabSettings.fromMap(own.toMap()));
        assertTrue(!own.equals(s));
        assertTrue(own.summary().endsWith(" · own samples"));
        // settings saved before the data choice existed trained on the slice
        java.util.Map<String, String> old = s.toMap();
        old.remove("data");
        assertEquals(s, LabSettings.fromMap(old));
        java.util.Map<String, String> wrong = own.toMap();
        wrong.put("data", "CIFAR");
        assertEquals("lab settings name unknown data 'CIFAR'",
            assertThrows(IllegalArgumentException.class, () -> LabSettings.fromMap(wrong)).getMessage());
    }

    @Test
    public void impossibleValuesAreNamed() {
        LabSettings s = LabSettings.defaults("lenet", 100);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.withNetwork("resnet")).getMessage()
            .contains("unknown network 'resnet'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.withOptimizer("lion")).getMessage()
            .contains("unknown optimizer 'lion'"));
        assertThrows(IllegalArgumentException.class, () -> s.withLearningRate(0f));
        assertThrows(IllegalArgumentException.class, () -> s.withLearningRate(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.withDropout(1f));
        assertThrows(IllegalArgumentException.class, () -> s.withEpochs(0));
        // allowed although it cannot train: the lab shows it diverge
        assertEquals(10f, s.withLearningRate(10f).learningRate, 0f);
        java.util.Map<String, String> broken = s.toMap();
        broken.remove("batch");
        assertEquals("lab settings lack 'batch'",
            assertThrows(IllegalArgumentException.class, () -> LabSettings.fromMap(broken)).getMessage());
    }

    @Test
    public void batchNormFollowsEveryConvolutionAndHiddenAffineLayer() {
        Sequential net = LabNetworks.build(LabSettings.defaults("lenet", 100).withBatchNorm(true).withDropout(0.3f));
        StringBuilder kinds = new StringBuilder();
        for (Layer l : net.layers()) {
            kinds.append(l instanceof Conv2d ? "C" : l instanceof BatchNorm ? "B" : l instanceof Linear ? "L"
                : l instanceof Dropout ? "D" : "");
        }
        assertEquals("CBCBLBDLBDL", kinds.toString());
        Tensor out = net.forward(Tensor.zeros(2, 1, 28, 28));
        assertEquals(10, out.size(1));
    }

    @Test
    public void deepCnnWithoutDropoutHasNone() {
        Sequential net = LabNetworks.build(LabSettings.defaults("deepcnn", 100).withDropout(0f));
        for (Layer l : net.layers()) {
            assertTrue(!(l instanceof Dropout));
        }
    }

    @Test
    public void initialiserSetsTheWeightSpread() {
        Sequential small = LabNetworks.build(LabSettings.defaults("mlp", 100).withInit(LabSettings.Init.STD_0_01));
        Sequential he = LabNetworks.build(LabSettings.defaults("mlp", 100));
        float[] w = ((Linear) small.layer("fc1")).weight().data();
        assertEquals(0.01, std(w), 0.001);
        // He for 784 inputs: sqrt(2/784) = 0.0505
        assertEquals(0.0505, std(((Linear) he.layer("fc1")).weight().data()), 0.003);
        assertEquals(784, LabNetworks.firstLayerFilters(he, 4).get(0).length);
    }

    private static double std(float[] values) {
        double mean = 0;
        for (float v : values) {
            mean += v;
        }
        mean /= values.length;
        double var = 0;
        for (float v : values) {
            var += (v - mean) * (v - mean);
        }
        return Math.sqrt(var / values.length);
    }
}
