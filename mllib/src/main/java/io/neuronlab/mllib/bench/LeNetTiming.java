package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.data.Batch;
import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.models.LeNetBench;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Adam;
import io.neuronlab.mllib.optim.Optimizer;
import io.neuronlab.mllib.tensor.Parallel;
import io.neuronlab.mllib.tensor.Profiler;
import io.neuronlab.mllib.tensor.Tensor;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times {@link LeNetBench} (the LeNet benchmark recipe: softmax cross-entropy, Adam lr 1e-3, batch 64, pixels in
 * [0,1]): one full training epoch, single-image inference (median of 1000) and
 * batch-1000 inference per thread count, the same in PyTorch when available, and a profiled epoch that
 * splits the training time by layer and kernel.
 */
@DesktopOnly
final class LeNetTiming {
    static final int BATCH = LeNetBench.BATCH_SIZE;
    static final long SEED = 1;

    private LeNetTiming() {
    }

    /** The shared model ({@link LeNetBench#create}), so the bench times exactly what {@code train} trains. */
    static Sequential lenet() {
        return LeNetBench.create(SEED);
    }

    static void run(PrintStream out, BenchOptions o, File pytorchScript) throws IOException, InterruptedException {
        Dataset all = Mnist.train(o.mnistDir);
        Dataset train = o.trainImages < all.size() ? all.subset(0, o.trainImages) : all;
        Bench.line(out, "lenet.train.images", String.valueOf(train.size()), "");
        double bestMllib = 0;
        double bestTorch = 0;
        double torchSingleMs = Double.NaN;
        double mllibSingleMs = Double.NaN;
        String torchCaveat = "";
        for (int threads : o.threads) {
            Parallel.setThreads(threads);
            String t = ".t" + threads;
            Sequential model = lenet();
            Adam adam = new Adam(params(model), LeNetBench.LEARNING_RATE);
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
            DataLoader loader = new DataLoader(train, BATCH).shuffle(SEED);
            trainBatches(model, adam, loss, new DataLoader(train.subset(0, Math.min(train.size(), 100 * BATCH)), BATCH), null); // JIT warm-up
            long start = System.nanoTime();
            float meanLoss = trainBatches(model, adam, loss, loader, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            double imagesPerS = train.size() / seconds;
            bestMllib = Math.max(bestMllib, imagesPerS);
            Bench.line(out, "lenet.train" + t, imagesPerS, "images/s");
            Bench.line(out, "lenet.train" + t + ".epoch", seconds, "s");
            Bench.line(out, "lenet.train" + t + ".mean_loss", meanLoss, "");
            model.train(false);
            double single = singleLatencyMillis(model, train);
            double batch = batchImagesPerSecond(model, train);
            Bench.line(out, "lenet.infer1" + t, single, "ms (median of 1000)");
            Bench.line(out, "lenet.infer1000" + t, batch, "images/s");
            mllibSingleMs = Double.isNaN(mllibSingleMs) ? single : Math.min(mllibSingleMs, single);
            Bench.load(out);
            if (pytorchScript != null) {
                List<String> args = new ArrayList<>(Arrays.asList("--mnist", o.mnistDir.getPath(),
                    "--threads", Integer.toString(threads), "--train-images", Integer.toString(train.size())));
                List<String> raw = new ArrayList<>();
                Map<String, String> py = PyTorchBaseline.run(o.python, pytorchScript, args, raw);
                BlasInfo blas = BlasInfo.from(raw);
                blas.print(out);
                torchCaveat = blas.torchCaveat().isEmpty() ? torchCaveat : blas.torchCaveat();
                double pyTrain = PyTorchBaseline.number(py, "train.images_per_s");
                double pySingle = PyTorchBaseline.number(py, "infer.single_median_ms");
                double pyBatch = PyTorchBaseline.number(py, "infer.batch1000_images_per_s");
                bestTorch = Math.max(bestTorch, pyTrain);
                torchSingleMs = Double.isNaN(torchSingleMs) ? pySingle : Math.min(torchSingleMs, pySingle);
                Bench.line(out, "pytorch.train" + t, pyTrain, "images/s");
                Bench.line(out, "pytorch.train" + t + ".mean_loss", PyTorchBaseline.number(py, "train.mean_loss"), "");
                Bench.line(out, "pytorch.infer1" + t, pySingle, "ms (median of 1000)");
                Bench.line(out, "pytorch.infer1000" + t, pyBatch, "images/s");
                Bench.line(out, "ratio.train" + t, imagesPerS / pyTrain, "x (mllib/PyTorch images/s)" + blas.torchCaveat());
                Bench.line(out, "ratio.infer1" + t, single / pySingle, "x (mllib/PyTorch latency, lower is better)" + blas.torchCaveat());
                Bench.line(out, "ratio.infer1000" + t, batch / pyBatch, "x (mllib/PyTorch images/s)" + blas.torchCaveat());
                Bench.load(out);
            }
        }
        if (pytorchScript != null) {
            Bench.line(out, "ratio.train.best_vs_best", bestMllib / bestTorch,
                "x (mllib's best thread count / PyTorch's best; target >= 1.3)" + torchCaveat);
            Bench.line(out, "ratio.infer1.best_vs_best", mllibSingleMs / torchSingleMs,
                "x (latency, target <= 1)" + torchCaveat);
        }
        if (o.profile) {
            profile(out, train, Bench.maxOf(o.threads));
        }
    }

    static List<Tensor> params(Layer model) {
        return new ArrayList<>(model.parameters().values());
    }

    /** One epoch of training; returns the mean batch loss. {@code timers} (optional) gets per-stage nanoseconds. */
    static float trainBatches(Sequential model, Optimizer opt, SoftmaxCrossEntropy loss, DataLoader loader,
                              Map<String, long[]> timers) {
        model.train(true);
        model.reuseBuffers(true); // as the Trainer does
        double sum = 0;
        int batches = 0;
        for (Batch b : loader.epoch()) {
            if (timers == null) {
                Tensor out = model.forward(b.inputs());
                sum += loss.forward(out, b.targets());
                model.backwardParameters(loss.backward());
                opt.step();
                model.zeroGrad(); // with buffer reuse: zeros in place
            } else {
                sum += profiledStep(model, opt, loss, b, timers);
            }
            batches++;
        }
        return (float) (sum / Math.max(1, batches));
    }

    private static float profiledStep(Sequential model, Optimizer opt, SoftmaxCrossEntropy loss, Batch b,
                                      Map<String, long[]> timers) {
        Tensor x = b.inputs();
        for (Map.Entry<String, Layer> e : model.namedLayers().entrySet()) {
            long t0 = System.nanoTime();
            x = e.getValue().forward(x);
            add(timers, e.getKey() + ".forward", t0);
        }
        long t0 = System.nanoTime();
        float value = loss.forward(x, b.targets());
        Tensor g = loss.backward();
        add(timers, "loss", t0);
        List<Map.Entry<String, Layer>> layers = new ArrayList<>(model.namedLayers().entrySet());
        for (int i = layers.size() - 1; i >= 0; i--) {
            t0 = System.nanoTime();
            if (i > 0) {
                g = layers.get(i).getValue().backward(g);
            } else {
                layers.get(i).getValue().backwardParameters(g); // as the trainer: no gradient for the images
            }
            add(timers, layers.get(i).getKey() + ".backward", t0);
        }
        t0 = System.nanoTime();
        opt.step();
        model.zeroGrad();
        add(timers, "optimizer", t0);
        return value;
    }

    private static void add(Map<String, long[]> timers, String key, long start) {
        long d = System.nanoTime() - start;
        timers.computeIfAbsent(key, k -> new long[1])[0] += d;
    }

    /** A profiled epoch: where the training time goes, by layer kind and by kernel. */
    private static void profile(PrintStream out, Dataset train, int threads) {
        Parallel.setThreads(threads);
        Sequential model = lenet();
        Adam adam = new Adam(params(model), LeNetBench.LEARNING_RATE);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        Map<String, long[]> timers = new LinkedHashMap<>();
        trainBatches(model, adam, loss, new DataLoader(train.subset(0, Math.min(train.size(), 20 * BATCH)), BATCH), timers);
        timers.clear();
        Profiler.reset();
        Profiler.setEnabled(true);
        long start = System.nanoTime();
        try {
            trainBatches(model, adam, loss, new DataLoader(train, BATCH).shuffle(SEED), timers);
        } finally {
            Profiler.setEnabled(false);
        }
        double total = (System.nanoTime() - start) / 1e9;
        out.println("# profiled epoch, " + threads + " thread(s): wall time per stage (kernels: summed over threads)");
        Bench.line(out, "profile.total", total, "s");
        long staged = 0;
        for (Map.Entry<String, long[]> e : timers.entrySet()) {
            staged += e.getValue()[0];
            Bench.line(out, "profile." + e.getKey(), e.getValue()[0] / 1e9, String.format(java.util.Locale.ROOT,
                "s (%.1f%%)", 100.0 * e.getValue()[0] / 1e9 / total));
        }
        Bench.line(out, "profile.data_loading_and_rest", total - staged / 1e9, "s");
        for (int slot = 0; slot < Profiler.slots(); slot++) {
            Bench.line(out, "profile.kernel." + Profiler.name(slot), Profiler.nanos(slot) / 1e9, "s");
        }
    }

    /** Median latency of 1000 single-image forwards, each on its own image. */
    static double singleLatencyMillis(Sequential model, Dataset data) {
        Tensor one = Tensor.zeros(1, 1, 28, 28);
        for (int i = 0; i < 200; i++) {
            data.copyExample(i % data.size(), one.data(), 0);
            model.forward(one);
        }
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            data.copyExample(i % data.size(), one.data(), 0);
            long t0 = System.nanoTime();
            model.forward(one);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e6;
    }

    /** Images/s of forwards over a batch of 1000 images (at least 1 s of them). */
    static double batchImagesPerSecond(Sequential model, Dataset data) {
        int n = Math.min(1000, data.size());
        Tensor batch = Tensor.zeros(n, 1, 28, 28);
        for (int i = 0; i < n; i++) {
            data.copyExample(i, batch.data(), i * 28 * 28);
        }
        model.forward(batch);
        model.forward(batch);
        int reps = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            model.forward(batch);
            reps++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < 1_000_000_000L || reps < 3);
        return (double) n * reps / (elapsed / 1e9);
    }
}
