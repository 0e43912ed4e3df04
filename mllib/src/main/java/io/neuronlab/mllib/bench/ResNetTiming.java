package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.interop.TorchNames;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.models.ImageInput;
import io.neuronlab.mllib.models.ResNet;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.SGD;
import io.neuronlab.mllib.tensor.Parallel;
import io.neuronlab.mllib.tensor.Profiler;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.tflite.TfliteExporter;
import io.neuronlab.mllib.tflite.TfliteInterpreter;
import io.neuronlab.mllib.tflite.TfliteRuntime;
import io.neuronlab.mllib.tflite.TfliteRuntimes;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The {@code resnet18.*} lines of {@link Bench} (issue 15, "Speed"): ResNet-18 inference ({@code --resnet-size}
 * 224 by default, batch 1 and 8) in mllib's Java engine, in TFLite on the CPU (the exported model, run by the
 * desktop runtime) and in PyTorch ({@code scripts/bench-pytorch-resnet.py}: torchvision's {@code resnet18()} loaded
 * with mllib's weights through safetensors, so both run the very same network — the line
 * {@code resnet18.infer.pytorch_max_abs_diff} shows it); then a training step (plain SGD, softmax cross-entropy)
 * of the small-input ResNet-18 (32×32×3 stem, 10 classes) in mllib and in PyTorch from the same weights on the same
 * batch (their first losses are printed side by side); then where mllib's time goes, by layer kind.
 */
@DesktopOnly
final class ResNetTiming {
    static final long SEED = 1;
    static final float LEARNING_RATE = 0.01f;
    /**
     * Warm-up before the inference timings: the JIT compiles the kernels within the first second, but the JVM's heap
     * keeps growing into memory it has never touched for a few seconds more (every page's first touch is a fault,
     * slow on this virtual machine): in a fresh JVM on the quiet machine, three groups of ten batch-1 forwards in a
     * row (2 threads) had medians of 99.5, 64.7 and 45.2 ms. PyTorch's allocator keeps its memory from the first call.
     */
    static final long INFERENCE_WARM_UP_NANOS = 3_000_000_000L;
    /** The bench-pytorch.py sibling that runs torchvision's ResNet-18. */
    static final String SCRIPT = "bench-pytorch-resnet.py";

    private ResNetTiming() {
    }

    static void run(PrintStream out, BenchOptions o, File pytorchScript) throws IOException, InterruptedException {
        File script = pytorchScript == null ? null : new File(pytorchScript.getParentFile(), SCRIPT);
        if (pytorchScript != null && !script.isFile()) {
            out.println("# resnet18: no PyTorch comparison, " + script + " not found");
            script = null;
        }
        File dir = Files.createTempDirectory("neuronlab-resnet-bench").toFile();
        try {
            inference(out, o, script, dir);
            training(out, o, script, dir);
        } finally {
            File[] files = dir.listFiles();
            for (File f : files == null ? new File[0] : files) {
                Files.deleteIfExists(f.toPath());
            }
            Files.deleteIfExists(dir.toPath());
        }
    }

    /** ResNet-18 at {@code --resnet-size} (ImageNet head at 64 and above, else the 32×32 stem and 10 classes). */
    static ImageInput inferenceInput(BenchOptions o) {
        int size = o.resnetSize;
        return new ImageInput(3, size, size < 64 ? 10 : 1000, 1, SEED);
    }

    private static void inference(PrintStream out, BenchOptions o, File script, File dir)
        throws IOException, InterruptedException {
        ImageInput in = inferenceInput(o);
        int size = in.size();
        Sequential model = ResNet.resnet18(in);
        model.train(false);
        int maxBatch = Bench.maxOf(o.resnetBatches);
        Tensor x = Tensor.randn(new Random(2), maxBatch, 3, size, size);
        File weights = new File(dir, "resnet18.safetensors");
        File input = new File(dir, "input.f32");
        File torchLogits = new File(dir, "logits.f32");
        TorchNames.stateDict(model, Collections.emptyMap()).write(weights);
        writeFloats(input, x.data());
        Bench.line(out, "resnet18.infer.input", "[N, 3, " + size + ", " + size + "], " + in.classes() + " classes", "");
        Map<Integer, Double> best = new java.util.TreeMap<>();
        Map<Integer, Double> bestTorch = new java.util.TreeMap<>();
        String caveat = "";
        for (int threads : o.threads) {
            Parallel.setThreads(threads);
            String t = ".t" + threads;
            for (int batch : o.resnetBatches) {
                Tensor xb = firstImages(x, batch);
                double ms = medianMillis(() -> model.forward(xb), o.resnetReps, INFERENCE_WARM_UP_NANOS);
                best.merge(batch, ms, Math::min);
                Bench.line(out, "resnet18.infer.batch" + batch + t, ms, "ms/batch (median of " + o.resnetReps + ")");
            }
            if (script != null) {
                List<String> raw = new ArrayList<>();
                Map<String, String> py = PyTorchBaseline.run(o.python, script, Arrays.asList("infer",
                    "--threads", Integer.toString(threads), "--weights", weights.getPath(), "--size",
                    Integer.toString(size), "--classes", Integer.toString(in.classes()), "--batches",
                    Bench.joined(o.resnetBatches), "--input", input.getPath(), "--logits", torchLogits.getPath(),
                    "--reps", Integer.toString(o.resnetReps)), raw);
                BlasInfo blas = BlasInfo.from(raw);
                caveat = blas.torchCaveat().isEmpty() ? caveat : blas.torchCaveat();
                for (int batch : o.resnetBatches) {
                    double torch = PyTorchBaseline.number(py, "infer.batch" + batch + ".ms");
                    bestTorch.merge(batch, torch, Math::min);
                    Bench.line(out, "pytorch.resnet18.infer.batch" + batch + t, torch, "ms/batch");
                }
            }
            Bench.load(out);
        }
        for (int batch : o.resnetBatches) {
            Double torch = bestTorch.get(batch);
            if (torch != null) {
                Bench.line(out, "ratio.resnet18.infer.batch" + batch + ".best_vs_best", best.get(batch) / torch,
                    "x (mllib/PyTorch time at each one's best thread count, lower is better; target <= 2)" + caveat);
            }
        }
        Tensor reference = model.forward(firstImages(x, 1));
        if (script != null) {
            float[] logits = readFloats(torchLogits, reference.numel());
            Bench.line(out, "resnet18.infer.pytorch_max_abs_diff", scientific(maxAbsDiff(reference.data(), logits)),
                "(PyTorch's logits vs mllib's, same weights and image)");
        }
        tflite(out, o, model, x, reference, best, bestTorch);
        if (o.profile) {
            Parallel.setThreads(Bench.maxOf(o.threads));
            Profiler.reset();
            Profiler.setEnabled(true);
            LayerKindProfile p;
            try {
                p = LayerKindProfile.measure(model, firstImages(x, 1), false, 3);
            } finally {
                Profiler.setEnabled(false);
            }
            out.println("# where ResNet-18 inference's time goes (batch 1, " + Parallel.threads()
                + " thread(s)): each layer timed alone on its input inside the network, summed by kind");
            p.print(out, "resnet18.infer", false);
            kernels(out, "resnet18.infer");
        }
    }

    /** The exported .tflite run by the desktop runtime; batch B is B batch-1 invocations (the exporter writes batch 1). */
    private static void tflite(PrintStream out, BenchOptions o, Sequential model, Tensor x, Tensor reference,
                               Map<Integer, Double> best, Map<Integer, Double> bestTorch) {
        List<TfliteRuntime> runtimes = TfliteRuntimes.available();
        if (runtimes.isEmpty()) {
            out.println("# resnet18: no TFLite runtime on the classpath (the CLI jar needs its lib/ directory)");
            return;
        }
        int size = x.shape()[2];
        byte[] bytes;
        try {
            bytes = TfliteExporter.toBytes(model, new int[] {3, size, size});
        } catch (RuntimeException e) {
            Bench.line(out, "resnet18.infer.tflite_cpu", "n/a", "(the TFLite exporter refuses it: " + e.getMessage() + ")");
            return;
        }
        TfliteRuntime runtime = runtimes.get(0);
        Bench.line(out, "resnet18.infer.tflite_cpu.runtime", runtime.name(), "(its default thread count)");
        int plane = 3 * size * size;
        int classes = reference.numel();
        try (TfliteInterpreter interpreter = runtime.load(bytes)) {
            float[] outputs = new float[classes];
            float[][] nhwc = new float[Bench.maxOf(o.resnetBatches)][];
            for (int i = 0; i < nhwc.length; i++) {
                nhwc[i] = toNhwc(x.data(), i * plane, size);
            }
            interpreter.run(nhwc[0], outputs);
            Bench.line(out, "resnet18.infer.tflite_cpu.max_abs_diff", scientific(maxAbsDiff(reference.data(), outputs)),
                "(TFLite's logits vs mllib's, same image)");
            for (int batch : o.resnetBatches) {
                double ms = medianMillis(() -> {
                    for (int i = 0; i < batch; i++) {
                        interpreter.run(nhwc[i], outputs);
                    }
                }, o.resnetReps);
                Bench.line(out, "resnet18.infer.batch" + batch + ".tflite_cpu", ms,
                    "ms/batch (" + batch + " batch-1 invocations)");
                Double torch = bestTorch.get(batch);
                if (torch != null) {
                    Bench.line(out, "ratio.resnet18.infer.batch" + batch + ".tflite_vs_pytorch", torch / ms,
                        "x (PyTorch's best time / TFLite's; target >= 1)");
                }
                Bench.line(out, "ratio.resnet18.infer.batch" + batch + ".tflite_vs_java", best.get(batch) / ms,
                    "x (mllib Java's best time / TFLite's)");
            }
        } catch (RuntimeException e) {
            Bench.line(out, "resnet18.infer.tflite_cpu", "n/a", "(" + e.getMessage() + ")");
        }
    }

    private static void training(PrintStream out, BenchOptions o, File script, File dir)
        throws IOException, InterruptedException {
        int batch = o.resnetTrainBatch;
        ImageInput in = ImageInput.cifar(SEED);
        Random random = new Random(3);
        Tensor x = Tensor.randn(random, batch, 3, in.size(), in.size());
        float[] labels = new float[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(in.classes());
        }
        Tensor y = Tensor.of(labels, batch);
        File weights = new File(dir, "resnet18-cifar.safetensors");
        File input = new File(dir, "train-input.f32");
        File targets = new File(dir, "train-labels.f32");
        TorchNames.stateDict(ResNet.resnet18(in), Collections.emptyMap()).write(weights);
        writeFloats(input, x.data());
        writeFloats(targets, labels);
        Bench.line(out, "resnet18.train.setup", "32x32x3 stem, 10 classes, batch " + batch + ", SGD lr " + LEARNING_RATE
            + ", " + o.resnetSteps + " timed steps after one", "");
        double best = Double.MAX_VALUE;
        double bestTorch = Double.MAX_VALUE;
        String caveat = "";
        Sequential last = null;
        for (int threads : o.threads) {
            Parallel.setThreads(threads);
            String t = ".t" + threads;
            Sequential model = ResNet.resnet18(in); // the same weights each time (same seed)
            SGD sgd = new SGD(new ArrayList<>(model.parameters().values()), LEARNING_RATE);
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
            model.train(true);
            model.reuseBuffers(true); // as the Trainer does
            float first = step(model, sgd, loss, x, y);
            float[] lastLoss = {first};
            // exactly two warm-up steps, as the PyTorch side, so that both last losses are after the same steps
            double ms = medianMillis(() -> lastLoss[0] = step(model, sgd, loss, x, y), o.resnetSteps, 0);
            best = Math.min(best, ms);
            Bench.line(out, "resnet18.train.step" + t, ms, "ms/step (median of " + o.resnetSteps + ")");
            Bench.line(out, "resnet18.train.first_loss" + t, String.format(java.util.Locale.ROOT, "%.6f", first), "");
            Bench.line(out, "resnet18.train.last_loss" + t, String.format(java.util.Locale.ROOT, "%.6f", lastLoss[0]),
                "(after " + (o.resnetSteps + 3) + " steps)");
            if (script != null) {
                List<String> raw = new ArrayList<>();
                Map<String, String> py = PyTorchBaseline.run(o.python, script, Arrays.asList("train",
                    "--threads", Integer.toString(threads), "--weights", weights.getPath(), "--input",
                    input.getPath(), "--labels", targets.getPath(), "--batch", Integer.toString(batch),
                    "--steps", Integer.toString(o.resnetSteps), "--lr", Float.toString(LEARNING_RATE)), raw);
                BlasInfo blas = BlasInfo.from(raw);
                caveat = blas.torchCaveat().isEmpty() ? caveat : blas.torchCaveat();
                double torch = PyTorchBaseline.number(py, "train.step.ms");
                bestTorch = Math.min(bestTorch, torch);
                Bench.line(out, "pytorch.resnet18.train.step" + t, torch, "ms/step");
                Bench.line(out, "pytorch.resnet18.train.first_loss" + t, py.get("train.first_loss"),
                    "(same weights and batch: equals mllib's first loss)");
                Bench.line(out, "pytorch.resnet18.train.last_loss" + t, py.get("train.last_loss"), "");
                Bench.line(out, "ratio.resnet18.train.step" + t, ms / torch, "x (mllib/PyTorch time, lower is better)"
                    + blas.torchCaveat());
            }
            Bench.load(out);
            last = model;
        }
        if (script != null) {
            Bench.line(out, "ratio.resnet18.train.best_vs_best", best / bestTorch,
                "x (mllib/PyTorch step time at each one's best thread count, lower is better)" + caveat);
        }
        if (o.profile && last != null) {
            Parallel.setThreads(Bench.maxOf(o.threads));
            Profiler.reset();
            Profiler.setEnabled(true);
            LayerKindProfile p;
            try {
                p = LayerKindProfile.measure(last, x, true, 3);
            } finally {
                Profiler.setEnabled(false);
            }
            out.println("# where the small ResNet-18's training step goes (batch " + batch + ", " + Parallel.threads()
                + " thread(s)): each layer's forward and backward timed alone, summed by kind");
            p.print(out, "resnet18.train", true);
            kernels(out, "resnet18.train");
        }
    }

    private static float step(Sequential model, SGD sgd, SoftmaxCrossEntropy loss, Tensor x, Tensor y) {
        float value = loss.forward(model.forward(x), y);
        model.backwardParameters(loss.backward());
        sgd.step();
        model.zeroGrad();
        return value;
    }

    private static void kernels(PrintStream out, String prefix) {
        for (int slot = 0; slot < Profiler.slots(); slot++) {
            Bench.line(out, "profile." + prefix + ".kernel." + Profiler.name(slot), Profiler.nanos(slot) / 1e6,
                "ms (summed over threads, all profiled calls)");
        }
    }

    /** Median wall time of {@code reps} runs after warm-up runs (at least two, and at least a second of them), ms. */
    static double medianMillis(Runnable work, int reps) {
        return medianMillis(work, reps, 1_000_000_000L);
    }

    /** The same after two warm-up runs, or more until {@code warmUpNanos} have passed. */
    static double medianMillis(Runnable work, int reps, long warmUpNanos) {
        long warm = System.nanoTime();
        for (int i = 0; i < 2 || System.nanoTime() - warm < warmUpNanos; i++) {
            work.run();
        }
        long[] nanos = new long[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos[reps / 2] / 1e6;
    }

    private static Tensor firstImages(Tensor x, int n) {
        int[] shape = x.shape().clone();
        int per = x.numel() / shape[0];
        shape[0] = n;
        return Tensor.of(Arrays.copyOf(x.data(), n * per), shape);
    }

    /** One image of {@code nchw} (from {@code offset}) as [H, W, C]. */
    private static float[] toNhwc(float[] nchw, int offset, int size) {
        float[] out = new float[3 * size * size];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < size * size; p++) {
                out[p * 3 + c] = nchw[offset + c * size * size + p];
            }
        }
        return out;
    }

    private static String scientific(double v) {
        return String.format(java.util.Locale.ROOT, "%.2e", v);
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return a.length == b.length ? m : Double.NaN;
    }

    private static void writeFloats(File f, float[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        Files.write(f.toPath(), buf.array());
    }

    private static float[] readFloats(File f, int count) throws IOException {
        byte[] bytes = Files.readAllBytes(f.toPath());
        if (bytes.length != 4 * count) {
            throw new IOException(f + " holds " + bytes.length / 4 + " floats, expected " + count);
        }
        float[] out = new float[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
