package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;

import java.io.File;
import java.util.Arrays;

/**
 * What {@link Bench} measures. Defaults are the full benchmark: GEMM at 128/256/512/1024, LeNet-bench on all
 * 60,000 training images with 1 and 2 threads, PyTorch and numpy alongside when {@code /usr/bin/python3} has them.
 */
@DesktopOnly
public final class BenchOptions {
    int[] threads = {1, 2};
    int[] gemmSizes = {128, 256, 512, 1024};
    int trainImages = 60000;
    File mnistDir = defaultMnistDir();
    String python = "/usr/bin/python3";
    boolean compare = true;
    boolean profile = true;
    boolean lenet = true;
    boolean conv = true;
    boolean deep = true;
    int deepImages = 6000;
    boolean memory = true;
    boolean floor = true;
    File pytorchScript;
    boolean resnet = true;
    int resnetSize = 224;
    int[] resnetBatches = {1, 8};
    int resnetReps = 5;
    int resnetTrainBatch = 32;
    int resnetSteps = 5;
    File openblas = defaultOpenBlas();

    /** Thread counts to run LeNet-bench with (each also for PyTorch). */
    public BenchOptions threads(int... counts) {
        for (int t : counts) {
            if (t < 1) {
                throw new IllegalArgumentException("thread counts must be >= 1, got " + Arrays.toString(counts));
            }
        }
        this.threads = counts.clone();
        return this;
    }

    public BenchOptions gemmSizes(int... sizes) {
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("GEMM sizes must be >= 1, got " + Arrays.toString(sizes));
            }
        }
        this.gemmSizes = sizes.clone();
        return this;
    }

    /** How many training images one timed epoch uses (60,000 = a full MNIST epoch, the figure docs/bench.md reports). */
    public BenchOptions trainImages(int count) {
        if (count < 64) {
            throw new IllegalArgumentException("need at least one batch of 64 training images, got " + count);
        }
        this.trainImages = count;
        return this;
    }

    public BenchOptions mnistDir(File dir) {
        this.mnistDir = dir;
        return this;
    }

    /** The Python that runs the PyTorch/numpy side. */
    public BenchOptions python(String executable) {
        this.python = executable;
        return this;
    }

    /** Whether to run the PyTorch/numpy comparison at all. */
    public BenchOptions compare(boolean on) {
        this.compare = on;
        return this;
    }

    /** Whether to run the extra profiled epoch that splits the training time by kernel. */
    public BenchOptions profile(boolean on) {
        this.profile = on;
        return this;
    }

    /** Whether to run LeNet-bench (off: GEMM only). */
    public BenchOptions lenet(boolean on) {
        this.lenet = on;
        return this;
    }

    /** Whether to time the LeNet and deep-CNN convolutions in the Java and TFLite CPU engines. */
    public BenchOptions conv(boolean on) {
        this.conv = on;
        return this;
    }

    /** Whether to time the book's deep CNN's training (and PyTorch's), on {@link #deepImages(int)} images. */
    public BenchOptions deep(boolean on) {
        this.deep = on;
        return this;
    }

    /** How many training images the deep CNN's timed pass uses (at least one batch of 100). */
    public BenchOptions deepImages(int count) {
        if (count < 100) {
            throw new IllegalArgumentException("need at least one batch of 100 images for the deep CNN, got " + count);
        }
        this.deepImages = count;
        return this;
    }

    /** Whether to time ResNet-18 (inference in Java, TFLite and PyTorch; a training step in Java and PyTorch). */
    public BenchOptions resnet(boolean on) {
        this.resnet = on;
        return this;
    }

    /** ResNet-18 inference image side (224 = the published input; under 64 the 32×32 stem and 10 classes). */
    public BenchOptions resnetSize(int size) {
        if (size < 8) {
            throw new IllegalArgumentException("the ResNet-18 input side must be at least 8, got " + size);
        }
        this.resnetSize = size;
        return this;
    }

    /** ResNet-18 inference batch sizes, and timed repetitions of each. */
    public BenchOptions resnetBatches(int... sizes) {
        this.resnetBatches = positive(sizes, "ResNet batch sizes").clone();
        return this;
    }

    public BenchOptions resnetReps(int reps) {
        this.resnetReps = positive(new int[] {reps}, "--resnet-reps")[0];
        return this;
    }

    /** The small-input ResNet-18 training step: batch size and timed steps. */
    public BenchOptions resnetTraining(int batch, int steps) {
        this.resnetTrainBatch = positive(new int[] {batch}, "--resnet-train-batch")[0];
        this.resnetSteps = positive(new int[] {steps}, "--resnet-steps")[0];
        return this;
    }

    private static int[] positive(int[] values, String what) {
        if (values.length == 0) {
            throw new IllegalArgumentException(what + " needs at least one value");
        }
        for (int v : values) {
            if (v < 1) {
                throw new IllegalArgumentException(what + " must be >= 1, got " + Arrays.toString(values));
            }
        }
        return values;
    }

    /** Whether to measure the peak resident memory of {@code train} LeNet-bench in its own JVM. */
    public BenchOptions memory(boolean on) {
        this.memory = on;
        return this;
    }

    /** Whether to measure the phone floor (a child JVM with -XX:-UseSuperWord and the plain GEMM kernel). */
    public BenchOptions floor(boolean on) {
        this.floor = on;
        return this;
    }

    /** The PyTorch script; by default {@code scripts/bench-pytorch.py} found from the working directory or the jar. */
    public BenchOptions pytorchScript(File script) {
        this.pytorchScript = script;
        return this;
    }

    /** An unpacked OpenBLAS (scripts/fetch-openblas.sh) to time cblas_sgemm from; null: no OpenBLAS figures. */
    public BenchOptions openblas(File library) {
        this.openblas = library;
        return this;
    }

    /** An unpacked copy (scripts/fetch-openblas.sh), else Debian's installed libopenblas0-pthread. */
    private static File defaultOpenBlas() {
        String lib = "usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0";
        for (File f : new File[] {new File(".cache/openblas/" + lib), new File("/" + lib)}) {
            if (f.isFile()) {
                return f;
            }
        }
        return null;
    }

    private static File defaultMnistDir() {
        String p = System.getProperty("neuronlab.mnist.dir");
        if (p == null) {
            p = System.getenv("NEURONLAB_DATA");
        }
        return new File(p != null ? p : ".cache/mnist");
    }
}
