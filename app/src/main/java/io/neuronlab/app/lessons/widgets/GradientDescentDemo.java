package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.gradient.GradientDescent;
import io.neuronlab.mllib.gradient.NumericalGradient;
import java.util.function.ToDoubleFunction;

/** Lesson 7's numbers: mllib's gradient descent on f(x0, x1) = x0² + x1² from the book's start (−3, 4). */
public final class GradientDescentDemo {
    public static final ToDoubleFunction<double[]> F = x -> x[0] * x[0] + x[1] * x[1];
    public static final double[] START = {-3, 4};
    public static final int STEPS = 100;

    private GradientDescentDemo() {
    }

    /** mllib's numerical gradient of f at a point (the arrows of the gradient field). */
    public static double[] gradient(double x0, double x1) {
        return NumericalGradient.gradient(F, new double[] {x0, x1});
    }

    /** {@link #STEPS} steps with learning rate 10^logRate. */
    public static GradientDescent.Result descend(double logRate) {
        return new GradientDescent(Math.pow(10, logRate), STEPS).minimize(F, START);
    }
}
