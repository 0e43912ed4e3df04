package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.io.LayerSpec;
import io.neuronlab.mllib.models.ArchitectureSpecs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A network's diagram as blocks, read from its real layer structure (mllib's layer specs): convolutions, poolings
 * and fully connected layers one block each (with the batch norm and activation after them folded in), an
 * Inception block as its parallel lanes, a residual block with its shortcut. Each block carries its parameter
 * count, computed by mllib from the specs.
 */
public final class ArchitectureDiagram {
    public enum Kind { CONV, POOL, DENSE, INCEPTION, RESIDUAL }

    /** The words of the labels, in the screen's language. */
    public record Words(String conv, String maxPool, String avgPool, String globalAvgPool, String dense,
                        String identity) {
        public static final Words ENGLISH = new Words("conv", "max pool", "avg pool", "global avg pool", "fc",
                "identity");
    }

    /**
     * One block: what it is, its label ("conv 3×3 · 64"), its lanes (Inception: one label per branch; residual:
     * the main path), its shortcut (residual only: "identity" or the 1×1 convolution) and its parameters.
     */
    public record Block(Kind kind, String name, String label, List<String> lanes, String shortcut, long parameters) {
    }

    private static final List<String> FOLDED = Arrays.asList("BatchNorm", "ReLU", "LeakyReLU", "Sigmoid", "Tanh");

    private ArchitectureDiagram() {
    }

    public static List<Block> of(LayerSpec network, Words words) {
        List<Block> blocks = new ArrayList<>();
        walk(network, words, blocks);
        return blocks;
    }

    private static void walk(LayerSpec s, Words words, List<Block> out) {
        switch (s.kind()) {
            case "Sequential" -> {
                LayerSpec conv = convUnit(s);
                if (conv != null) {
                    out.add(new Block(Kind.CONV, s.name(), conv(conv, words), Collections.emptyList(), null,
                            ArchitectureSpecs.parameterCount(s)));
                } else {
                    for (LayerSpec child : s.children()) {
                        walk(child, words, out);
                    }
                }
            }
            case "Concat" -> {
                List<String> lanes = new ArrayList<>();
                for (LayerSpec branch : s.children()) {
                    lanes.add(path(branch, words));
                }
                out.add(new Block(Kind.INCEPTION, s.name(), s.name(), lanes, null, ArchitectureSpecs.parameterCount(s)));
            }
            case "Residual" -> {
                List<String> main = new ArrayList<>();
                List<String> shortMain = new ArrayList<>(); // the label: "3×3 · 64 → 3×3 · 64 + identity" fits a phone
                String shortcut = words.identity();
                for (LayerSpec child : s.children()) {
                    if (child.name().equals(io.neuronlab.mllib.nn.Residual.DOWNSAMPLE)) {
                        shortcut = path(child, words);
                    } else if (child.kind().equals("Conv2d")) {
                        main.add(conv(child, words));
                        shortMain.add(shortConv(child));
                    }
                }
                out.add(new Block(Kind.RESIDUAL, s.name(), arrows(shortMain) + " + " + shortcut, main, shortcut,
                        ArchitectureSpecs.parameterCount(s)));
            }
            case "Conv2d" -> out.add(new Block(Kind.CONV, s.name(), conv(s, words), Collections.emptyList(), null,
                    ArchitectureSpecs.parameterCount(s)));
            case "Linear" -> out.add(new Block(Kind.DENSE, s.name(),
                    words.dense() + " " + s.hyperparameters().get("in") + " → " + s.hyperparameters().get("out"),
                    Collections.emptyList(), null, ArchitectureSpecs.parameterCount(s)));
            case "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d" -> out.add(new Block(Kind.POOL, s.name(),
                    pool(s, words), Collections.emptyList(), null, 0));
            default -> {
                // activations, batch norm, dropout, flatten: no block of their own; a batch norm's weights belong
                // to the block before it (ResNet's stem: conv1, then bn1)
                long weights = ArchitectureSpecs.parameterCount(s);
                if (weights > 0 && !out.isEmpty()) {
                    Block last = out.remove(out.size() - 1);
                    out.add(new Block(last.kind(), last.name(), last.label(), last.lanes(), last.shortcut(),
                            last.parameters() + weights));
                }
            }
        }
    }

    /** The one convolution of a Sequential that holds only it and the batch norm / activation after it; else null. */
    private static LayerSpec convUnit(LayerSpec s) {
        LayerSpec conv = null;
        for (LayerSpec child : s.children()) {
            if (child.kind().equals("Conv2d") && conv == null) {
                conv = child;
            } else if (!FOLDED.contains(child.kind())) {
                return null;
            }
        }
        return conv;
    }

    /** The convolutions and poolings along one path, e.g. "1×1 · 96 → 3×3 · 128". */
    private static String path(LayerSpec s, Words words) {
        List<String> steps = new ArrayList<>();
        collect(s, words, steps);
        return arrows(steps);
    }

    private static void collect(LayerSpec s, Words words, List<String> steps) {
        switch (s.kind()) {
            case "Conv2d" -> steps.add(shortConv(s));
            case "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d" -> steps.add(pool(s, words));
            default -> {
                for (LayerSpec child : s.children()) {
                    collect(child, words, steps);
                }
            }
        }
    }

    private static String conv(LayerSpec s, Words words) {
        return words.conv() + " " + shortConv(s);
    }

    /** "3×3 · 64", with "/2" for a stride of 2. */
    private static String shortConv(LayerSpec s) {
        int k = (Integer) s.hyperparameters().get("kernel");
        int stride = (Integer) s.hyperparameters().get("stride");
        return k + "×" + k + (stride > 1 ? "/" + stride : "") + " · " + s.hyperparameters().get("out");
    }

    private static String pool(LayerSpec s, Words words) {
        if (s.kind().equals("AdaptiveAvgPool2d")) {
            Object h = s.hyperparameters().get("out_height");
            Object w = s.hyperparameters().get("out_width");
            return Integer.valueOf(1).equals(h) && Integer.valueOf(1).equals(w) ? words.globalAvgPool()
                    : words.avgPool() + " → " + h + "×" + w;
        }
        int k = (Integer) s.hyperparameters().get("kernel");
        int stride = (Integer) s.hyperparameters().get("stride");
        return (s.kind().equals("MaxPool2d") ? words.maxPool() : words.avgPool()) + " " + k + "×" + k
                + (stride > 1 ? "/" + stride : "");
    }

    /** The total of the blocks' parameters. */
    public static long parameters(List<Block> blocks) {
        long n = 0;
        for (Block b : blocks) {
            n += b.parameters();
        }
        return n;
    }

    /** "a → b → c" (String.join is API 26). */
    private static String arrows(List<String> steps) {
        StringBuilder sb = new StringBuilder();
        for (String step : steps) {
            if (sb.length() > 0) {
                sb.append(" → ");
            }
            sb.append(step);
        }
        return sb.toString();
    }
}
