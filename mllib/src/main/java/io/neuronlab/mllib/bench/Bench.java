package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.tensor.Gemm;
import io.neuronlab.mllib.tensor.Parallel;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileReader;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code mllib bench}: prints {@code name: value unit} lines — GEMM GFLOP/s, LeNet-bench training images/s over
 * a full epoch, single-image inference latency (median of 1000), batch-1000 inference images/s, peak heap — and,
 * when {@code /usr/bin/python3} has torch (and numpy), the same measurements in PyTorch in the same run with the
 * same thread counts, and the ratios mllib / PyTorch; then every LeNet and deep-CNN convolution in the Java and
 * the TFLite CPU engine ({@link ConvTiming}). The machine's load average is printed beside the figures,
 * since a shared machine skews both sides.
 */
@DesktopOnly
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        run(System.out, o);
    }

    /** The command-line options, for {@code main} and the CLI's {@code bench} command. */
    public static final String USAGE = "--threads 1,2  --gemm 128,256,512,1024  --train-images 60000  --mnist DIR  "
        + "--python /usr/bin/python3  --openblas LIB  --no-compare (skip PyTorch/numpy)  --no-profile  --no-lenet (GEMM only)  --no-conv  "
        + "--deep-images 6000  --no-deep  --no-memory  --no-floor  --no-resnet  --resnet-size 224  --resnet-batches 1,8  "
        + "--resnet-reps 5  --resnet-train-batch 32  --resnet-steps 5";

    /** Parses bench options; throws IllegalArgumentException naming the bad option. */
    public static BenchOptions parse(String[] args) {
        BenchOptions o = new BenchOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--threads": o.threads(ints(v, a)); i++; break;
                case "--gemm": o.gemmSizes(ints(v, a)); i++; break;
                case "--train-images": o.trainImages(ints(v, a)[0]); i++; break;
                case "--mnist": o.mnistDir(new File(require(v, a))); i++; break;
                case "--python": o.python(require(v, a)); i++; break;
                case "--openblas": o.openblas(new File(require(v, a))); i++; break;
                case "--no-compare": o.compare(false); break;
                case "--no-profile": o.profile(false); break;
                case "--no-lenet": o.lenet(false); break;
                case "--no-conv": o.conv(false); break;
                case "--deep-images": o.deepImages(ints(v, a)[0]); i++; break;
                case "--no-deep": o.deep(false); break;
                case "--no-memory": o.memory(false); break;
                case "--no-floor": o.floor(false); break;
                case "--no-resnet": o.resnet(false); break;
                case "--resnet-size": o.resnetSize(ints(v, a)[0]); i++; break;
                case "--resnet-batches": o.resnetBatches(ints(v, a)); i++; break;
                case "--resnet-reps": o.resnetReps(ints(v, a)[0]); i++; break;
                case "--resnet-train-batch": o.resnetTraining(ints(v, a)[0], o.resnetSteps); i++; break;
                case "--resnet-steps": o.resnetTraining(o.resnetTrainBatch, ints(v, a)[0]); i++; break;
                default:
                    throw new IllegalArgumentException("unknown option " + a + "; options: " + USAGE);
            }
        }
        return o;
    }

    private static String require(String v, String option) {
        if (v == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return v;
    }

    static int[] ints(String v, String option) {
        String[] parts = require(v, option).split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes comma-separated integers, got '" + v + "'");
            }
        }
        return out;
    }

    /** Runs the benchmark described by {@code o}, printing to {@code out}. */
    public static void run(PrintStream out, BenchOptions o) throws IOException, InterruptedException {
        int savedThreads = Parallel.threads();
        try {
            runAll(out, o);
        } finally {
            Parallel.setThreads(savedThreads);
        }
    }

    private static void runAll(PrintStream out, BenchOptions o) throws IOException, InterruptedException {
        line(out, "machine.cpus", String.valueOf(Runtime.getRuntime().availableProcessors()), "");
        line(out, "machine.java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), "");
        load(out);

        boolean python = o.compare && PyTorchBaseline.hasModule(o.python, "torch");
        File script = python ? PyTorchBaseline.findScript(o.pytorchScript) : null;
        if (o.compare && !python) {
            out.println("# no PyTorch comparison: " + o.python + " cannot import torch");
        } else if (python && script == null) {
            out.println("# no PyTorch comparison: scripts/bench-pytorch.py not found (run from the repository root)");
            python = false;
        }

        // GEMM: mllib with all threads, then numpy/torch in the same run
        Parallel.setThreads(maxOf(o.threads));
        line(out, "gemm.threads", String.valueOf(Parallel.threads()), "");
        line(out, "gemm.kernel", Gemm.kernelName(), Gemm.kernelName().equals("plain")
            ? "(the Vector API kernel needs the JVM option --add-modules jdk.incubator.vector)" : "");
        double[] gemm = new double[o.gemmSizes.length];
        for (int i = 0; i < gemm.length; i++) {
            gemm[i] = GemmBench.gflops(o.gemmSizes[i]);
            line(out, "gemm." + o.gemmSizes[i], gemm[i], "GFLOP/s");
        }
        if (python && gemm.length > 0) {
            List<String> args = new ArrayList<>();
            args.add("--mnist");
            args.add(o.mnistDir.getPath());
            args.add("--threads");
            args.add(Integer.toString(maxOf(o.threads)));
            args.add("--skip-train");
            args.add("--gemm");
            args.add(joined(o.gemmSizes));
            if (o.openblas != null) {
                args.add("--openblas");
                args.add(o.openblas.getPath());
            }
            List<String> raw = new ArrayList<>();
            Map<String, String> py = PyTorchBaseline.run(o.python, script, args, raw);
            BlasInfo blas = BlasInfo.from(raw);
            blas.print(out);
            for (int i = 0; i < gemm.length; i++) {
                int n = o.gemmSizes[i];
                double np = PyTorchBaseline.number(py, "numpy.gemm." + n);
                double tm = PyTorchBaseline.number(py, "torch.gemm." + n);
                line(out, "numpy.gemm." + n, np, "GFLOP/s");
                line(out, "gemm." + n + ".vs_numpy", gemm[i] / np, "x" + blas.numpyCaveat());
                line(out, "torch.gemm." + n, tm, "GFLOP/s");
                line(out, "gemm." + n + ".vs_torch", gemm[i] / tm, "x" + blas.torchCaveat());
                if (o.openblas != null) {
                    double ob = PyTorchBaseline.number(py, "openblas.gemm." + n);
                    line(out, "openblas.gemm." + n, ob, "GFLOP/s");
                    line(out, "gemm." + n + ".vs_openblas", gemm[i] / ob, "x (target >= 0.5 at 512)" + blas.openblasCaveat());
                }
            }
            if (o.openblas == null) {
                out.println("# no OpenBLAS figures: apt-get install libopenblas0-pthread (or scripts/fetch-openblas.sh)");
            }
            load(out);
        }

        if (o.lenet) {
            LeNetTiming.run(out, o, python ? script : null);
            FineTuneTiming.run(out, o.mnistDir);
        }
        if (o.lenet && o.deep) {
            DeepCnnTiming.run(out, o, python ? script : null);
        }
        if (o.resnet) { // needs no MNIST: runs under --no-lenet too
            ResNetTiming.run(out, o, python ? script : null);
            load(out);
        }
        if (o.lenet && o.floor) {
            PhoneFloor.run(out, o.mnistDir, o.trainImages, maxOf(o.threads));
            load(out);
        }
        if (o.lenet && o.memory) {
            PeakMemory.run(out, o.mnistDir);
            load(out);
        }
        if (o.conv) {
            ConvTiming.run(out);
            load(out);
        }
        line(out, "heap.peak", peakHeapBytes() / (1024.0 * 1024.0), "MiB");
        load(out);
    }

    /** Sum of the heap pools' peak usage since the JVM started. */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static void load(PrintStream out) {
        File f = new File("/proc/loadavg");
        if (!f.canRead()) {
            return;
        }
        try (BufferedReader r = new BufferedReader(new FileReader(f))) {
            String[] parts = r.readLine().split(" ");
            out.println("machine.load_1min: " + parts[0] + " (load average, shared machine)");
        } catch (IOException | RuntimeException ignored) {
            // no load figure: not worth failing the bench for
        }
    }

    static void line(PrintStream out, String name, double value, String unit) {
        String v = Double.isNaN(value) ? "n/a" : Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.1f", value)
            : String.format(Locale.ROOT, "%.3f", value);
        out.println(name + ": " + v + (unit.isEmpty() ? "" : " " + unit));
        out.flush();
    }

    static void line(PrintStream out, String name, Object value, String unit) {
        out.println(name + ": " + value + (unit.isEmpty() ? "" : " " + unit));
        out.flush();
    }

    static int maxOf(int[] xs) {
        int m = 1;
        for (int x : xs) {
            m = Math.max(m, x);
        }
        return m;
    }

    static String joined(int[] xs) {
        StringBuilder sb = new StringBuilder();
        for (int x : xs) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(x);
        }
        return sb.toString();
    }
}
