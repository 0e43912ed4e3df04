package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.tensor.Tensor;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Lesson 1's broadcasting examples: A (2×3) plus B of several shapes, added by mllib's {@code Tensor.add}. */
public final class BroadcastDemo {
    /** One B to add: a label and the tensor. */
    public record Choice(String label, Tensor b) {
    }

    /** mllib's answer: the sum, or (when the shapes do not broadcast) mllib's error message. */
    public record Outcome(Tensor sum, String error) {
    }

    private BroadcastDemo() {
    }

    public static Tensor a() {
        return Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    }

    public static List<Choice> choices() {
        return Collections.unmodifiableList(Arrays.asList(
                new Choice("10", Tensor.scalar(10)),
                new Choice("[3]", Tensor.of(new float[] {10, 20, 30}, 3)),
                new Choice("[2,1]", Tensor.of(new float[] {10, 20}, 2, 1)),
                new Choice("[2,3]", Tensor.of(new float[] {10, 20, 30, 40, 50, 60}, 2, 3)),
                new Choice("[2]", Tensor.of(new float[] {10, 20}, 2))));
    }

    public static Outcome add(Tensor b) {
        try {
            return new Outcome(a().add(b), null);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, e.getMessage());
        }
    }
}
