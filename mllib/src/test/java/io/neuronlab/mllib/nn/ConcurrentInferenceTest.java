package io.neuronlab.mllib.nn;

import io.neuronlab.mllib.digits.DigitModel;
import io.neuronlab.mllib.digits.DigitRecognizer;
import io.neuronlab.mllib.digits.FeatureMaps;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.PairModel;
import io.neuronlab.mllib.digits.SyntheticFingerDigits;
import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.nn.engine.JavaConvEngine;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;

/**
 * One network in evaluation mode shared by 2, 4 and 8 real threads, each with inputs of its own (and batch sizes of
 * its own, so shapes differ between callers): every output must equal what one thread computes alone, bit for bit.
 * Before inference took its scratch per call, 9–15 % of the digit readings came back wrong this way.
 */
public class ConcurrentInferenceTest {
    private static final int CALLS_PER_THREAD = 150;

    /** Every layer kind that keeps per-forward state: convolutions (also strided), both poolings, batch norm, ... */
    private static Sequential everyLayerNet() {
        Random r = new Random(5);
        Sequential net = new Sequential()
            .add("conv1", new Conv2d(1, 6, 3, 1, 1, new He(), r))
            .add("bn1", new BatchNorm(6))
            .add("relu1", new ReLU())
            .add("pool1", new MaxPool2d(2, 2))
            .add("conv2", new Conv2d(6, 8, 3, 2, 1, new He(), r))
            .add("tanh", new Tanh())
            .add("pool2", new MaxPool2d(3, 1))
            .add("avg", new AvgPool2d(2, 1))
            .add("flat", new Flatten())
            .add("fc1", new Linear(128, 12, new He(), r))
            .add("bn2", new BatchNorm(12))
            .add("leaky", new LeakyReLU(0.1f))
            .add("drop", new Dropout(0.5f, r))
            .add("fc2", new Linear(12, 10, new He(), r))
            .add("softmax", new Softmax());
        // running statistics that are not the identity, so evaluation-mode BatchNorm does real work
        net.train(true);
        net.forward(images(new Random(9), 16));
        net.train(false);
        return net;
    }

    private static Tensor images(Random r, int n) {
        float[] x = new float[n * 28 * 28];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat();
        }
        return Tensor.of(x, n, 1, 28, 28);
    }

    @Test
    public void sharedNetworkGivesEveryThreadItsOwnAnswer() throws Exception {
        Sequential net = everyLayerNet();
        for (int threads : new int[] {2, 4, 8}) {
            assertEquals(threads + " threads", 0, wrongAnswers(threads, t -> {
                Random r = new Random(100 + t);
                List<Tensor> inputs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    inputs.add(images(r, 1 + (t + i) % 3));
                }
                return inputs;
            }, net::forward));
        }
    }

    @Test
    public void sharedDigitRecognizerAndFeatureMapsGiveEveryThreadItsOwnAnswer() throws Exception {
        Sequential model = DigitModel.build(3);
        model.train(false);
        DigitRecognizer recognizer = new DigitRecognizer(model);
        for (int threads : new int[] {2, 4, 8}) {
            // recognitions and feature maps at once, as the app's Draw screen asks for both
            assertEquals(threads + " threads", 0, wrongAnswers(threads, t -> {
                Random r = new Random(200 + t);
                List<Tensor> inputs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    inputs.add(images(r, 1));
                }
                return inputs;
            }, x -> {
                GrayImage image = new GrayImage(28, 28, x.data().clone());
                float[] p = recognizer.predict(image).probabilities();
                float[] maps = FeatureMaps.ofFirstConvolutions(model, image, 2).get(1).values().data();
                float[] both = new float[p.length + maps.length];
                System.arraycopy(p, 0, both, 0, p.length);
                System.arraycopy(maps, 0, both, p.length, maps.length);
                return Tensor.of(both, both.length);
            }));
        }
    }

    @Test
    public void sharedNetworkOnTheJavaEngineGivesEveryThreadItsOwnAnswer() throws Exception {
        // the engine path of Conv2d, one engine instance shared by both convolutions and every thread
        Sequential net = everyLayerNet();
        JavaConvEngine engine = new JavaConvEngine();
        for (Layer l : net.layers()) {
            if (l instanceof Conv2d) {
                ((Conv2d) l).setEngine(engine);
            }
        }
        for (int threads : new int[] {2, 4, 8}) {
            assertEquals(threads + " threads", 0, wrongAnswers(threads, t -> {
                Random r = new Random(300 + t);
                List<Tensor> inputs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    inputs.add(images(r, 1 + (t + i) % 3));
                }
                return inputs;
            }, net::forward));
        }
    }

    @Test
    public void sharedRecognizerReadsEveryThreadsDrawing() throws Exception {
        // the Draw path: segmentation, preprocessing, the pair network and a batch of digits per drawing
        Sequential model = DigitModel.build(4);
        DigitRecognizer recognizer = new DigitRecognizer(model, PairModel.build(5));
        for (int threads : new int[] {2, 4, 8}) {
            assertEquals(threads + " threads", 0, wrongAnswers(threads, t -> {
                SyntheticFingerDigits digits = new SyntheticFingerDigits(400 + t);
                List<Tensor> inputs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    GrayImage drawing = digits.next((t + i) % 10).renderForRecognition();
                    inputs.add(Tensor.of(drawing.pixels().clone(), drawing.height(), drawing.width()));
                }
                return inputs;
            }, x -> {
                GrayImage drawing = new GrayImage(x.size(1), x.size(0), x.data().clone());
                List<DigitRecognizer.Prediction> read = recognizer.recognize(drawing).predictions();
                float[] all = new float[read.size() * 11];
                for (int i = 0; i < read.size(); i++) {
                    System.arraycopy(read.get(i).probabilities(), 0, all, i * 11, 10);
                    all[i * 11 + 10] = read.get(i).sure() ? 1 : 0;   // the pair network's doubt shows here
                }
                return Tensor.of(all, all.length);
            }));
        }
    }

    interface Inputs {
        List<Tensor> of(int thread);
    }

    interface Inference {
        Tensor run(Tensor x);
    }

    /** Runs {@code inference} from {@code threads} threads at once; counts answers that differ from the lone ones. */
    private static int wrongAnswers(int threads, Inputs inputs, Inference inference) throws Exception {
        List<List<Tensor>> perThread = new ArrayList<>();
        List<List<float[]>> expected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Tensor> in = inputs.of(t);
            perThread.add(in);
            List<float[]> out = new ArrayList<>();
            for (Tensor x : in) {
                out.add(inference.run(x).data().clone());
            }
            expected.add(out);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wrong = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    List<Tensor> in = perThread.get(thread);
                    for (int call = 0; call < CALLS_PER_THREAD; call++) {
                        int i = call % in.size();
                        float[] got = inference.run(in.get(i)).data();
                        if (!java.util.Arrays.equals(expected.get(thread).get(i), got)) {
                            wrong.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return wrong.get();
    }
}
