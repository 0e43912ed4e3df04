package io.neuronlab.app.settings;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.action.ViewActions.click;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.ViewMatchers.isChecked;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withText;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import android.content.Context;
import androidx.test.core.app.ActivityScenario;
import androidx.test.core.app.ApplicationProvider;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import io.neuronlab.mllib.init.ConstantStd;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.nn.engine.JavaConvEngine;
import java.util.Random;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;

/**
 * The "Compute" setting is stored, the engine it names is put on a network's Conv2d layers, and on a device
 * a TFLite choice runs where its runtime opens and otherwise falls back to Java and says so (Robolectric has no TFLite
 * natives for Android, a phone has).
 */
@RunWith(AndroidJUnit4.class)
public class SettingsActivityTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    private final Context context = ApplicationProvider.getApplicationContext();

    @Before
    public void clearSettings() {
        context.getSharedPreferences(EngineChoice.PREFS, Context.MODE_PRIVATE).edit().clear().commit();
    }

    @Test
    public void javaIsTheDefaultAndRunsRealNumbers() {
        try (ActivityScenario<SettingsActivity> scenario = ActivityScenario.launch(SettingsActivity.class)) {
            onView(withId(R.id.settings_engine_java)).check(matches(isChecked()));
            onView(withId(R.id.settings_engine_status)).check(matches(withText("In use: Java")));
        }
        assertEquals(EngineChoice.JAVA, EngineChoice.load(context));
        assertEquals("Java", EngineChoice.inUse(context));

        // 1 channel 3x3 input, one 2x2 filter of ones, bias 0.5: each output = sum of a 2x2 window + 0.5
        Sequential net = new Sequential();
        Conv2d conv = new Conv2d(1, 1, 2, 1, 0, new ConstantStd(0.01f), new Random(1));
        net.add("conv", conv);
        net.add("relu", new ReLU());
        java.util.Arrays.fill(conv.parameters().get("weight").data(), 1f);
        java.util.Arrays.fill(conv.parameters().get("bias").data(), 0.5f);
        EngineChoice.Opened opened = EngineChoice.JAVA.open();
        assertEquals(1, EngineChoice.apply(net, opened.engine()));
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor y = net.forward(x);
        assertTrue(conv.engine() instanceof JavaConvEngine);
        assertArrayEquals(new float[] {12.5f, 16.5f, 24.5f, 28.5f}, y.data(), 1e-6f);
    }

    @Test
    public void tfliteGpuChoiceIsStoredAndRunsOrFallsBackToJavaWithAMessage() {
        assertTfliteChoiceFallsBack(R.id.settings_engine_tflite_gpu, EngineChoice.TFLITE_GPU);
    }

    @Test
    public void tfliteCpuChoiceIsStoredAndRunsOrFallsBackToJavaWithAMessage() {
        assertTfliteChoiceFallsBack(R.id.settings_engine_tflite_cpu, EngineChoice.TFLITE_CPU);
    }

    private void assertTfliteChoiceFallsBack(int radioId, EngineChoice choice) {
        assertNull(EngineChoice.inUse(context));
        // what this runtime can open decides what the screen must say: the engine itself, or Java with the reason
        EngineChoice.Opened opened = choice.open();
        try (ActivityScenario<SettingsActivity> scenario = ActivityScenario.launch(SettingsActivity.class)) {
            onView(withId(radioId)).perform(click());
            if (opened.fellBack()) {
                onView(withId(R.id.settings_engine_status)).check(matches(withText(containsString("In use: Java (fallback)"))));
                onView(withId(R.id.settings_engine_status)).check(matches(withText(containsString("unavailable"))));
            } else {
                onView(withId(R.id.settings_engine_status)).check(matches(withText("In use: " + opened.engine().name())));
            }
        }
        assertEquals(choice, EngineChoice.load(context));
        assertEquals(opened.fellBack() ? "Java" : opened.engine().name(), EngineChoice.inUse(context));
        // reopening shows the stored choice
        try (ActivityScenario<SettingsActivity> scenario = ActivityScenario.launch(SettingsActivity.class)) {
            onView(withId(radioId)).check(matches(isChecked()));
        }

        // the engine in use (the fallback included) computes what the layer's own path computes
        assertEquals(opened.fellBack(), opened.engine() instanceof JavaConvEngine);
        Sequential net = new Sequential();
        Conv2d conv = new Conv2d(2, 3, 3, 1, 1, new ConstantStd(0.5f), new Random(7));
        net.add("conv", conv);
        Tensor x = Tensor.zeros(2, 2, 5, 5);
        Random random = new Random(3);
        for (int i = 0; i < x.numel(); i++) {
            x.data()[i] = (float) random.nextGaussian();
        }
        float[] builtIn = net.forward(x).data().clone();
        assertEquals(1, EngineChoice.apply(net, opened.engine()));
        assertArrayEquals(builtIn, net.forward(x).data(), 1e-5f);
    }
}
