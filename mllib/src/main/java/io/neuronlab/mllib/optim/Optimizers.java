package io.neuronlab.mllib.optim;

import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The one list of optimizers by name ({@code sgd}, {@code momentum}, {@code nesterov}, {@code adagrad},
 * {@code rmsprop}, {@code adam}), in the book's order of increasing complexity, each with the learning rate it is
 * usually started with. The CLI, the recipes and the app's training lab all pick optimizers from here.
 */
public final class Optimizers {
    /** Creates an optimizer over some parameters with a learning rate. */
    public interface Factory {
        Optimizer create(Collection<Tensor> params, float learningRate);
    }

    /** One optimizer: its name, its usual starting learning rate and how to make it. */
    public static final class Entry {
        private final String name;
        private final float defaultLearningRate;
        private final Factory factory;

        Entry(String name, float defaultLearningRate, Factory factory) {
            this.name = name;
            this.defaultLearningRate = defaultLearningRate;
            this.factory = factory;
        }

        public String name() {
            return name;
        }

        public float defaultLearningRate() {
            return defaultLearningRate;
        }

        public Optimizer create(Collection<Tensor> params, float learningRate) {
            return factory.create(params, learningRate);
        }
    }

    private static final List<Entry> ALL;

    static {
        List<Entry> all = new ArrayList<>();
        all.add(new Entry("sgd", 0.1f, SGD::new));
        all.add(new Entry("momentum", 0.01f, Momentum::new));
        all.add(new Entry("nesterov", 0.01f, Nesterov::new));
        all.add(new Entry("adagrad", 0.01f, AdaGrad::new));
        all.add(new Entry("rmsprop", 0.001f, RMSprop::new));
        all.add(new Entry("adam", 0.001f, Adam::new));
        ALL = Collections.unmodifiableList(all);
    }

    private Optimizers() {
    }

    /** Every optimizer, simplest first. */
    public static List<Entry> all() {
        return ALL;
    }

    /** Their names, simplest first. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Entry e : ALL) {
            names.add(e.name());
        }
        return names;
    }

    /** The optimizer called {@code name} (case-insensitive); the message lists the known names otherwise. */
    public static Entry byName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (Entry e : ALL) {
            if (e.name().equals(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: " + names());
    }
}
