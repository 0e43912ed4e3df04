package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.bench.Bench;
import io.neuronlab.mllib.bench.BenchOptions;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code bench}: the speed benchmark of {@link Bench}, with its options as CLI options. */
@DesktopOnly
final class BenchCommand implements Command {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure GEMM, LeNet training and inference, and convolution engines (side by side with PyTorch if installed)";
    }

    @Override
    public String details() {
        return "Prints 'name: value unit' lines. With python3-torch (and python3-numpy) installed, the same\n"
            + "measurements run in PyTorch in the same run and the ratios mllib / PyTorch are printed.\n"
            + "conv.* lines time each LeNet and deep-CNN convolution (batch 1 and 64) in the Java engine and in\n"
            + "TFLite on the CPU (the desktop runtime in the jar's lib/), with TFLite's speed-up over Java.";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("threads", "N,M", null, "thread counts to measure, e.g. 1,2"));
        o.add(Option.value("gemm", "SIZES", null, "GEMM sizes, e.g. 128,256,512,1024"));
        o.add(Option.value("train-images", "N", null, "images in the LeNet training measurement (default: a full epoch)"));
        o.add(DataDir.OPTION);
        o.add(Option.value("python", "EXE", null, "Python with torch for the comparison"));
        o.add(Option.value("openblas", "LIB", null, "libopenblas.so.0 to compare GEMM with (default: the one "
            + "scripts/fetch-openblas.sh unpacks into .cache/openblas, else the installed libopenblas0-pthread)"));
        o.add(Option.flag("no-compare", "skip the PyTorch comparison"));
        o.add(Option.flag("no-profile", "skip the where-the-time-goes breakdown"));
        o.add(Option.flag("no-lenet", "skip the LeNet training and inference measurements"));
        o.add(Option.flag("no-conv", "skip the per-convolution Java vs TFLite CPU timings"));
        o.add(Option.value("deep-images", "N", null, "images in the deep CNN training measurement (default 6000)"));
        o.add(Option.flag("no-deep", "skip the deep CNN training measurement"));
        o.add(Option.flag("no-memory", "skip the peak memory of train LeNet-bench (a child JVM)"));
        o.add(Option.flag("no-floor", "skip the phone floor (a child JVM with -XX:-UseSuperWord)"));
        o.add(Option.flag("no-resnet", "skip ResNet-18 (inference in Java, TFLite and PyTorch; a training step)"));
        o.add(Option.value("resnet-size", "N", null, "ResNet-18 inference image side (default 224)"));
        o.add(Option.value("resnet-batches", "N,M", null, "ResNet-18 inference batch sizes (default 1,8)"));
        o.add(Option.value("resnet-reps", "N", null, "timed repetitions of each ResNet-18 inference (default 5)"));
        o.add(Option.value("resnet-train-batch", "N", null, "batch of the small ResNet-18's training step (default 32)"));
        o.add(Option.value("resnet-steps", "N", null, "timed training steps of the small ResNet-18 (default 5)"));
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("bench takes no arguments, got " + args.positional());
        }
        BenchOptions o = new BenchOptions().mnistDir(DataDir.resolve(args, console));
        if (args.has("threads")) {
            o.threads(ints(args, "threads"));
        }
        if (args.has("gemm")) {
            o.gemmSizes(ints(args, "gemm"));
        }
        if (args.has("train-images")) {
            o.trainImages(args.positiveInt("train-images"));
        }
        if (args.has("python")) {
            o.python(args.get("python"));
        }
        if (args.has("openblas")) {
            File lib = args.file("openblas");
            if (!lib.isFile()) {
                throw new UsageException("--openblas " + lib + ": no such file (scripts/fetch-openblas.sh fetches it)");
            }
            o.openblas(lib);
        }
        if (args.has("deep-images")) {
            o.deepImages(args.positiveInt("deep-images"));
        }
        if (args.has("resnet-size")) {
            o.resnetSize(args.positiveInt("resnet-size"));
        }
        if (args.has("resnet-batches")) {
            o.resnetBatches(ints(args, "resnet-batches"));
        }
        if (args.has("resnet-reps")) {
            o.resnetReps(args.positiveInt("resnet-reps"));
        }
        o.resnetTraining(args.has("resnet-train-batch") ? args.positiveInt("resnet-train-batch") : 32,
            args.has("resnet-steps") ? args.positiveInt("resnet-steps") : 5);
        o.resnet(!args.flag("no-resnet"));
        o.compare(!args.flag("no-compare")).profile(!args.flag("no-profile")).lenet(!args.flag("no-lenet"))
            .conv(!args.flag("no-conv")).deep(!args.flag("no-deep")).memory(!args.flag("no-memory"))
            .floor(!args.flag("no-floor"));
        try {
            Bench.run(console.out(), o);
        } catch (IOException e) {
            throw new CommandFailedException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }

    private static int[] ints(Args args, String name) throws UsageException {
        String[] parts = args.required(name).split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " takes comma-separated whole numbers, got \"" + args.get(name) + "\"");
            }
            if (out[i] <= 0) {
                throw new UsageException("--" + name + " values must be positive, got " + out[i]);
            }
        }
        return out;
    }
}
