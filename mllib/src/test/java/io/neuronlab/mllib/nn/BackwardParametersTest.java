package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

/** The trainer's backward (no gradient for the input images) gives exactly the parameter gradients of the full one. */
public class BackwardParametersTest {

    private static Sequential lenetLike(long seed) {
        Random r = new Random(seed);
        return new Sequential()
            .add("conv1", new Conv2d(1, 4, 5, 1, 2, new He(), r))
            .add("relu1", new ReLU())
            .add("pool1", new MaxPool2d(2, 2))
            .add("conv2", new Conv2d(4, 6, 3, 1, 0, new He(), r))
            .add("relu2", new ReLU())
            .add("flatten", new Flatten())
            .add("fc", new Linear(6 * 5 * 5, 3, new He(), r));
    }

    private static List<float[]> grads(Sequential net) {
        List<float[]> out = new ArrayList<>();
        for (Map.Entry<String, Tensor> p : net.namedParameters().entrySet()) {
            out.add(p.getValue().grad().data().clone());
        }
        return out;
    }

    @Test
    public void sequentialBackwardParametersMatchesBackwardBitForBit() {
        Tensor x = Tensor.randn(new Random(3), 5, 1, 14, 14);
        Tensor dout = Tensor.randn(new Random(4), 5, 3);

        Sequential full = lenetLike(1);
        full.forward(x);
        full.backward(dout);

        Sequential paramsOnly = lenetLike(1);
        paramsOnly.forward(x);
        paramsOnly.backwardParameters(dout);

        List<float[]> a = grads(full);
        List<float[]> b = grads(paramsOnly);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals("parameter " + i, a.get(i), b.get(i), 0f);
        }
    }

    @Test
    public void conv2dBackwardParametersAccumulatesLikeBackward() {
        Tensor x = Tensor.randn(new Random(7), 3, 2, 9, 9);
        Conv2d a = new Conv2d(2, 3, 3, 2, 1, new He(), new Random(9));
        Conv2d b = new Conv2d(2, 3, 3, 2, 1, new He(), new Random(9));
        Tensor y = a.forward(x);
        b.forward(x);
        Tensor dout = Tensor.randn(new Random(8), y.shape());
        // twice: gradients accumulate across calls in both paths
        for (int round = 0; round < 2; round++) {
            a.backward(dout);
            b.backwardParameters(dout);
        }
        assertArrayEquals(a.weight().grad().data(), b.weight().grad().data(), 0f);
        assertArrayEquals(a.bias().grad().data(), b.bias().grad().data(), 0f);
    }
}
