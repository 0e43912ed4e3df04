package io.neuronlab.app.draw;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import android.content.Context;

import androidx.test.core.app.ApplicationProvider;

import io.neuronlab.app.settings.EngineChoice;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.Stroke;
import io.neuronlab.mllib.nn.engine.JavaConvEngine;
import io.neuronlab.mllib.digits.StrokeRasterizer;

import java.util.Collections;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

/**
 * The Settings "Compute" choice reaches the network the Draw and Camera screens use. On the JVM the TFLite
 * natives for Android cannot load, so a TFLite choice must fall back to Java and recognition must still be right.
 */
@RunWith(RobolectricTestRunner.class)
public class DigitNetworkEngineTest {
    @Test
    public void theChosenEngineIsAppliedAndAFallbackStillRecognises() throws Exception {
        Context context = ApplicationProvider.getApplicationContext();
        String java = new JavaConvEngine().name();
        // DigitNetwork is one per process, so each step changes the choice: both switches re-apply the engine
        EngineChoice.TFLITE_CPU.save(context);
        DigitNetwork network = DigitNetwork.get(context);
        String inUse = EngineChoice.inUse(context);
        assertEquals("the engine in use is the one set on the convolutions",
            network.engine() == null ? java : network.engine().name(), inUse);
        assertEquals(7, network.recognizer().recognize(drawnSeven()).predictions().get(0).digit());

        EngineChoice.JAVA.save(context);
        DigitNetwork again = DigitNetwork.get(context);
        assertSame(network, again);
        assertNull("Java runs on Conv2d's built-in path", again.engine());
        assertEquals(java, EngineChoice.inUse(context));
        assertEquals(7, again.recognizer().recognize(drawnSeven()).predictions().get(0).digit());
    }

    /** The same 7 the Draw screen's test draws (fractions of a 600×600 canvas), rasterised as that screen does. */
    private static GrayImage drawnSeven() {
        float side = 600f;
        Stroke seven = Stroke.of(0.3f * side, 0.22f * side, 0.7f * side, 0.22f * side, 0.45f * side, 0.8f * side);
        return StrokeRasterizer.rasterizeForRecognition(Collections.singletonList(seven), 600, 600);
    }
}
