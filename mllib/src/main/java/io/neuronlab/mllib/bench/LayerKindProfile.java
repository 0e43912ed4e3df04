package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.nn.Concat;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Residual;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Where a network's time goes, by layer kind ({@code conv2d_3x3}, {@code batchnorm}, {@code relu}, …): every leaf
 * layer is timed on its own, on the very input it gets inside the network (recorded by one forward that walks
 * {@link Sequential}, {@link Residual} and {@link Concat} containers), and the times are summed per kind. What the
 * leaves do not account for — the residual sums, the concatenations, moving data between layers — is the whole
 * network's time minus their sum ({@code rest}). Backward times use a dense random gradient at each layer's output
 * (in real training ReLU zeroes part of it, which the GEMM kernel skips), and the first layer only computes its
 * parameter gradients, as the trainer does.
 */
@DesktopOnly
final class LayerKindProfile {
    private record Leaf(Layer layer, Tensor input, boolean first) {
    }

    private final Map<String, double[]> millis = new LinkedHashMap<>(); // kind → {forward, backward}
    private double totalMillis;

    private LayerKindProfile() {
    }

    /** Median times over {@code reps} of each leaf's forward (and backward when {@code backward}). */
    static LayerKindProfile measure(Sequential model, Tensor x, boolean backward, int reps) {
        boolean reuse = model.reusesBuffers();
        model.reuseBuffers(false); // recorded inputs must not be overwritten by later calls
        try {
            List<Leaf> leaves = new ArrayList<>();
            record(model, x, leaves);
            LayerKindProfile p = new LayerKindProfile();
            Random random = new Random(5);
            for (Leaf leaf : leaves) {
                double[] t = time(leaf, backward, reps, random);
                double[] sum = p.millis.computeIfAbsent(kind(leaf.layer()), k -> new double[2]);
                sum[0] += t[0];
                sum[1] += t[1];
            }
            long[] whole = new long[reps];
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                model.forward(x);
                whole[r] = System.nanoTime() - t0;
            }
            p.totalMillis = median(whole);
            return p;
        } finally {
            model.reuseBuffers(reuse);
        }
    }

    /** Kind → {forward ms, backward ms}, in the order the kinds first appear in the network. */
    Map<String, double[]> millisByKind() {
        return millis;
    }

    /** Median time of the whole network's forward, ms. */
    double totalForwardMillis() {
        return totalMillis;
    }

    /** Prints {@code profile.<prefix>.<kind>.forward/backward} lines and the forward's unaccounted rest. */
    void print(java.io.PrintStream out, String prefix, boolean backward) {
        double leafForward = 0;
        double all = 0;
        for (double[] t : millis.values()) {
            leafForward += t[0];
            all += t[0] + t[1];
        }
        double rest = Math.max(0, totalMillis - leafForward);
        all += rest;
        for (Map.Entry<String, double[]> e : millis.entrySet()) {
            String name = "profile." + prefix + "." + e.getKey();
            Bench.line(out, name + ".forward", e.getValue()[0], percent(e.getValue()[0], all));
            if (backward) {
                Bench.line(out, name + ".backward", e.getValue()[1], percent(e.getValue()[1], all));
            }
        }
        Bench.line(out, "profile." + prefix + ".forward_total", totalMillis, "ms (the whole network's forward)");
        Bench.line(out, "profile." + prefix + ".rest", rest,
            percent(rest, all).replace(")", ", residual sums, concatenations, copies between layers)"));
    }

    private static String percent(double ms, double all) {
        return String.format(Locale.ROOT, "ms (%.1f%%)", 100 * ms / all);
    }

    /** Runs {@code layer} on {@code x}, noting every leaf layer with its input; returns the output. */
    private static Tensor record(Layer layer, Tensor x, List<Leaf> leaves) {
        if (layer instanceof Sequential) {
            Tensor y = x;
            for (Layer child : ((Sequential) layer).namedLayers().values()) {
                y = record(child, y, leaves);
            }
            return y;
        }
        if (layer instanceof Residual || layer instanceof Concat) {
            for (Layer child : containerPaths(layer)) {
                record(child, x, leaves); // every path of a block reads the block's input
            }
            return layer.forward(x);
        }
        leaves.add(new Leaf(layer, x, leaves.isEmpty()));
        return layer.forward(x);
    }

    private static List<Layer> containerPaths(Layer block) {
        List<Layer> paths = new ArrayList<>();
        if (block instanceof Residual) {
            Residual r = (Residual) block;
            paths.add(r.branch());
            if (r.downsample() != null) {
                paths.add(r.downsample());
            }
        } else {
            paths.addAll(block.children().values());
        }
        return paths;
    }

    private static double[] time(Leaf leaf, boolean backward, int reps, Random random) {
        Layer l = leaf.layer();
        Tensor y = l.forward(leaf.input()); // warm-up
        Tensor g = null;
        if (backward) {
            float[] gd = new float[y.numel()];
            for (int i = 0; i < gd.length; i++) {
                gd[i] = (float) (random.nextGaussian() * 1e-3);
            }
            g = Tensor.of(gd, y.shape());
            backward(leaf, g);
        }
        long[] f = new long[reps];
        long[] b = new long[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            l.forward(leaf.input());
            f[r] = System.nanoTime() - t0;
            if (backward) {
                t0 = System.nanoTime();
                backward(leaf, g);
                b[r] = System.nanoTime() - t0;
            }
        }
        return new double[] {median(f), backward ? median(b) : 0};
    }

    private static void backward(Leaf leaf, Tensor g) {
        if (leaf.first()) {
            leaf.layer().backwardParameters(g);
        } else {
            leaf.layer().backward(g);
        }
    }

    /** {@code conv2d_3x3}, {@code batchnorm}, {@code maxpool2d}, … (bench line names are lower case). */
    static String kind(Layer layer) {
        String k = layer.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        if (layer instanceof Conv2d) {
            int kernel = ((Conv2d) layer).kernel();
            k += "_" + kernel + "x" + kernel;
        }
        return k;
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
