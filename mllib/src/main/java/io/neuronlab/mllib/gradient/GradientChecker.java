package io.neuronlab.mllib.gradient;

import io.neuronlab.mllib.loss.Loss;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The book's gradient check: compares the gradients backpropagation computes with central differences
 * {@code (L(w + h) − L(w − h)) / 2h}, for every parameter of a layer and for its input.
 *
 * <p>The perturbation is done in float (the library's precision), but the step actually taken is measured
 * as {@code (float)(w + h) − (float)(w − h)} and the difference quotient is evaluated in double. For a layer
 * on its own the scalar is {@code L = Σ r·y} with a fixed random {@code r} (so every output element
 * matters), summed in double. Float forward passes limit accuracy to roughly {@code 1e-7·|L| / h}, which is
 * why the default step is {@code h = 5e-2}; Richardson extrapolation over h and h/2 removes the O(h²)
 * truncation error such a large step would otherwise leave.
 * Keep inputs away from kinks (ReLU at 0, ties in max pooling) by more than h. The layer must be
 * deterministic across forwards: check Dropout in evaluation mode (its training mask is random).
 *
 * <p>Relative error of one element: {@code |a − n| / max(|a|, |n|, floor)}, where {@code floor} is 1 % of
 * the largest gradient magnitude in that tensor, so entries far below the tensor's scale, which are pure
 * float rounding, do not dominate. Each {@link Report.Entry} holds the maximum over its tensor.
 */
public final class GradientChecker {
    public static final double DEFAULT_STEP = 5e-2;

    private final double step;

    public GradientChecker() {
        this(DEFAULT_STEP);
    }

    /** A checker with central-difference step {@code h}. */
    public GradientChecker(double step) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("finite-difference step must be > 0, got " + step);
        }
        this.step = step;
    }

    /** Checks {@code layer} alone on {@code input}, with the scalar {@code L = Σ r·y}, r drawn from {@code seed}. */
    public Report checkLayer(Layer layer, Tensor input, long seed) {
        Tensor y0 = layer.forward(input);
        Random random = new Random(seed);
        float[] r = new float[y0.numel()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) random.nextGaussian();
        }
        Tensor dy = Tensor.of(r, y0.shape());
        layer.zeroGrad();
        layer.forward(input);
        Tensor dx = layer.backward(dy);
        return compare(layer, input, dx, () -> {
            float[] y = layer.forward(input).data();
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += (double) r[i] * y[i];
            }
            return sum;
        });
    }

    /** Checks {@code model} followed by {@code loss} against {@code target}: L = loss(model(input), target). */
    public Report check(Layer model, Loss loss, Tensor input, Tensor target) {
        model.zeroGrad();
        Tensor y = model.forward(input);
        loss.forward(y, target);
        Tensor dx = model.backward(loss.backward());
        return compare(model, input, dx, () -> loss.forward(model.forward(input), target));
    }

    /** Checks a loss on its own: dL/d(output) from {@link Loss#backward()} against central differences. */
    public Report checkLoss(Loss loss, Tensor output, Tensor target) {
        loss.forward(output, target);
        Tensor analytic = loss.backward();
        List<Report.Entry> entries = new ArrayList<>();
        entries.add(entry("output", output, analytic, numeric(output, () -> loss.forward(output, target))));
        return new Report(entries);
    }

    private Report compare(Layer layer, Tensor input, Tensor dx, Objective objective) {
        List<Report.Entry> entries = new ArrayList<>();
        // analytic parameter gradients are read before any further forward can disturb caches
        List<String> names = new ArrayList<>();
        List<Tensor> params = new ArrayList<>();
        List<Tensor> analytic = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : layer.parameters().entrySet()) {
            names.add(e.getKey());
            params.add(e.getValue());
            Tensor g = e.getValue().grad();
            analytic.add(g == null ? Tensor.zerosLike(e.getValue()) : g.copy());
        }
        for (int i = 0; i < params.size(); i++) {
            entries.add(entry(names.get(i), params.get(i), analytic.get(i), numeric(params.get(i), objective)));
        }
        entries.add(entry("input", input, dx, numeric(input, objective)));
        return new Report(entries);
    }

    /**
     * Central differences with Richardson extrapolation: {@code (4·D(h/2) − D(h)) / 3} cancels the O(h²) term of
     * the central difference D, leaving O(h⁴), so a step large enough for float precision stays accurate.
     */
    private double[] numeric(Tensor t, Objective objective) {
        float[] w = t.data();
        double[] grad = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            double wide = central(w, i, step, objective);
            double narrow = central(w, i, step / 2, objective);
            grad[i] = (4 * narrow - wide) / 3;
        }
        return grad;
    }

    private static double central(float[] w, int i, double h, Objective objective) {
        float saved = w[i];
        float plus = (float) (saved + h);
        float minus = (float) (saved - h);
        w[i] = plus;
        double lPlus = objective.value();
        w[i] = minus;
        double lMinus = objective.value();
        w[i] = saved;
        // divide by the step actually taken in float, not the nominal 2h
        return (lPlus - lMinus) / ((double) plus - (double) minus);
    }

    private static Report.Entry entry(String name, Tensor of, Tensor analytic, double[] numeric) {
        if (analytic == null || analytic.numel() != numeric.length) {
            throw new IllegalStateException("analytic gradient of \"" + name + "\" has shape "
                + (analytic == null ? "null" : Shapes.toString(analytic.shape())) + " but the tensor has shape "
                + Shapes.toString(of.shape()));
        }
        float[] a = analytic.data();
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(a[i]), Math.abs(numeric[i])));
        }
        double floor = Math.max(scale * 0.01, 1e-12);
        double maxAbs = 0;
        double maxRel = 0;
        int worst = -1;
        for (int i = 0; i < a.length; i++) {
            double diff = Math.abs(a[i] - numeric[i]);
            double rel = diff / Math.max(floor, Math.max(Math.abs(a[i]), Math.abs(numeric[i])));
            maxAbs = Math.max(maxAbs, diff);
            if (rel > maxRel || worst < 0) {
                maxRel = Math.max(rel, maxRel);
                worst = i;
            }
        }
        return new Report.Entry(name, of.shape(), maxRel, maxAbs, worst,
            worst < 0 ? 0 : a[worst], worst < 0 ? 0 : numeric[worst]);
    }

    @FunctionalInterface
    private interface Objective {
        double value();
    }

    /** The result of a check: one entry per parameter (in order) and one for the input. */
    public static final class Report {
        private final List<Entry> entries;

        Report(List<Entry> entries) {
            this.entries = Collections.unmodifiableList(entries);
        }

        public List<Entry> entries() {
            return entries;
        }

        /** The entry named {@code name} ("weight", "Linear1.bias", "input", "output"). */
        public Entry entry(String name) {
            for (Entry e : entries) {
                if (e.name().equals(name)) {
                    return e;
                }
            }
            List<String> names = new ArrayList<>();
            for (Entry e : entries) {
                names.add(e.name());
            }
            throw new IllegalArgumentException("no gradient named \"" + name + "\" in this report; names are " + names);
        }

        /** The largest relative error over every checked tensor. */
        public double maxRelativeError() {
            double m = 0;
            for (Entry e : entries) {
                m = Math.max(m, e.maxRelativeError());
            }
            return m;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("gradient check (max relative error per tensor):");
            for (Entry e : entries) {
                sb.append("\n  ").append(e);
            }
            return sb.toString();
        }

        /**
         * One tensor's comparison: the largest relative and absolute differences, and the element where the
         * relative one occurs, with both gradient values there.
         */
        public record Entry(String name, int[] shape, double maxRelativeError, double maxAbsoluteError,
                            int worstIndex, double analyticAtWorst, double numericAtWorst) {
            @Override
            public String toString() {
                return String.format(java.util.Locale.ROOT, "%-16s %-14s rel %.3e  abs %.3e  (at %d: backprop %.6g, numerical %.6g)",
                    name, Shapes.toString(shape), maxRelativeError, maxAbsoluteError, worstIndex, analyticAtWorst,
                    numericAtWorst);
            }
        }
    }
}
