package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.models.Recipe;
import io.neuronlab.mllib.models.Recipes;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lesson 18's numbers: every network mllib can build (its recipes), with parameter counts per layer. */
public final class ArchitectureDemo {
    /** One layer: its name, what it is, and how many weights it has. */
    public record LayerCount(String name, String description, long parameters) {
    }

    private ArchitectureDemo() {
    }

    public static List<Recipe> networks() {
        return Recipes.all();
    }

    /** Parameters of every layer of a freshly built network, in order. */
    public static List<LayerCount> layers(Recipe recipe) {
        Sequential model = recipe.createModel(1);
        List<LayerCount> counts = new ArrayList<>();
        for (Map.Entry<String, Layer> e : model.namedLayers().entrySet()) {
            counts.add(new LayerCount(e.getKey(), e.getValue().toString(), count(e.getValue().parameters())));
        }
        return counts;
    }

    public static long total(Recipe recipe) {
        return count(recipe.createModel(1).parameters());
    }

    private static long count(Map<String, Tensor> parameters) {
        long n = 0;
        for (Tensor t : parameters.values()) {
            n += t.numel();
        }
        return n;
    }
}
