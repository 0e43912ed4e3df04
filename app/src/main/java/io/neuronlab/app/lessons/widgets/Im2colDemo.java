package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Im2col;
import io.neuronlab.mllib.tensor.Tensor;
import java.util.Random;

/** Lesson 16's numbers: a 3×3 input, a 2×2 filter; mllib's im2col, the matrix product, and Conv2d for comparison. */
public final class Im2colDemo {
    public static final float[] INPUT = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    public static final float[] FILTER = {2, 0, 0, -1};

    private Im2colDemo() {
    }

    /** [4 positions, 4 patch values]: row k is the patch under output position k. */
    public static Tensor columns() {
        return Im2col.im2col(Tensor.of(INPUT.clone(), 1, 1, 3, 3), 2, 2, 1, 0);
    }

    /** columns · filter as a column: the convolution's 4 outputs. */
    public static float[] product() {
        return columns().matmul(Tensor.of(FILTER.clone(), 4, 1)).data();
    }

    /** The same convolution by mllib's Conv2d layer with this filter and no bias. */
    public static float[] conv2d() {
        Conv2d conv = new Conv2d(1, 1, 2, 1, 0, new He(), new Random(1));
        System.arraycopy(FILTER, 0, conv.weight().data(), 0, 4);
        java.util.Arrays.fill(conv.bias().data(), 0f);
        return conv.forward(Tensor.of(INPUT.clone(), 1, 1, 3, 3)).data();
    }
}
