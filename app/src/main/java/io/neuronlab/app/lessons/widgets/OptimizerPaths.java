package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.optim.Optimizer;
import io.neuronlab.mllib.optim.Optimizers;
import io.neuronlab.mllib.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lesson 10's numbers: the book's optimizer comparison — f(x, y) = x²/20 + y² from (−7, 2), 30 updates by each of
 * mllib's optimizers, the gradient from mllib's autograd.
 */
public final class OptimizerPaths {
    public static final float[] START = {-7f, 2f};
    public static final int STEPS = 30;
    /** The book's learning rates for its figure (SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3; RMSprop 0.1). */
    public static final String[] NAMES = {"sgd", "momentum", "adagrad", "rmsprop", "adam"};
    public static final float[] BOOK_RATES = {0.95f, 0.1f, 1.5f, 0.1f, 0.3f};

    private OptimizerPaths() {
    }

    public static double f(double x, double y) {
        return x * x / 20 + y * y;
    }

    /** The points visited (start first, STEPS + 1 points) by optimizer {@code name} with {@code rate}. */
    public static List<float[]> path(String name, float rate) {
        Tensor xy = Tensor.of(START.clone(), 2).requiresGrad(true);
        Optimizer optimizer = Optimizers.byName(name).create(Collections.singletonList(xy), rate);
        Tensor scale = Tensor.of(new float[] {1f / 20f, 1f}, 2);
        List<float[]> path = new ArrayList<>();
        path.add(xy.data().clone());
        for (int i = 0; i < STEPS; i++) {
            optimizer.zeroGrad();
            xy.mul(xy).mul(scale).sum().backward(); // x²/20 + y²
            optimizer.step();
            path.add(xy.data().clone());
        }
        return path;
    }

    /** The contour f(x, y) = level, an ellipse x = √(20·level)·cos t, y = √level·sin t, as 73 points. */
    public static io.neuronlab.app.chart.Series contour(float level, String label, int color) {
        float[] x = new float[73];
        float[] y = new float[73];
        for (int i = 0; i < x.length; i++) {
            double t = 2 * Math.PI * i / (x.length - 1);
            x[i] = (float) (Math.sqrt(20 * level) * Math.cos(t));
            y[i] = (float) (Math.sqrt(level) * Math.sin(t));
        }
        return new io.neuronlab.app.chart.Series(label, x, y, color);
    }
}
