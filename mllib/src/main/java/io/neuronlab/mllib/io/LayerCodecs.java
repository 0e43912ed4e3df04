package io.neuronlab.mllib.io;

import io.neuronlab.mllib.init.ConstantStd;
import io.neuronlab.mllib.init.Initializer;
import io.neuronlab.mllib.nn.AdaptiveAvgPool2d;
import io.neuronlab.mllib.nn.AvgPool2d;
import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Concat;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.LeakyReLU;
import io.neuronlab.mllib.nn.LocalResponseNorm;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Residual;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.nn.Sigmoid;
import io.neuronlab.mllib.nn.Softmax;
import io.neuronlab.mllib.nn.Tanh;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The registry of {@link LayerCodec}s, by layer kind and by layer class. {@link #standard()} knows every
 * layer of {@code io.neuronlab.mllib.nn}; {@link #register} adds more.
 */
public final class LayerCodecs {
    /** Rebuilt layers get zero weights: the file's tensors overwrite them. */
    private static final Initializer NO_INIT = new ConstantStd(0f);

    private static final LayerCodecs STANDARD = new LayerCodecs()
        .register(new LinearCodec())
        .register(new Conv2dCodec())
        .register(new MaxPoolCodec())
        .register(new PoolCodec<>("AvgPool2d", AvgPool2d.class, AvgPool2d::kernel, AvgPool2d::stride, AvgPool2d::new))
        .register(stateless("ReLU", ReLU.class, ReLU::new))
        .register(stateless("Sigmoid", Sigmoid.class, Sigmoid::new))
        .register(stateless("Tanh", Tanh.class, Tanh::new))
        .register(stateless("Softmax", Softmax.class, Softmax::new))
        .register(stateless("Flatten", Flatten.class, Flatten::new))
        .register(new LeakyReLUCodec())
        .register(new LocalResponseNormCodec())
        .register(new BatchNormCodec())
        .register(new DropoutCodec())
        .register(new AdaptiveAvgPoolCodec())
        .register(new SequentialCodec())
        .register(new ResidualCodec())
        .register(new ConcatCodec());

    private final Map<String, LayerCodec<?>> byKind = new LinkedHashMap<>();
    private final Map<Class<?>, LayerCodec<?>> byType = new LinkedHashMap<>();

    /** A registry with the standard codecs, to which more can be added. */
    public static LayerCodecs withStandardLayers() {
        LayerCodecs c = new LayerCodecs();
        c.byKind.putAll(STANDARD.byKind);
        c.byType.putAll(STANDARD.byType);
        return c;
    }

    /** The shared registry of the standard layers (do not register into it; copy it with {@link #withStandardLayers()}). */
    public static LayerCodecs standard() {
        return STANDARD;
    }

    /** Adds a codec; its kind and layer class must be new. Returns this. */
    public LayerCodecs register(LayerCodec<?> codec) {
        if (byKind.containsKey(codec.kind()) || byType.containsKey(codec.layerType())) {
            throw new IllegalArgumentException("a codec for kind '" + codec.kind() + "' or class "
                + codec.layerType().getName() + " is already registered");
        }
        byKind.put(codec.kind(), codec);
        byType.put(codec.layerType(), codec);
        return this;
    }

    /** The codec of layer kind {@code kind}, or null. */
    public LayerCodec<?> forKind(String kind) {
        return byKind.get(kind);
    }

    /** The codec for {@code layer}'s class, or null. */
    @SuppressWarnings("unchecked")
    public <L extends Layer> LayerCodec<L> forLayer(L layer) {
        return (LayerCodec<L>) byType.get(layer.getClass());
    }

    /**
     * The spec of {@code layer} under {@code name}, its children's specs included; fails, naming the class, for a
     * layer no codec knows.
     */
    public <L extends Layer> LayerSpec describe(String name, L layer) {
        return describe(name, name, layer);
    }

    /** {@code path} is the dotted name from the top ("layer1.0.conv1") for messages. */
    private <L extends Layer> LayerSpec describe(String name, String path, L layer) {
        LayerCodec<L> codec = forLayer(layer);
        if (codec == null) {
            throw new IllegalArgumentException("'" + path + "': " + layer.getClass().getName()
                + " cannot be saved; known kinds are " + kinds() + " (register a LayerCodec for it)");
        }
        LayerSpec spec = new LayerSpec(name, codec.kind());
        codec.describe(layer, spec);
        if (codec instanceof ContainerCodec) {
            for (Map.Entry<String, Layer> c : layer.children().entrySet()) {
                spec.withChild(describe(c.getKey(), path + "." + c.getKey(), c.getValue()));
            }
        } else if (!layer.children().isEmpty()) {
            throw new IllegalArgumentException("'" + path + "' has children but its codec " + codec.kind()
                + " is not a ContainerCodec");
        }
        return spec;
    }

    /** A new layer from {@code spec}, children first; the message names the innermost failing layer. */
    public Layer build(LayerSpec spec) throws ModelFormatException {
        LayerCodec<?> codec = forKind(spec.kind());
        if (codec == null) {
            throw new ModelFormatException("layer '" + spec.name() + "' has unknown kind '" + spec.kind()
                + "'; this mllib knows " + kinds());
        }
        if (!(codec instanceof ContainerCodec) && !spec.children().isEmpty()) {
            throw new ModelFormatException("layer '" + spec.name() + "' (" + spec.kind() + ") has children; a "
                + spec.kind() + " has none");
        }
        if (codec instanceof ContainerCodec) {
            LinkedHashMap<String, Layer> children = new LinkedHashMap<>();
            for (LayerSpec c : spec.children()) {
                if (children.put(c.name(), build(c)) != null) {
                    throw new ModelFormatException("layer '" + spec.name() + "' has two children named '" + c.name() + "'");
                }
            }
            return ((ContainerCodec<?>) codec).assemble(spec, children);
        }
        return codec.build(spec);
    }

    /** The known kinds, for messages. */
    public String kinds() {
        return byKind.keySet().toString();
    }

    // ---------------------------------------------------------------- the standard layers

    private static <L extends Layer> LayerCodec<L> stateless(String kind, Class<L> type, Supplier<L> make) {
        return new LayerCodec<L>() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Class<L> layerType() {
                return type;
            }

            @Override
            public void describe(L layer, LayerSpec spec) {
            }

            @Override
            public L build(LayerSpec spec) {
                return make.get();
            }

            @Override
            public Map<String, int[]> tensorShapes(LayerSpec spec) {
                return Collections.emptyMap();
            }
        };
    }

    private static final class LinearCodec implements LayerCodec<Linear> {
        @Override
        public String kind() {
            return "Linear";
        }

        @Override
        public Class<Linear> layerType() {
            return Linear.class;
        }

        @Override
        public void describe(Linear layer, LayerSpec spec) {
            spec.with("in", layer.inFeatures()).with("out", layer.outFeatures());
        }

        @Override
        public Linear build(LayerSpec spec) throws ModelFormatException {
            return new Linear(positive(spec, "in"), positive(spec, "out"), NO_INIT, new Random(0));
        }

        @Override
        public Map<String, int[]> tensorShapes(LayerSpec spec) throws ModelFormatException {
            int in = positive(spec, "in");
            int out = positive(spec, "out");
            return shapes("weight", new int[] {in, out}, "bias", new int[] {out});
        }

        @Override
        public String summary(LayerSpec spec) {
            return "Linear(" + spec.hyperparameters().get("in") + "→" + spec.hyperparameters().get("out") + ")";
        }
    }

    private static final class Conv2dCodec implements LayerCodec<Conv2d> {
        @Override
        public String kind() {
            return "Conv2d";
        }

        @Override
        public Class<Conv2d> layerType() {
            return Conv2d.class;
        }

        @Override
        public void describe(Conv2d layer, LayerSpec spec) {
            spec.with("in", layer.inChannels()).with("out", layer.outChannels()).with("kernel", layer.kernel())
                .with("stride", layer.stride()).with("padding", layer.padding());
            if (!layer.hasBias()) { // written only when false, so files from before it existed match
                spec.with("bias", false);
            }
        }

        @Override
        public Conv2d build(LayerSpec spec) throws ModelFormatException {
            boolean bias = !spec.has("bias") || spec.booleanValue("bias");
            return new Conv2d(positive(spec, "in"), positive(spec, "out"), positive(spec, "kernel"),
                positive(spec, "stride"), padding(spec), bias, NO_INIT, new Random(0));
        }

        /** Padding of at most kernel − 1: beyond that the outer outputs see only zeros, which no model needs. */
        private static int padding(LayerSpec spec) throws ModelFormatException {
            int padding = spec.intValue("padding");
            int kernel = positive(spec, "kernel");
            if (padding < 0) {
                throw new ModelFormatException("layer '" + spec.name() + "': Conv2d padding " + padding + " is negative");
            }
            if (padding >= kernel) {
                throw new ModelFormatException("layer '" + spec.name() + "': Conv2d padding " + padding
                    + " is not smaller than its kernel " + kernel + ", so its outer outputs would see only padding"
                    + " (a damaged file?)");
            }
            return padding;
        }

        @Override
        public Map<String, int[]> tensorShapes(LayerSpec spec) throws ModelFormatException {
            int in = positive(spec, "in");
            int out = positive(spec, "out");
            int k = positive(spec, "kernel");
            padding(spec);
            boolean bias = !spec.has("bias") || spec.booleanValue("bias");
            return bias ? shapes("weight", new int[] {out, in, k, k}, "bias", new int[] {out})
                : shapes("weight", new int[] {out, in, k, k});
        }

        @Override
        public String summary(LayerSpec spec) {
            Map<String, Object> h = spec.hyperparameters();
            return "Conv2d(" + h.get("in") + "→" + h.get("out") + ", " + h.get("kernel") + "×" + h.get("kernel")
                + ", stride " + h.get("stride") + ", pad " + h.get("padding") + ")";
        }
    }

    private interface IntGetter<L> {
        int get(L layer);
    }

    private interface PoolMaker<L> {
        L make(int kernel, int stride);
    }

    private static final class PoolCodec<L extends Layer> implements LayerCodec<L> {
        private final String kind;
        private final Class<L> type;
        private final IntGetter<L> kernel;
        private final IntGetter<L> stride;
        private final PoolMaker<L> make;

        PoolCodec(String kind, Class<L> type, IntGetter<L> kernel, IntGetter<L> stride, PoolMaker<L> make) {
            this.kind = kind;
            this.type = type;
            this.kernel = kernel;
            this.stride = stride;
            this.make = make;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public Class<L> layerType() {
            return type;
        }

        @Override
        public void describe(L layer, LayerSpec spec) {
            spec.with("kernel", kernel.get(layer)).with("stride", stride.get(layer));
        }

        @Override
        public L build(LayerSpec spec) throws ModelFormatException {
            return make.make(positive(spec, "kernel"), positive(spec, "stride"));
        }

        @Override
        public Map<String, int[]> tensorShapes(LayerSpec spec) {
            return Collections.emptyMap();
        }
    }

    private static final class MaxPoolCodec implements LayerCodec<MaxPool2d> {
        @Override
        public String kind() {
            return "MaxPool2d";
        }

        @Override
        public Class<MaxPool2d> layerType() {
            return MaxPool2d.class;
        }

        @Override
        public void describe(MaxPool2d layer, LayerSpec spec) {
            spec.with("kernel", layer.kernel()).with("stride", layer.stride());
            // written only when not the default, so files from before they existed match
            if (layer.padding() != 0) {
                spec.with("padding", layer.padding());
            }
            if (layer.ceilMode()) {
                spec.with("ceil_mode", true);
            }
        }

        @Override
        public MaxPool2d build(LayerSpec spec) throws ModelFormatException {
            int padding = spec.has("padding") ? spec.intValue("padding") : 0;
            boolean ceil = spec.has("ceil_mode") && spec.booleanValue("ceil_mode");
            return new MaxPool2d(positive(spec, "kernel"), positive(spec, "stride"), padding, ceil);
        }

        @Override
        public Map<String, int[]> tensorShapes(LayerSpec spec) {
            return Collections.emptyMap();
        }
    }

    private static final class AdaptiveAvgPoolCodec implements LayerCodec<AdaptiveAvgPool2d> {
        @Override
        public String kind() {
            return "AdaptiveAvgPool2d";
        }

        @Override
        public Class<AdaptiveAvgPool2d> layerType() {
            return AdaptiveAvgPool2d.class;
        }

        @Override
        public void describe(AdaptiveAvgPool2d layer, LayerSpec spec) {
            spec.with("out_height", layer.outHeight()).with("out_width", layer.outWidth());
        }

        @Override
        public AdaptiveAvgPool2d build(LayerSpec spec) throws ModelFormatException {
            return new AdaptiveAvgPool2d(positive(spec, "out_height"), positive(spec, "out_width"));
        }

        @Override
        public Map<String, int[]> tensorShapes(LayerSpec spec) {
            return Collections.emptyMap();
        }
    }

    private static final class SequentialCodec implements ContainerCodec<Sequential> {
        @Override
        public String kind() {
            return "Sequential";
        }

        @Override
        public Class<Sequential> layerType() {
            return Sequential.class;
        }

        @Override
        public void describe(Sequential layer, LayerSpec spec) {
        }

        @Override
        public Sequential assemble(LayerSpec spec, LinkedHashMap<String, Layer> children) {
            Sequential s = new Sequential();
            children.forEach(s::add);
            return s;
        }
    }

    private static final class ResidualCodec implements ContainerCodec<Residual> {
        @Override
        public String kind() {
            return "Residual";
        }

        @Override
        public Class<Residual> layerType() {
            return Residual.class;
        }

        @Override
        public void describe(Residual layer, LayerSpec spec) {
            spec.with("relu_after", layer.reluAfter());
        }

        @Override
        public Residual assemble(LayerSpec spec, LinkedHashMap<String, Layer> children) throws ModelFormatException {
            Sequential branch = new Sequential();
            Layer downsample = null;
            for (Map.Entry<String, Layer> c : children.entrySet()) {
                if (c.getKey().equals(Residual.DOWNSAMPLE)) {
                    downsample = c.getValue();
                } else {
                    branch.add(c.getKey(), c.getValue());
                }
            }
            return new Residual(branch, downsample, spec.booleanValue("relu_after"));
        }
    }

    private static final class ConcatCodec implements ContainerCodec<Concat> {
        @Override
        public String kind() {
            return "Concat";
        }

        @Override
        public Class<Concat> layerType() {
            return Concat.class;
        }

        @Override
        public void describe(Concat layer, LayerSpec spec) {
        }

        @Override
        public Concat assemble(LayerSpec spec, LinkedHashMap<String, Layer> children) {
            return new Concat(children);
        }
    }

    private static final class LeakyReLUCodec implements LayerCodec<LeakyReLU> {
        @Override
        public String kind() {
            return "LeakyReLU";
        }

        @Override
        public Class<LeakyReLU> layerType() {
            return LeakyReLU.class;
        }

        @Override
        public void describe(LeakyReLU layer, LayerSpec spec) {
            spec.with("alpha", layer.alpha());
        }

        @Override
        public LeakyReLU build(LayerSpec spec) throws ModelFormatException {
            return new LeakyReLU(spec.floatValue("alpha"));
        }

        @Override
        public Map<String, int[]> tensorShapes(LayerSpec spec) {
            return Collections.emptyMap();
        }
    }

    private static final class LocalResponseNormCodec implements LayerCodec<LocalResponseNorm> {
        @Override
        public String kind() {
            return "LocalResponseNorm";
        }

        @Override
        public Class<LocalResponseNorm> layerType() {
            return LocalResponseNorm.class;
        }

        @Override
        public void describe(LocalResponseNorm layer, LayerSpec spec) {
            spec.with("size", layer.size()).with("alpha", layer.alpha()).with("beta", layer.beta()).with("k", layer.k());
        }

        @Override
        public LocalResponseNorm build(LayerSpec spec) throws ModelFormatException {
            try {
                return new LocalResponseNorm(spec.intValue("size"), spec.floatValue("alpha"), spec.floatValue("beta"),
                    spec.floatValue("k"));
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException("layer '" + spec.name() + "': " + e.getMessage());
            }
        }

        @Override
        public Map<String, int[]> tensorShapes(LayerSpec spec) {
            return Collections.emptyMap();
        }
    }

    private static final class BatchNormCodec implements LayerCodec<BatchNorm> {
        @Override
        public String kind() {
            return "BatchNorm";
        }

        @Override
        public Class<BatchNorm> layerType() {
            return BatchNorm.class;
        }

        @Override
        public void describe(BatchNorm layer, LayerSpec spec) {
            spec.with("features", layer.features()).with("momentum", layer.momentum());
            // written only when they differ from the book's defaults, so files from before they existed match
            if (layer.eps() != BatchNorm.BOOK_EPS) {
                spec.with("eps", layer.eps());
            }
            if (layer.unbiasedRunningVariance()) {
                spec.with("unbiased_running_var", true);
            }
        }

        @Override
        public BatchNorm build(LayerSpec spec) throws ModelFormatException {
            float momentum = spec.floatValue("momentum");
            if (!(momentum >= 0f && momentum < 1f)) {
                throw new ModelFormatException("layer '" + spec.name() + "': BatchNorm momentum " + momentum + " is not in [0, 1)");
            }
            float eps = spec.has("eps") ? spec.floatValue("eps") : BatchNorm.BOOK_EPS;
            if (!(eps > 0f && Float.isFinite(eps))) {
                throw new ModelFormatException("layer '" + spec.name() + "': BatchNorm eps " + eps + " is not a positive number");
            }
            boolean unbiased = spec.has("unbiased_running_var") && spec.booleanValue("unbiased_running_var");
            return new BatchNorm(positive(spec, "features"), momentum, eps, unbiased);
        }

        @Override
        public Map<String, int[]> tensorShapes(LayerSpec spec) throws ModelFormatException {
            int[] f = {positive(spec, "features")};
            return shapes("gamma", f, "beta", f, "running_mean", f, "running_var", f);
        }

        @Override
        public Map<String, int[]> parameterShapes(LayerSpec spec) throws ModelFormatException {
            int[] f = {positive(spec, "features")};
            return shapes("gamma", f, "beta", f);
        }
    }

    private static final class DropoutCodec implements LayerCodec<Dropout> {
        @Override
        public String kind() {
            return "Dropout";
        }

        @Override
        public Class<Dropout> layerType() {
            return Dropout.class;
        }

        @Override
        public void describe(Dropout layer, LayerSpec spec) {
            spec.with("ratio", layer.ratio());
        }

        @Override
        public Dropout build(LayerSpec spec) throws ModelFormatException {
            float ratio = spec.floatValue("ratio");
            if (!(ratio >= 0f && ratio < 1f)) {
                throw new ModelFormatException("layer '" + spec.name() + "': Dropout ratio " + ratio + " is not in [0, 1)");
            }
            // The mask stream is not part of a model; a loaded model that trains again draws from seed 0.
            return new Dropout(ratio, new Random(0));
        }

        @Override
        public Map<String, int[]> tensorShapes(LayerSpec spec) {
            return Collections.emptyMap();
        }
    }

    private static Map<String, int[]> shapes(Object... nameShapePairs) {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameShapePairs.length; i += 2) {
            m.put((String) nameShapePairs[i], (int[]) nameShapePairs[i + 1]);
        }
        return m;
    }

    private static int positive(LayerSpec spec, String key) throws ModelFormatException {
        int v = spec.intValue(key);
        if (v <= 0) {
            throw new ModelFormatException("layer '" + spec.name() + "' (" + spec.kind() + "): " + key + " = " + v
                + " must be positive");
        }
        return v;
    }
}
