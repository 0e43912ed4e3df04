package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.loss.MeanSquaredError;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

/** layer.call(x) inside an autograd expression fills the same gradients as the book-style backward path. */
public class AutogradJoinTest {
    private static Sequential[] twins(long seed) {
        Sequential[] nets = new Sequential[2];
        for (int k = 0; k < 2; k++) {
            Random r = new Random(seed);
            nets[k] = new Sequential()
                .add(new Conv2d(1, 2, 3, 1, 1, new He(), r))
                .add(new ReLU())
                .add(new MaxPool2d(2, 2))
                .add(new Flatten())
                .add(new Linear(8, 3, new He(), r));
        }
        return nets;
    }

    @Test
    public void sequentialCallMatchesLayerBackward() {
        Sequential[] nets = twins(1);
        Tensor x = GradChecks.gaussian(new Random(2), 2, 1, 4, 4);
        Tensor labels = Tensor.of(new float[] {1, 2}, 2);

        // autograd path: each layer called in an expression, the loss joined with Loss.call
        Tensor xg = x.copy().requiresGrad(true);
        Tensor h = xg;
        for (Layer l : nets[0].layers()) {
            h = l.call(h);
        }
        Tensor loss = new SoftmaxCrossEntropy().call(h, labels);
        loss.backward();

        // layer-backward path
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        float expectedLoss = ce.forward(nets[1].forward(x), labels);
        Tensor dx = nets[1].backward(ce.backward());

        assertEquals(expectedLoss, loss.item(), 0f);
        assertArrayEquals(dx.data(), xg.grad().data(), 1e-7f);
        Map<String, Tensor> a = nets[0].parameters();
        Map<String, Tensor> b = nets[1].parameters();
        for (String name : a.keySet()) {
            assertNotNull(name, a.get(name).grad());
            assertArrayEquals(name, b.get(name).grad().data(), a.get(name).grad().data(), 1e-7f);
        }
    }

    @Test
    public void inputUsedByTwoLayersGetsBothGradients() {
        Random r = new Random(3);
        Linear left = new Linear(3, 2, new He(), r);
        Linear right = new Linear(3, 2, new He(), r);
        Tensor x = GradChecks.gaussian(r, 4, 3).requiresGrad(true);
        Tensor labels = Tensor.of(new float[] {0, 1, 1, 0}, 4);
        Tensor loss = new SoftmaxCrossEntropy().call(left.call(x).add(right.call(x)), labels);
        loss.backward();

        // by hand: dL/dx = dL/dz·W_leftᵀ + dL/dz·W_rightᵀ, and each layer's dW from the same dL/dz
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        Linear l2 = copy(left);
        Linear r2 = copy(right);
        Tensor plain = x.detach();
        Tensor zl = l2.forward(plain);
        Tensor zr = r2.forward(plain);
        float[] z = new float[zl.numel()];
        for (int i = 0; i < z.length; i++) {
            z[i] = zl.data()[i] + zr.data()[i];
        }
        ce.forward(Tensor.of(z, 4, 2), labels);
        Tensor dz = ce.backward();
        float[] dxl = l2.backward(dz).data();
        float[] dxr = r2.backward(dz).data();
        float[] expected = new float[dxl.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = dxl[i] + dxr[i];
        }
        assertArrayEquals(expected, x.grad().data(), 1e-6f);
        assertArrayEquals(l2.weight().grad().data(), left.weight().grad().data(), 1e-7f);
        assertArrayEquals(r2.bias().grad().data(), right.bias().grad().data(), 1e-7f);
    }

    @Test
    public void lossWrittenWithTensorOperationsReachesTheLayers() {
        Random r = new Random(5);
        Sequential[] nets = new Sequential[2];
        for (int k = 0; k < 2; k++) {
            Random same = new Random(6);
            nets[k] = new Sequential().add(new Linear(3, 4, new He(), same)).add(new Tanh()).add(new Linear(4, 2, new He(), same));
        }
        Tensor x = GradChecks.gaussian(r, 5, 3);
        Tensor t = GradChecks.gaussian(r, 5, 2);
        // mean((net(x) − t)²) as an autograd expression
        Tensor loss = nets[0].call(x).sub(t).pow(2).mean();
        loss.backward();
        // the same loss through MeanSquaredError and the layers' own backward
        MeanSquaredError mse = new MeanSquaredError();
        float expected = mse.forward(nets[1].forward(x), t);
        nets[1].backward(mse.backward());
        assertEquals(expected, loss.item(), 1e-6f);
        for (String name : nets[0].parameters().keySet()) {
            assertArrayEquals(name, nets[1].parameters().get(name).grad().data(),
                nets[0].parameters().get(name).grad().data(), 1e-6f);
        }
    }

    private static Linear copy(Linear l) {
        Linear c = new Linear(l.inFeatures(), l.outFeatures(), new He(), new Random(0));
        System.arraycopy(l.weight().data(), 0, c.weight().data(), 0, l.weight().numel());
        System.arraycopy(l.bias().data(), 0, c.bias().data(), 0, l.bias().numel());
        return c;
    }
}
