package io.neuronlab.app.lessons.widgets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The widget registry: the tag used in lesson files ({@code {{widget:softmax}}}) → the factory of its view. */
public final class Widgets {
    private static final Map<String, WidgetFactory> ALL = new LinkedHashMap<>();

    static {
        ALL.put("broadcast", new BroadcastWidget());
        ALL.put("perceptron", new PerceptronWidget());
        ALL.put("xor", new XorWidget());
        ALL.put("activation", new ActivationWidget());
        ALL.put("softmax", new SoftmaxWidget());
        ALL.put("softmax_overflow", new SoftmaxOverflowWidget());
        ALL.put("loss", new LossWidget());
        ALL.put("numdiff", new NumericalDiffWidget());
        ALL.put("gradient_descent", new GradientDescentWidget());
        ALL.put("backprop", new BackpropWidget());
        ALL.put("training_loop", new TrainingLoopWidget());
        ALL.put("optimizers", new OptimizersWidget());
        ALL.put("init_histogram", new InitHistogramWidget());
        ALL.put("batchnorm", new BatchNormWidget());
        ALL.put("overfitting", new OverfittingWidget());
        ALL.put("conv1d", new MovingAverageWidget());
        ALL.put("conv2d", new ConvolutionWidget());
        ALL.put("conv_size", new ConvSizeWidget());
        ALL.put("pooling", new PoolingWidget());
        ALL.put("im2col", new Im2colWidget());
        ALL.put("architecture", new ArchitectureWidget());
        ALL.put("speed", new io.neuronlab.app.lessons.speed.SpeedWidget());
    }

    private Widgets() {
    }

    public static Set<String> names() {
        return Collections.unmodifiableSet(ALL.keySet());
    }

    /** The factory for {@code name}; the message names the known widgets otherwise. */
    public static WidgetFactory get(String name) {
        WidgetFactory factory = ALL.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("no widget '" + name + "'; known: " + ALL.keySet());
        }
        return factory;
    }
}
