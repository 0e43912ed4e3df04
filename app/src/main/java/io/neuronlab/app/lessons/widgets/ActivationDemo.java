package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.functions.Activations;
import io.neuronlab.mllib.tensor.Tensor;

/** Lesson 3's numbers: an activation's value from mllib and its slope from mllib's autograd. */
public final class ActivationDemo {
    public static final String[] NAMES = {"step", "sigmoid", "tanh", "ReLU", "softplus"};

    /** h(x) and h'(x). */
    public record Point(float value, float slope) {
    }

    private ActivationDemo() {
    }

    public static Point at(int function, double x) {
        Tensor in = Tensor.of(new float[] {(float) x}, 1).requiresGrad(true);
        Tensor out;
        switch (function) {
            case 0:
                // the step has slope 0 wherever it is defined: nothing for gradient descent to follow
                return new Point(Activations.step(new float[] {(float) x})[0], 0f);
            case 1:
                out = Activations.sigmoid(in);
                break;
            case 2:
                out = Activations.tanh(in);
                break;
            case 3:
                out = Activations.relu(in);
                break;
            case 4:
                out = Activations.softplus(in);
                break;
            default:
                throw new IllegalArgumentException("no activation " + function);
        }
        out.sum().backward();
        return new Point(out.item(), in.grad().item());
    }

    /** {x, h(x), h'(x)} at {@code points} evenly spaced x from {@code from} to {@code to}, for the plot. */
    public static float[][] curve(int function, double from, double to, int points) {
        float[][] c = new float[3][points];
        for (int i = 0; i < points; i++) {
            double x = from + (to - from) * i / (points - 1);
            Point p = at(function, x);
            c[0][i] = (float) x;
            c[1][i] = p.value();
            c[2][i] = p.slope();
        }
        return c;
    }
}
