package io.neuronlab.mllib.optim;

import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.Collections;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

public class ScheduleTest {
    private static Optimizer sgd(float lr) {
        return new SGD(Collections.singletonList(Tensor.zeros(1)), lr);
    }

    @Test
    public void stepLrDecaysEveryStepSizeEpochs() {
        Optimizer opt = sgd(0.1f);
        StepLr schedule = new StepLr(opt, 2, 0.5f);
        float[] expected = {0.1f, 0.05f, 0.05f, 0.025f, 0.025f};   // rates for epochs 1..5
        for (int e = 0; e < expected.length; e++) {
            schedule.step();
            assertEquals("epoch " + (e + 1), expected[e], opt.learningRate(), 1e-8f);
        }
        assertEquals(5, schedule.epoch());
    }

    @Test
    public void cosineLrGoesFromBaseToMinimum() {
        Optimizer opt = sgd(0.2f);
        CosineLr schedule = new CosineLr(opt, 4, 0.02f);
        assertEquals(0.2f, schedule.learningRateAt(0), 1e-7f);
        schedule.step();
        // epoch 1 of 4: 0.02 + 0.18·(1 + cos(π/4))/2
        assertEquals(0.02 + 0.18 * (1 + Math.cos(Math.PI / 4)) / 2, opt.learningRate(), 1e-7);
        schedule.step();
        assertEquals(0.11f, opt.learningRate(), 1e-7f);
        schedule.step();
        schedule.step();
        assertEquals(0.02f, opt.learningRate(), 1e-7f);
        schedule.step();
        assertEquals("held at the minimum after the last epoch", 0.02f, opt.learningRate(), 1e-7f);
        assertThrows(IllegalArgumentException.class, () -> new CosineLr(sgd(0.1f), 0));
    }
}
