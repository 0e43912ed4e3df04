package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;

/** Tensors as monospaced text for widgets: a shape line, then rows of right-aligned numbers. */
public final class TensorText {
    private TensorText() {
    }

    public static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }

    /** Up to 2-D as rows; higher ranks row by row of the last axis. */
    public static String values(Tensor t) {
        float[] d = t.data();
        int cols = t.dim() == 0 ? 1 : t.size(-1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.length; i++) {
            sb.append(String.format(Locale.ROOT, "%7s", compact(d[i])));
            if ((i + 1) % cols == 0 && i + 1 < d.length) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** Whole numbers without decimals, others with up to 3. */
    public static String compact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
