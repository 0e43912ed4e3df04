package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.gradient.GradientDescent;
import io.neuronlab.mllib.gradient.NumericalGradient;
import java.util.List;
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

    /** The path's x0 and x1 values in order (start first), for the plot. */
    public static float[][] pathXY(GradientDescent.Result result) {
        List<double[]> path = result.path();
        float[][] xy = new float[2][path.size()];
        for (int i = 0; i < path.size(); i++) {
            xy[0][i] = (float) path.get(i)[0];
            xy[1][i] = (float) path.get(i)[1];
        }
        return xy;
    }

    /** Step numbers 0, 1, 2, … for every point of the path. */
    public static float[] steps(GradientDescent.Result result) {
        float[] steps = new float[result.path().size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i;
        }
        return steps;
    }

    /** log10 f at every point of the path (f = 0 exactly would be −∞: a gap in the plot). */
    public static float[] logLoss(GradientDescent.Result result) {
        List<double[]> path = result.path();
        float[] y = new float[path.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) Math.log10(F.applyAsDouble(path.get(i)));
        }
        return y;
    }

    /** The contour f = radius², a circle, as a closed line of 73 points. */
    public static io.neuronlab.app.chart.Series contour(float radius, String label, int color) {
        float[] x = new float[73];
        float[] y = new float[73];
        for (int i = 0; i < x.length; i++) {
            double t = 2 * Math.PI * i / (x.length - 1);
            x[i] = (float) (radius * Math.cos(t));
            y[i] = (float) (radius * Math.sin(t));
        }
        return new io.neuronlab.app.chart.Series(label, x, y, color);
    }
}
