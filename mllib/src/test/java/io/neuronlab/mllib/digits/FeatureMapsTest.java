package io.neuronlab.mllib.digits;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.List;
import java.util.Random;

import org.junit.Test;

public class FeatureMapsTest {
    private static Sequential lenetLike() {
        Random r = new Random(1);
        return new Sequential()
            .add("conv1", new Conv2d(1, 4, 5, 1, 2, new He(), r)).add("relu1", new ReLU()).add("pool1", new MaxPool2d(2, 2))
            .add("conv2", new Conv2d(4, 6, 5, 1, 0, new He(), r)).add("relu2", new ReLU()).add("pool2", new MaxPool2d(2, 2))
            .add("flatten", new Flatten()).add("fc", new Linear(6 * 5 * 5, 10, new He(), r));
    }

    @Test
    public void firstTwoConvolutionsAfterTheirActivation() {
        Sequential model = lenetLike();
        model.train(false);
        GrayImage input = new MnistPreprocessor().process(new StrokeRasterizer(20).rasterize(
            java.util.Collections.singletonList(Stroke.of(100, 20, 100, 260)), 200, 280));
        List<FeatureMaps.Activation> maps = FeatureMaps.ofFirstConvolutions(model, input, 2);
        assertEquals(2, maps.size());
        assertEquals("conv1", maps.get(0).layerName());
        assertArrayEquals(new int[] {1, 4, 28, 28}, maps.get(0).values().shape());
        assertEquals("conv2", maps.get(1).layerName());
        assertArrayEquals(new int[] {1, 6, 10, 10}, maps.get(1).values().shape());
        // after ReLU: equal to relu(conv1(x)) computed directly
        Tensor x = Tensor.of(input.pixels().clone(), 1, 1, 28, 28);
        Tensor conv = model.layer("conv1").forward(x);
        float[] expected = conv.data();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Math.max(0, expected[i]), maps.get(0).values().data()[i], 1e-6f);
        }
        for (float v : maps.get(1).values().data()) assertTrue(v >= 0);
    }

    @Test
    public void modelsWithoutConvolutionsHaveNoMaps() {
        Sequential mlp = new Sequential().add(new Flatten()).add(new Linear(784, 10, new He(), new Random(2)));
        assertEquals(0, FeatureMaps.ofFirstConvolutions(mlp, new GrayImage(28, 28), 2).size());
    }

    @Test
    public void layerByLayerGivesEveryLayersOutputEndingInTheNetworks() {
        Sequential model = lenetLike();
        model.train(false);
        GrayImage input = new MnistPreprocessor().process(new StrokeRasterizer(20).rasterize(
            java.util.Collections.singletonList(Stroke.of(100, 20, 100, 260)), 200, 280));
        List<FeatureMaps.LayerOutput> outputs = FeatureMaps.layerByLayer(model, input);
        assertEquals(8, outputs.size());
        String[] names = {"conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten", "fc"};
        String[] kinds = {"Conv2d", "ReLU", "MaxPool2d", "Conv2d", "ReLU", "MaxPool2d", "Flatten", "Linear"};
        for (int i = 0; i < names.length; i++) {
            assertEquals(names[i], outputs.get(i).layerName());
            assertEquals(kinds[i], outputs.get(i).kind());
        }
        assertArrayEquals(new int[] {1, 4, 14, 14}, outputs.get(2).values().shape());
        Tensor x = Tensor.of(input.pixels().clone(), 1, 1, 28, 28);
        assertArrayEquals(model.forward(x).data(), outputs.get(7).values().data(), 1e-6f);
        assertArrayEquals(model.layer("conv1").forward(x).data(), outputs.get(0).values().data(), 1e-6f);
        try {
            FeatureMaps.layerByLayer(new Linear(784, 10, new He(), new Random(2)), input);
            throw new AssertionError("a single layer was taken for a network");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("Sequential"));
        }
    }
}
