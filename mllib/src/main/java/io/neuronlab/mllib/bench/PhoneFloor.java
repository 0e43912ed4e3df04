package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.models.LeNetBench;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Adam;
import io.neuronlab.mllib.tensor.Gemm;
import io.neuronlab.mllib.tensor.Parallel;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The phone floor: GEMM 512, LeNet-bench training and the app's fine-tuning on 50 samples in a child JVM with HotSpot's auto-vectorization off
 * ({@code -XX:-UseSuperWord}) and the plain-Java GEMM kernel — a rough stand-in for Android's ART, which does not
 * vectorize loops — so that a change which only helps the desktop JIT shows up as one.
 */
@DesktopOnly
final class PhoneFloor {
    static final List<String> JVM = Arrays.asList("-Xmx1g", "-XX:-UseSuperWord", "-Dneuronlab.gemm=plain");

    private PhoneFloor() {
    }

    static void run(PrintStream out, File mnistDir, int trainImages, int threads)
        throws IOException, InterruptedException {
        List<String> lines = ChildJvm.run(JVM, PhoneFloor.class, Arrays.asList(mnistDir.getPath(),
            Integer.toString(trainImages), Integer.toString(threads)));
        String how = "(child JVM " + String.join(" ", JVM) + ", " + threads + " threads, kernel "
            + ChildJvm.value(lines, "kernel") + ")";
        Bench.line(out, "floor.gemm.512", ChildJvm.number(lines, "gemm.512"), "GFLOP/s " + how);
        Bench.line(out, "floor.lenet.train.t" + threads, ChildJvm.number(lines, "lenet.train"), "images/s " + how);
        if (ChildJvm.value(lines, "finetune.50samples") != null) {
            Bench.line(out, "floor.finetune.50samples", ChildJvm.number(lines, "finetune.50samples"), "s " + how);
        }
    }

    /** The child: {@code <mnist dir> <training images> <threads>}. */
    public static void main(String[] args) throws IOException {
        Parallel.setThreads(Integer.parseInt(args[2]));
        System.out.println("kernel: " + Gemm.kernelName());
        System.out.println("gemm.512: " + GemmBench.gflops(512) + " GFLOP/s");
        Dataset all = Mnist.train(new File(args[0]));
        int images = Integer.parseInt(args[1]);
        Dataset train = images < all.size() ? all.subset(0, images) : all;
        Sequential model = LeNetBench.create(LeNetTiming.SEED);
        Adam adam = new Adam(LeNetTiming.params(model), LeNetBench.LEARNING_RATE);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        LeNetTiming.trainBatches(model, adam, loss,
            new DataLoader(train.subset(0, Math.min(train.size(), 100 * LeNetTiming.BATCH)), LeNetTiming.BATCH), null);
        long start = System.nanoTime();
        LeNetTiming.trainBatches(model, adam, loss, new DataLoader(train, LeNetTiming.BATCH).shuffle(LeNetTiming.SEED),
            null);
        System.out.println("lenet.train: " + train.size() / ((System.nanoTime() - start) / 1e9) + " images/s");
        FineTuneTiming.Measured fineTune = FineTuneTiming.measure(new File(args[0]));
        if (fineTune != null) {
            System.out.println("finetune.50samples: " + fineTune.seconds() + " s");
        }
        System.out.flush();
    }
}
