package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.digits.FeatureMaps;
import io.neuronlab.mllib.functions.Softmax;
import io.neuronlab.mllib.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lesson 17's numbers: the digit network's layer outputs (mllib's {@link FeatureMaps#layerByLayer}) grouped into
 * the stages a learner looks at — a convolution or fully connected layer together with the activation after it, a
 * pooling — with the flatten left out (it only reshapes), and the output's softmax probabilities.
 */
public final class CnnLayersDemo {
    /** Layers that keep the shape and belong with the layer before them. */
    private static final List<String> FOLLOWERS = Arrays.asList("ReLU", "LeakyReLU", "Sigmoid", "Tanh", "BatchNorm",
            "Dropout");

    /** One stage: the names of its layers ("conv1 + relu1") and its output. */
    public record Stage(String layers, Tensor output) {
        /** Whether the output is a stack of feature maps {@code [1, C, H, W]} (else a vector {@code [1, F]}). */
        public boolean maps() {
            return output.dim() == 4;
        }
    }

    private CnnLayersDemo() {
    }

    public static List<Stage> stages(List<FeatureMaps.LayerOutput> outputs) {
        List<Stage> stages = new ArrayList<>();
        for (FeatureMaps.LayerOutput o : outputs) {
            if (o.kind().equals("Flatten")) {
                continue;
            }
            if (FOLLOWERS.contains(o.kind()) && !stages.isEmpty()) {
                Stage last = stages.remove(stages.size() - 1);
                stages.add(new Stage(last.layers() + " + " + o.layerName(), o.values()));
            } else {
                stages.add(new Stage(o.layerName(), o.values()));
            }
        }
        return stages;
    }

    /** The network's output scores as probabilities (mllib's softmax). */
    public static float[] probabilities(List<Stage> stages) {
        return Softmax.softmax(stages.get(stages.size() - 1).output().data().clone());
    }

    /** How many of a vector's values are above zero (the active units after a ReLU). */
    public static int active(Tensor values) {
        int n = 0;
        for (float v : values.data()) {
            if (v > 0) {
                n++;
            }
        }
        return n;
    }
}
