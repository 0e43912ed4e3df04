package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.nn.engine.ConvEngine;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import java.util.ArrayList;
import java.util.List;

/** The bench hook runs every LeNet and deep-CNN convolution in both engines and they agree (speed is not asserted). */
public class ConvBenchmarkTest {
    @Test
    public void timesEveryShapeInEveryEngineAndTheEnginesAgree() {
        List<ConvBenchmark.ConvShape> shapes = new ArrayList<>(ConvBenchmark.lenet());
        shapes.addAll(ConvBenchmark.deepCnn());
        List<ConvEngine> engines = ConvBenchmark.availableEngines();
        assertEquals("Java + the desktop TFLite runtime found through META-INF/services", 2, engines.size());
        assertTrue(engines.get(1).name(), engines.get(1).name().startsWith("TFLite CPU"));
        try (ConvEngine tflite = engines.get(1)) {
            List<ConvBenchmark.Timing> timings = ConvBenchmark.time(shapes, engines, 2, 1, 1, 5);
            System.out.print(ConvBenchmark.format(timings));
            assertEquals(shapes.size() * 2, timings.size());
            for (ConvBenchmark.Timing t : timings) {
                assertTrue(t.toString(), t.millisPerImage() > 0);
                assertTrue(t.toString(), t.maxAbsDiff() <= 1e-4f);
            }
            assertEquals("Java", timings.get(0).engine());
            assertEquals(0f, timings.get(0).maxAbsDiff(), 0f);
        }
    }
}
