package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.optim.Adam;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

/** Reusing the layers' arrays changes where results are written, never what they are. */
public class ReuseBuffersTest {

    private static Sequential net(long seed) {
        Random r = new Random(seed);
        return new Sequential()
            .add("conv1", new Conv2d(1, 4, 3, 1, 1, new He(), r))
            .add("relu1", new ReLU())
            .add("pool1", new MaxPool2d(2, 2))
            .add("flatten", new Flatten())
            .add("fc1", new Linear(4 * 6 * 6, 16, new He(), r))
            .add("relu2", new ReLU())
            .add("drop", new Dropout(0.3f, new Random(seed + 1)))
            .add("fc2", new Linear(16, 3, new He(), r));
    }

    private static void train(Sequential net, boolean reuse) {
        net.reuseBuffers(reuse);
        net.train(true);
        Adam adam = new Adam(net.parameters().values(), 0.01f);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        Random data = new Random(11);
        for (int step = 0; step < 5; step++) {
            Tensor x = Tensor.randn(data, 8, 1, 12, 12);
            float[] t = new float[8 * 3];
            for (int i = 0; i < 8; i++) {
                t[i * 3 + data.nextInt(3)] = 1f;
            }
            net.zeroGrad(); // reuse on: zeros in place, else null — the same next gradient either way
            loss.forward(net.forward(x), Tensor.of(t, 8, 3));
            net.backward(loss.backward());
            adam.step();
        }
    }

    @Test
    public void trainingWithReusedBuffersGivesBitIdenticalWeights() {
        Sequential fresh = net(5);
        Sequential reused = net(5);
        train(fresh, false);
        train(reused, true);
        for (Map.Entry<String, Tensor> p : fresh.namedParameters().entrySet()) {
            assertArrayEquals(p.getKey(), p.getValue().data(), reused.namedParameters().get(p.getKey()).data(), 0f);
        }
    }

    @Test
    public void zeroGradKeepsTheGradientArrayOnlyWhenReusing() {
        Sequential net = net(3);
        net.train(false); // no dropout: the two backwards below see the same network
        Tensor x = Tensor.randn(new Random(4), 2, 1, 12, 12);
        Tensor w = net.namedParameters().get("fc1.weight");
        net.forward(x);
        net.backward(Tensor.ones(2, 3));
        net.zeroGrad();
        assertNull("reuse off: the gradient is forgotten", w.grad());

        net.reuseBuffers(true);
        net.forward(x);
        net.backward(Tensor.ones(2, 3));
        float[] kept = w.grad().data();
        float[] first = kept.clone();
        net.zeroGrad();
        for (float v : kept) {
            assertEquals(0f, v, 0f);
        }
        net.forward(x);
        net.backward(Tensor.ones(2, 3));
        assertSame("the same array, refilled", kept, w.grad().data());
        assertArrayEquals(first, w.grad().data(), 0f);
    }

    @Test
    public void outputsAreNewArraysUnlessReuseIsOn() {
        Sequential net = net(1);
        net.train(false);
        Tensor x = Tensor.randn(new Random(2), 2, 1, 12, 12);
        float[] a = net.forward(x).data();
        float[] b = net.forward(x).data();
        assertNotSame("a caller keeping two outputs gets two", a, b);
        assertArrayEquals(a, b, 0f);
        net.reuseBuffers(true);
        float[] c = net.forward(x).data();
        float[] d = net.forward(x).data();
        assertSame("reuse on: the same array, overwritten", c, d);
        assertArrayEquals(a, d, 0f);
    }
}
