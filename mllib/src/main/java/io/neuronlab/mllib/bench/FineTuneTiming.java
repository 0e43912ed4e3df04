package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.digits.DigitModel;
import io.neuronlab.mllib.lab.FineTuner;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.train.CancelToken;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * {@code finetune.50samples}: the app's fine-tuning (lab.FineTuner with its default options: dense layers, 8 epochs,
 * 2 MNIST replay images per sample, before/after evaluation on 2,000 MNIST test images) of the shipped digit model on
 * 50 samples (5 per digit, MNIST test digits shifted 2 px as a stand-in for a user's), wall seconds of the whole
 * call after one warm-up run.
 */
@DesktopOnly
final class FineTuneTiming {
    static final String MODEL = "app/src/main/assets/models/digits.nlmf";

    private FineTuneTiming() {
    }

    /** One timed fine-tuning: wall and CPU seconds of the call after a warm-up run, and its result. */
    record Measured(double seconds, double cpuSeconds, FineTuner.Result result) {
    }

    static void run(PrintStream out, File mnistDir) throws IOException {
        Measured m = measure(mnistDir);
        if (m == null) {
            out.println("# no finetune figure: " + MODEL + " not found (run from the repository root)");
            return;
        }
        Bench.line(out, "finetune.50samples", m.seconds(), "s (40 train + 10 held out, 80 replay, 8 epochs, eval 2x2000)");
        // on a shared machine the wall time says more about the neighbours; CPU seconds of all threads do not
        Bench.line(out, "finetune.50samples.cpu", m.cpuSeconds(), "s of CPU, all threads");
        Bench.line(out, "finetune.50samples.mnist_before", m.result().mnistBefore(), "");
        Bench.line(out, "finetune.50samples.mnist_after", m.result().mnistAfter(), "");
    }

    /** Fine-tunes the shipped model twice (the first run warms up the JIT) and times the second; null without it. */
    static Measured measure(File mnistDir) throws IOException {
        File model = new File(MODEL);
        if (!model.isFile()) {
            model = new File("../" + MODEL);
        }
        if (!model.isFile()) {
            return null;
        }
        Dataset train = Mnist.train(mnistDir).subset(0, 2_000);
        Dataset test = Mnist.test(mnistDir);
        Dataset samples = samples(test, 5);
        Dataset mnistTest = test.subset(0, 2_000);
        Measured measured = null;
        for (int round = 0; round < 2; round++) {
            Sequential net = load(model);
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            FineTuner.Result result =
                FineTuner.fineTune(net, samples, train, mnistTest, new FineTuner.Options(), new CancelToken());
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = cpuStart < 0 ? Double.NaN : (processCpuNanos() - cpuStart) / 1e9;
            measured = new Measured(seconds, cpuSeconds, result);
        }
        return measured;
    }

    /** CPU time of the whole process (all threads), or -1 where the JVM does not report it. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime();
        }
        return -1;
    }

    private static Sequential load(File file) throws IOException {
        try (InputStream in = new FileInputStream(file)) {
            return DigitModel.load(in, file.getPath());
        }
    }

    /** {@code perDigit} digits of each class from the end of {@code source}, shifted 2 px right. */
    private static Dataset samples(Dataset source, int perDigit) {
        float[] images = new float[10 * perDigit * 784];
        int[] labels = new int[10 * perDigit];
        int[] taken = new int[10];
        int n = 0;
        for (int i = source.size() - 1; i >= 0 && n < labels.length; i--) {
            int d = source.label(i);
            if (taken[d]++ < perDigit) {
                float[] img = source.example(i).data();
                for (int y = 0; y < 28; y++) {
                    for (int x = 2; x < 28; x++) {
                        images[n * 784 + y * 28 + x] = img[y * 28 + x - 2];
                    }
                }
                labels[n++] = d;
            }
        }
        return new Dataset(Tensor.of(images, n, 1, 28, 28), labels, 10);
    }
}
