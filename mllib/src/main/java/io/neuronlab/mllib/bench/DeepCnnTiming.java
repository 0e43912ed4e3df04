package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.models.DeepCnn;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Adam;
import io.neuronlab.mllib.tensor.Parallel;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Training speed of the book's deep CNN ({@link DeepCnn}: six 3×3 convolutions, batch 100, Adam) on the first
 * {@code --deep-images} MNIST images, per thread count, and the same network in PyTorch
 * ({@code bench-pytorch.py --net deepcnn}) in the same run.
 */
@DesktopOnly
final class DeepCnnTiming {
    private DeepCnnTiming() {
    }

    static void run(PrintStream out, BenchOptions o, File pytorchScript) throws IOException, InterruptedException {
        Dataset all = Mnist.train(o.mnistDir);
        Dataset train = all.subset(0, Math.min(all.size(), o.deepImages));
        all = null;
        Bench.line(out, "deepcnn.train.images", String.valueOf(train.size()), "");
        double best = 0;
        double bestTorch = 0;
        String caveat = "";
        for (int threads : o.threads) {
            Parallel.setThreads(threads);
            String t = ".t" + threads;
            Sequential model = DeepCnn.create(1);
            Adam adam = new Adam(LeNetTiming.params(model), DeepCnn.LEARNING_RATE);
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
            int batch = DeepCnn.BATCH_SIZE;
            LeNetTiming.trainBatches(model, adam, loss,
                new DataLoader(train.subset(0, Math.min(train.size(), 10 * batch)), batch), null); // JIT warm-up
            long start = System.nanoTime();
            LeNetTiming.trainBatches(model, adam, loss, new DataLoader(train, batch).shuffle(1), null);
            double imagesPerS = train.size() / ((System.nanoTime() - start) / 1e9);
            best = Math.max(best, imagesPerS);
            Bench.line(out, "deepcnn.train" + t, imagesPerS, "images/s");
            if (pytorchScript != null) {
                List<String> raw = new ArrayList<>();
                Map<String, String> py = PyTorchBaseline.run(o.python, pytorchScript, Arrays.asList("--mnist",
                    o.mnistDir.getPath(), "--threads", Integer.toString(threads), "--train-images",
                    Integer.toString(train.size()), "--net", "deepcnn"), raw);
                BlasInfo blas = BlasInfo.from(raw);
                caveat = blas.torchCaveat().isEmpty() ? caveat : blas.torchCaveat();
                double torch = PyTorchBaseline.number(py, "train.images_per_s");
                bestTorch = Math.max(bestTorch, torch);
                Bench.line(out, "pytorch.deepcnn.train" + t, torch, "images/s");
                Bench.line(out, "ratio.deepcnn.train" + t, imagesPerS / torch, "x (mllib/PyTorch images/s)"
                    + blas.torchCaveat());
            }
            Bench.load(out);
        }
        if (pytorchScript != null) {
            Bench.line(out, "ratio.deepcnn.train.best_vs_best", best / bestTorch,
                "x (mllib's best thread count / PyTorch's best; target >= 1.0)" + caveat);
        }
    }
}
