package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.nn.AvgPool2d;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.tensor.Tensor;

/** Lesson 15's numbers: 2×2 pooling with stride 2 of a 4×4 grid by mllib's pooling layers. */
public final class PoolingDemo {
    /** The book's pooling example. */
    public static final float[] BOOK = {1, 2, 3, 0, 0, 1, 2, 4, 1, 0, 4, 2, 3, 2, 0, 1};
    public static final String[] MODES = {"max", "average", "sum"};

    private PoolingDemo() {
    }

    /** The 2×2 output, row-major, of pooling {@code grid} (16 values) in mode 0 max, 1 average, 2 sum. */
    public static float[] pool(float[] grid, int mode) {
        Tensor x = Tensor.of(grid.clone(), 1, 1, 4, 4);
        if (mode == 0) {
            return new MaxPool2d(2, 2).forward(x).data();
        }
        Tensor average = new AvgPool2d(2, 2).forward(x);
        return mode == 1 ? average.data() : average.mul(4).data(); // a sum is the average times the window size
    }
}
