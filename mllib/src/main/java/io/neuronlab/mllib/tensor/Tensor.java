package io.neuronlab.mllib.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dense float32 n-dimensional array, stored row-major (the last axis varies fastest), that can record the
 * operations applied to it for reverse-mode automatic differentiation.
 *
 * <p>Images use {@code [N, C, H, W]}; dense batches {@code [N, features]}. The storage is exposed by
 * {@link #data()} so layers can run tight loops over it; everything else goes through the operations.
 *
 * <p>Autograd: a tensor created with {@link #requiresGrad(boolean) requiresGrad(true)} is a leaf; every
 * operation on it (outside a {@link NoGrad} scope) records a {@link GradNode}; {@link #backward()} walks the
 * graph in reverse topological order and accumulates {@code dL/dx} into each leaf's {@link #grad()}.
 */
public final class Tensor {
    private final float[] data;
    private final int[] shape;
    private boolean requiresGrad;
    private Tensor grad;
    private GradNode gradFn;

    private Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    // ---------------------------------------------------------------- creation

    /** Wraps {@code data} (not copied) as a tensor of the given shape. */
    public static Tensor of(float[] data, int... shape) {
        int[] s = shape.length == 0 && data.length != 1 ? new int[] {data.length} : shape.clone();
        int n = Shapes.numel(s);
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Shapes.toString(s) + " needs " + n
                + " values but " + data.length + " were given");
        }
        return new Tensor(data, s);
    }

    /** A tensor from double values (convenient in lessons and tests). */
    public static Tensor of(double[] values, int... shape) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return of(f, shape);
    }

    /** A 2-D tensor from rows; all rows must have the same length. */
    public static Tensor of(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] f = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has " + cols);
            }
            for (int c = 0; c < cols; c++) {
                f[r * cols + c] = (float) rows[r][c];
            }
        }
        return new Tensor(f, new int[] {rows.length, cols});
    }

    /** A 0-dimensional tensor holding one value. */
    public static Tensor scalar(double value) {
        return new Tensor(new float[] {(float) value}, new int[0]);
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new float[Shapes.numel(shape)], shape.clone());
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public static Tensor full(float value, int... shape) {
        float[] d = new float[Shapes.numel(shape)];
        Arrays.fill(d, value);
        return new Tensor(d, shape.clone());
    }

    public static Tensor zerosLike(Tensor t) {
        return zeros(t.shape);
    }

    public static Tensor onesLike(Tensor t) {
        return ones(t.shape);
    }

    // ---------------------------------------------------------------- shape and storage

    /** The backing array, row-major. Writing to it changes the tensor (and is invisible to autograd). */
    public float[] data() {
        return data;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Size of one axis; negative axes count from the end. */
    public int size(int axis) {
        return shape[Shapes.axis(axis, shape.length)];
    }

    /** Number of axes. */
    public int dim() {
        return shape.length;
    }

    /** Number of elements. */
    public int numel() {
        return data.length;
    }

    /** The single value of a one-element tensor (a loss, say). */
    public float item() {
        if (data.length != 1) {
            throw new IllegalStateException("item() needs a one-element tensor, this one has shape " + Shapes.toString(shape));
        }
        return data[0];
    }

    public float get(int... index) {
        return data[Shapes.offset(shape, index)];
    }

    /** Sets one element in place (not recorded by autograd). */
    public void set(float value, int... index) {
        data[Shapes.offset(shape, index)] = value;
    }

    /** A deep copy of the values with no autograd history. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    /** The same values (shared storage), cut off from the autograd graph. */
    public Tensor detach() {
        return new Tensor(data, shape);
    }

    /** True if both tensors have the same shape and exactly the same values. */
    public boolean sameValues(Tensor other) {
        return Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
    }

    // ---------------------------------------------------------------- autograd

    /** Marks this tensor as a leaf whose gradient {@link #backward()} should compute. Returns this. */
    public Tensor requiresGrad(boolean requires) {
        if (gradFn != null && !requires) {
            throw new IllegalStateException("a tensor computed by an operation always requires grad; use detach()");
        }
        this.requiresGrad = requires;
        return this;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** dL/d(this) after {@link #backward()}, or null if none has been computed (see {@link #zeroGrad()}). */
    public Tensor grad() {
        return grad;
    }

    /** Forgets the accumulated gradient; the next backward starts from zero. */
    public void zeroGrad() {
        grad = null;
    }

    /**
     * Sets the accumulated gradient to zeros in place, keeping its array for the next backward (a training loop
     * then makes no garbage); a tensor without a gradient keeps none. The next backward gives the same values
     * as after {@link #zeroGrad()}.
     */
    public void zeroGradInPlace() {
        if (grad != null) {
            Arrays.fill(grad.data, 0f);
        }
    }

    /** Adds {@code g} into this tensor's gradient (gradients accumulate across uses and backward calls). */
    public void accumulateGrad(Tensor g) {
        if (!Arrays.equals(g.shape, shape)) {
            throw new IllegalArgumentException("gradient of shape " + Shapes.toString(g.shape)
                + " does not match tensor of shape " + Shapes.toString(shape));
        }
        if (grad == null) {
            grad = new Tensor(g.data.clone(), shape.clone());
        } else {
            float[] acc = grad.data;
            for (int i = 0; i < acc.length; i++) {
                acc[i] += g.data[i];
            }
        }
    }

    /** Backpropagates from a one-element tensor (a loss): dL/dL = 1. */
    public void backward() {
        if (data.length != 1) {
            throw new IllegalStateException("backward() without an argument needs a one-element tensor; this one has shape "
                + Shapes.toString(shape) + ": pass the gradient of the output, backward(gradOutput)");
        }
        backward(onesLike(this));
    }

    /** Backpropagates {@code gradOutput} = dL/d(this) through the recorded graph. */
    public void backward(Tensor gradOutput) {
        if (!requiresGrad) {
            throw new IllegalStateException("this tensor does not require grad: no operation on it was recorded");
        }
        if (!Arrays.equals(gradOutput.shape, shape)) {
            throw new IllegalArgumentException("gradient of shape " + Shapes.toString(gradOutput.shape)
                + " does not match output of shape " + Shapes.toString(shape));
        }
        List<Tensor> order = topologicalOrder();
        // Gradients of intermediate tensors live here only for the duration of this pass.
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        grads.put(this, gradOutput);
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            Tensor g = grads.remove(t);
            if (g == null) {
                continue;
            }
            if (t.gradFn == null) {
                t.accumulateGrad(g);
                continue;
            }
            PendingGrads.push(grads);
            try {
                t.gradFn.backward.apply(g);
            } finally {
                PendingGrads.pop();
            }
        }
    }

    /** Leaves and intermediates reachable from this tensor, each after everything it depends on. */
    private List<Tensor> topologicalOrder() {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> visited = new IdentityHashMap<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {this, Boolean.FALSE});
        while (!stack.isEmpty()) {
            Object[] frame = stack.pop();
            Tensor t = (Tensor) frame[0];
            if ((Boolean) frame[1]) {
                order.add(t);
                continue;
            }
            if (visited.put(t, Boolean.TRUE) != null) {
                continue;
            }
            stack.push(new Object[] {t, Boolean.TRUE});
            if (t.gradFn != null) {
                for (Tensor in : t.gradFn.inputs) {
                    if (in.requiresGrad && !visited.containsKey(in)) {
                        stack.push(new Object[] {in, Boolean.FALSE});
                    }
                }
            }
        }
        return order;
    }

    /**
     * Sends gradient {@code g} to this tensor from inside a {@link Backward}: during {@link #backward} it is
     * collected and passed further back; outside it (or for a leaf) it accumulates into {@link #grad()}.
     */
    public void receiveGrad(Tensor g) {
        if (!requiresGrad) {
            return;
        }
        Map<Tensor, Tensor> pending = PendingGrads.current();
        if (pending == null) {
            accumulateGrad(g);
            return;
        }
        Tensor prev = pending.get(this);
        if (prev == null) {
            pending.put(this, new Tensor(g.data.clone(), g.shape.clone()));
        } else {
            float[] acc = prev.data;
            for (int i = 0; i < acc.length; i++) {
                acc[i] += g.data[i];
            }
        }
    }

    /**
     * Records that {@code out} was computed from {@code inputs} by {@code opName}, with {@code backward}
     * sending gradients to the inputs via {@link #receiveGrad}. Does nothing when grad is disabled or no
     * input requires grad. Returns {@code out}. This is how every operation and layer joins autograd.
     */
    public static Tensor record(Tensor out, String opName, Backward backward, Tensor... inputs) {
        if (!NoGrad.isGradEnabled()) {
            return out;
        }
        for (Tensor in : inputs) {
            if (in.requiresGrad) {
                out.requiresGrad = true;
                out.gradFn = new GradNode(opName, inputs.clone(), backward);
                return out;
            }
        }
        return out;
    }

    /** The name of the operation that produced this tensor, or null for a leaf. */
    public String gradFnName() {
        return gradFn == null ? null : gradFn.opName;
    }

    // ---------------------------------------------------------------- printing

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }

    // ---------------------------------------------------------------- operations
    // Each operation records its backward right beside its forward (in ElementwiseOps, ReduceOps,
    // MatrixOps, ShapeOps); the methods here are the public names.

    // ---------------------------------------------------------------- more creation

    /** Uniform values in [0, 1), drawn from {@code random} (seed it for reproducible runs). */
    public static Tensor rand(java.util.Random random, int... shape) {
        float[] d = new float[Shapes.numel(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = random.nextFloat();
        }
        return new Tensor(d, shape.clone());
    }

    /** Standard normal values (mean 0, standard deviation 1), drawn from {@code random}. */
    public static Tensor randn(java.util.Random random, int... shape) {
        float[] d = new float[Shapes.numel(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) random.nextGaussian();
        }
        return new Tensor(d, shape.clone());
    }

    /** {@code [0, 1, ..., n-1]}, shape {@code [n]}. */
    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /** {@code start, start + step, ...} while below {@code stop} (above, for a negative step); shape {@code [count]}. */
    public static Tensor arange(double start, double stop, double step) {
        if (step == 0 || Double.isNaN(step)) {
            throw new IllegalArgumentException("arange: step must be non-zero, got " + step);
        }
        int n = (int) Math.max(0, Math.ceil((stop - start) / step));
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = (float) (start + i * step);
        }
        return new Tensor(d, new int[] {n});
    }

    // ---------------------------------------------------------------- element-wise arithmetic (broadcasting)

    /** this + other, NumPy broadcasting ({@code [N, F] + [F]} adds to every row). */
    public Tensor add(Tensor other) {
        return ElementwiseOps.binary("add", ElementwiseOps.Binary.ADD, this, other);
    }

    /** this - other, broadcasting. */
    public Tensor sub(Tensor other) {
        return ElementwiseOps.binary("sub", ElementwiseOps.Binary.SUB, this, other);
    }

    /** this * other element-wise (a 0/1 mask multiplies out entries), broadcasting. */
    public Tensor mul(Tensor other) {
        return ElementwiseOps.binary("mul", ElementwiseOps.Binary.MUL, this, other);
    }

    /** this / other element-wise, broadcasting. */
    public Tensor div(Tensor other) {
        return ElementwiseOps.binary("div", ElementwiseOps.Binary.DIV, this, other);
    }

    public Tensor add(double c) {
        float v = (float) c;
        return ElementwiseOps.unary("add", this, x -> x + v, (x, y) -> 1f);
    }

    public Tensor sub(double c) {
        float v = (float) c;
        return ElementwiseOps.unary("sub", this, x -> x - v, (x, y) -> 1f);
    }

    public Tensor mul(double c) {
        float v = (float) c;
        return ElementwiseOps.unary("mul", this, x -> x * v, (x, y) -> v);
    }

    public Tensor div(double c) {
        float v = (float) c;
        return ElementwiseOps.unary("div", this, x -> x / v, (x, y) -> 1f / v);
    }

    public Tensor neg() {
        return ElementwiseOps.unary("neg", this, x -> -x, (x, y) -> -1f);
    }

    public Tensor exp() {
        return ElementwiseOps.unary("exp", this, x -> (float) Math.exp(x), (x, y) -> y);
    }

    /** Natural logarithm. */
    public Tensor log() {
        return ElementwiseOps.unary("log", this, x -> (float) Math.log(x), (x, y) -> 1f / x);
    }

    public Tensor sqrt() {
        return ElementwiseOps.unary("sqrt", this, x -> (float) Math.sqrt(x), (x, y) -> 0.5f / y);
    }

    /** Each element to the power {@code p}. */
    public Tensor pow(double p) {
        return ElementwiseOps.unary("pow", this, x -> (float) Math.pow(x, p),
            (x, y) -> (float) (p * Math.pow(x, p - 1)));
    }

    /** max(0, x); the gradient passes where x > 0. */
    public Tensor relu() {
        return ElementwiseOps.unary("relu", this, x -> x > 0f ? x : 0f, (x, y) -> x > 0f ? 1f : 0f);
    }

    /** 1 / (1 + e^-x); dy/dx = y(1 - y). */
    public Tensor sigmoid() {
        return ElementwiseOps.unary("sigmoid", this, ScalarMath::sigmoid, (x, y) -> y * (1f - y));
    }

    /** tanh(x); dy/dx = 1 - y². */
    public Tensor tanh() {
        return ElementwiseOps.unary("tanh", this, x -> (float) Math.tanh(x), (x, y) -> 1f - y * y);
    }

    // ---------------------------------------------------------------- comparisons and masks (not differentiable)

    /** 1 where this > other, else 0 (broadcasting). */
    public Tensor gt(Tensor other) {
        return ElementwiseOps.compare("gt", ElementwiseOps.Comparison.GT, this, other);
    }

    /** 1 where this < other, else 0 (broadcasting). */
    public Tensor lt(Tensor other) {
        return ElementwiseOps.compare("lt", ElementwiseOps.Comparison.LT, this, other);
    }

    /** 1 where this == other, else 0 (broadcasting). */
    public Tensor eq(Tensor other) {
        return ElementwiseOps.compare("eq", ElementwiseOps.Comparison.EQ, this, other);
    }

    public Tensor gt(double c) {
        return gt(scalar(c));
    }

    public Tensor lt(double c) {
        return lt(scalar(c));
    }

    public Tensor eq(double c) {
        return eq(scalar(c));
    }

    /** {@code condition != 0 ? a : b} element-wise, all three broadcast; differentiable in a and b. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return ElementwiseOps.where(condition, a, b);
    }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements, a 0-dimensional tensor. */
    public Tensor sum() {
        return ReduceOps.sumAll("sum", this, 1f);
    }

    /** Sum along {@code axis} (negative counts from the end); keepDims leaves that axis with size 1. */
    public Tensor sum(int axis, boolean keepDims) {
        return ReduceOps.sum("sum", this, axis, keepDims, false);
    }

    /** Mean of all elements, a 0-dimensional tensor. */
    public Tensor mean() {
        if (data.length == 0) {
            throw new IllegalArgumentException("mean of an empty tensor of shape " + Shapes.toString(shape));
        }
        return ReduceOps.sumAll("mean", this, 1f / data.length);
    }

    /** Mean along {@code axis}; keepDims leaves that axis with size 1. */
    public Tensor mean(int axis, boolean keepDims) {
        return ReduceOps.sum("mean", this, axis, keepDims, true);
    }

    /** Largest element, a 0-dimensional tensor; the gradient goes to that element. */
    public Tensor max() {
        return ReduceOps.maxAll(this);
    }

    /** Largest value along {@code axis}; keepDims leaves that axis with size 1. */
    public Tensor max(int axis, boolean keepDims) {
        return ReduceOps.max(this, axis, keepDims);
    }

    /** Flat row-major index of the largest element (the first one on ties). */
    public int argmax() {
        return ReduceOps.argmaxAll(this);
    }

    /** Positions (as float values) of the largest entries along {@code axis}: {@code [N, C] -> [N]} for axis 1. */
    public Tensor argmax(int axis, boolean keepDims) {
        int a = Shapes.axis(axis, shape.length);
        int[] idx = ReduceOps.argmaxIndices(this, a);
        float[] d = new float[idx.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = idx[i];
        }
        return new Tensor(d, ReduceOps.reducedShape(shape, a, keepDims));
    }

    // ---------------------------------------------------------------- matrices and axes

    /** Matrix product {@code [m, k] · [k, n] -> [m, n]}. */
    public Tensor matmul(Tensor other) {
        return MatrixOps.matmul(this, other);
    }

    /** NumPy's dot: inner product of two vectors, matrix-vector, vector-matrix or matrix-matrix product. */
    public Tensor dot(Tensor other) {
        return MatrixOps.dot(this, other);
    }

    /** Reverses the axes (a 2-D {@code [m, n]} becomes {@code [n, m]}), like NumPy's {@code .T}. */
    public Tensor transpose() {
        int[] axes = new int[shape.length];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = shape.length - 1 - i;
        }
        return MatrixOps.permute(this, axes);
    }

    /** Output axis i is this tensor's axis {@code axes[i]}: {@code [N, H, W, C].transpose(0, 3, 1, 2) -> [N, C, H, W]}. */
    public Tensor transpose(int... axes) {
        return MatrixOps.permute(this, axes);
    }

    // ---------------------------------------------------------------- shape and batch selection

    /** The same values in a new shape; one size may be -1 (inferred). Shares storage. */
    public Tensor reshape(int... newShape) {
        return ShapeOps.reshape(this, newShape);
    }

    /** All values as one axis, shape {@code [numel]}. */
    public Tensor flatten() {
        return reshape(data.length);
    }

    /** Collapses axes {@code startAxis..} into one: {@code [N, C, H, W].flatten(1) -> [N, C*H*W]}. */
    public Tensor flatten(int startAxis) {
        int a = Shapes.axis(startAxis, shape.length);
        int[] s = new int[a + 1];
        System.arraycopy(shape, 0, s, 0, a);
        s[a] = -1;
        return reshape(s);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of axis 0, e.g. one mini-batch. */
    public Tensor slice(int from, int to) {
        return ShapeOps.slice(this, from, to);
    }

    /** The given rows of axis 0, in that order (repeats allowed): {@code [N, ...] -> [rows.length, ...]}. */
    public Tensor index(int[] rows) {
        return ShapeOps.index(this, rows);
    }
}
