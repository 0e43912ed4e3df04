package io.neuronlab.mllib.tflite;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import java.util.ArrayList;
import java.util.List;

/** The bench hook runs every LeNet and deep-CNN convolution in both engines and they agree (speed is not asserted). */
public class ConvEngineBenchTest {
    @Test
    public void timesEveryShapeInEveryEngineAndTheEnginesAgree() {
        List<ConvEngineBench.ConvShape> shapes = new ArrayList<>(ConvEngineBench.lenet());
        shapes.addAll(ConvEngineBench.deepCnn());
        List<ConvEngine> engines = ConvEngineBench.availableEngines();
        assertEquals("Java + the desktop TFLite runtime found through META-INF/services", 2, engines.size());
        assertTrue(engines.get(1).name(), engines.get(1).name().startsWith("TFLite CPU"));
        try (ConvEngine tflite = engines.get(1)) {
            List<ConvEngineBench.Timing> timings = ConvEngineBench.time(shapes, engines, 2, 1, 1, 5);
            System.out.print(ConvEngineBench.format(timings));
            assertEquals(shapes.size() * 2, timings.size());
            for (ConvEngineBench.Timing t : timings) {
                assertTrue(t.toString(), t.millisPerImage() > 0);
                assertTrue(t.toString(), t.maxAbsDiff() <= 1e-4f);
            }
            assertEquals("Java", timings.get(0).engine());
            assertEquals(0f, timings.get(0).maxAbsDiff(), 0f);
        }
    }
}
