package io.neuronlab.mllib.tflite;

import io.neuronlab.mllib.nn.engine.JavaConvEngine;
import io.neuronlab.mllib.tflite.desktop.BytedecoRuntime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Optimizer;
import io.neuronlab.mllib.optim.SGD;
import io.neuronlab.mllib.tensor.Tensor;

import org.junit.Test;

import java.util.Map;
import java.util.Random;

/**
 * A network's convolutions on the TFLite CPU engine (real TFLite 2.20 runtime): forward, backward and several
 * training steps must track the same network on the Java engine within 1e-4, with the TFLite graphs rebuilt
 * after every weight update.
 */
public class Conv2dEngineTest {
    private static final float TOLERANCE = 1e-4f;

    private static Sequential network(long seed) {
        Random random = new Random(seed);
        return new Sequential()
            .add("conv1", new Conv2d(1, 4, 3, 1, 1, new He(), random))
            .add("relu1", new ReLU())
            .add("pool1", new MaxPool2d(2, 2))
            .add("conv2", new Conv2d(4, 8, 3, 2, 1, new He(), random))
            .add("relu2", new ReLU())
            .add("flatten", new Flatten())
            .add("fc", new Linear(8 * 4 * 4, 10, new He(), random));
    }

    @Test
    public void forwardBackwardAndTrainingStepsMatchTheJavaEngine() {
        Sequential java = network(99); // same seed: identical initial weights
        Sequential tflite = network(99);
        try (TfliteConvEngine engine = new TfliteConvEngine(new BytedecoRuntime(true))) {
            for (Layer l : tflite.layers()) {
                if (l instanceof Conv2d) {
                    ((Conv2d) l).setEngine(engine);
                    assertSame(engine, ((Conv2d) l).engine());
                }
            }
            Random data = new Random(5);
            Optimizer sgdJava = new SGD(java.parameters().values(), 0.1f);
            Optimizer sgdTflite = new SGD(tflite.parameters().values(), 0.1f);
            SoftmaxCrossEntropy lossJava = new SoftmaxCrossEntropy();
            SoftmaxCrossEntropy lossTflite = new SoftmaxCrossEntropy();
            for (int step = 0; step < 4; step++) {
                Tensor x = gaussian(data, 3, 1, 16, 16);
                Tensor labels = Tensor.of(new float[] {data.nextInt(10), data.nextInt(10), data.nextInt(10)}, 3);
                Tensor yJava = java.forward(x);
                Tensor yTflite = tflite.forward(x);
                float forwardErr = TfliteModelBuilderTest.maxAbsDiff(yJava.data(), yTflite.data());
                float lj = lossJava.forward(yJava, labels);
                float lt = lossTflite.forward(yTflite, labels);
                assertEquals("loss at step " + step, lj, lt, TOLERANCE);
                java.zeroGrad();
                tflite.zeroGrad();
                Tensor dxJava = java.backward(lossJava.backward());
                Tensor dxTflite = tflite.backward(lossTflite.backward());
                float inputGradErr = TfliteModelBuilderTest.maxAbsDiff(dxJava.data(), dxTflite.data());
                float gradErr = 0;
                Map<String, Tensor> pj = java.namedParameters();
                Map<String, Tensor> pt = tflite.namedParameters();
                for (String name : pj.keySet()) {
                    gradErr = Math.max(gradErr, TfliteModelBuilderTest.maxAbsDiff(pj.get(name).grad().data(),
                        pt.get(name).grad().data()));
                }
                System.out.printf("step %d: loss %.4f, forward %.2e, dL/dx %.2e, parameter grads %.2e%n", step, lj,
                    forwardErr, inputGradErr, gradErr);
                assertTrue("forward error " + forwardErr, forwardErr <= TOLERANCE);
                assertTrue("input gradient error " + inputGradErr, inputGradErr <= TOLERANCE);
                assertTrue("parameter gradient error " + gradErr, gradErr <= TOLERANCE);
                sgdJava.step();
                sgdTflite.step();
            }
            float weightErr = 0;
            for (String name : java.namedParameters().keySet()) {
                weightErr = Math.max(weightErr, TfliteModelBuilderTest.maxAbsDiff(
                    java.namedParameters().get(name).data(), tflite.namedParameters().get(name).data()));
            }
            assertTrue("weights after 4 steps differ by " + weightErr, weightErr <= TOLERANCE);
            assertEquals("two conv layers, rebuilt after each of the 3 updates they saw", 2 * 4, engine.builds());
        }
    }

    @Test
    public void withoutAnEngineConv2dUsesItsOwnJavaPath() {
        Conv2d conv = new Conv2d(2, 3, 3, 1, 1, new He(), new Random(1));
        assertEquals(null, conv.engine());
        Tensor x = gaussian(new Random(2), 2, 2, 5, 5);
        Tensor viaLayer = conv.forward(x);
        Tensor viaEngine = new JavaConvEngine().forward(x, conv.weight(), conv.bias(), 1, 1);
        assertEquals(0f, TfliteModelBuilderTest.maxAbsDiff(viaLayer.data(), viaEngine.data()), 1e-6f);
    }

    private static Tensor gaussian(Random random, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.numel(); i++) {
            t.data()[i] = (float) random.nextGaussian();
        }
        return t;
    }
}
