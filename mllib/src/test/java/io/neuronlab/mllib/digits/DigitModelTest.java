package io.neuronlab.mllib.digits;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.neuronlab.mllib.io.LayerSpec;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelFormatException;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.Test;

public class DigitModelTest {
    @Test
    public void aSavedModelLoadsBackWithIdenticalOutputs() throws Exception {
        Sequential model = DigitModel.build(5);
        model.train(false);
        byte[] bytes = DigitModel.toFile(model, new TrainingMetadata("mnist", 1, 0.5f, 5, "test", null)).toBytes();
        Sequential back = DigitModel.load(new ByteArrayInputStream(bytes), "digits.nlmf");
        float[] x = new float[2 * 784];
        Random r = new Random(3);
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        Tensor a = model.forward(Tensor.of(x.clone(), 2, 1, 28, 28)), b = back.forward(Tensor.of(x.clone(), 2, 1, 28, 28));
        assertArrayEquals(new int[] {2, 10}, b.shape());
        assertArrayEquals(a.data(), b.data(), 0f);
        assertArrayEquals(bytes, DigitModel.toFile(back, new TrainingMetadata("mnist", 1, 0.5f, 5, "test", null)).toBytes());
    }

    @Test
    public void anotherArchitectureIsRejectedByName() throws Exception {
        List<LayerSpec> other = new ArrayList<>(DigitModel.architecture());
        other.set(7, new LayerSpec("fc1", "Linear").with("in", 1568).with("out", 64));
        ModelFile file = new ModelFile(other, DigitModel.build(1).namedParameters(), TrainingMetadata.none());
        try {
            DigitModel.fromFile(file, "other.nlmf");
            fail("expected ModelFormatException");
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("other.nlmf") && e.getMessage().contains("layer 7"));
        }
        assertEquals(10, DigitModel.architecture().size());
    }
}
