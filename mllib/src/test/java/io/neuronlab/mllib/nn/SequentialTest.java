package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class SequentialTest {
    private static Sequential twoLayer(Random r) {
        return new Sequential()
            .add(new Linear(4, 5, new He(), r))
            .add(new ReLU())
            .add("head", new Linear(5, 3, new He(), r));
    }

    @Test
    public void namesLayersAndParametersInOrder() {
        Sequential s = twoLayer(new Random(1));
        assertEquals(Arrays.asList("Linear1", "ReLU1", "head"), new ArrayList<>(s.namedLayers().keySet()));
        assertEquals(Arrays.asList("Linear1.weight", "Linear1.bias", "head.weight", "head.bias"),
            new ArrayList<>(s.namedParameters().keySet()));
        assertEquals(s.namedParameters(), s.parameters());
        assertSame(((Linear) s.layer("head")).weight(), s.parameters().get("head.weight"));
        assertThrows(IllegalArgumentException.class, () -> s.add("head", new ReLU()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.layer("nope"));
        assertTrue(e.getMessage(), e.getMessage().contains("head"));
    }

    @Test
    public void forwardAndBackwardChainTheLayers() {
        Random r = new Random(2);
        Sequential s = twoLayer(r);
        Tensor x = GradChecks.gaussian(new Random(3), 2, 4);
        Tensor manual = x;
        for (Layer l : s.layers()) {
            manual = l.forward(manual);
        }
        assertArrayEquals(manual.data(), s.forward(x).data(), 0f);
        GradChecks.assertLayerGradients(s, x, 1e-3);
    }

    @Test
    public void trainModeReachesEveryLayer() {
        Sequential s = twoLayer(new Random(4));
        s.train(false);
        for (Layer l : s.layers()) {
            assertFalse(l.isTraining());
        }
        ReLU late = new ReLU();
        s.add(late);
        assertFalse("a layer added to an eval-mode model is in eval mode", late.isTraining());
        s.train(true);
        assertTrue(late.isTraining());
    }
}
