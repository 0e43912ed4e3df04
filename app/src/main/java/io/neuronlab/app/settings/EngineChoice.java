package io.neuronlab.app.settings;

import android.content.Context;
import android.content.SharedPreferences;
import io.neuronlab.app.R;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.nn.engine.ConvEngine;
import io.neuronlab.mllib.nn.engine.JavaConvEngine;
import io.neuronlab.mllib.tflite.android.AndroidConvEngines;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Compute" setting: which engine runs the forward pass of Conv2d layers. Stored in SharedPreferences;
 * {@link #open} makes the engine and checks it on a tiny convolution, falling back (GPU → TFLite CPU → Java)
 * with a message when the device cannot run it, so a choice never gives a crash or wrong numbers.
 */
public enum EngineChoice {
    JAVA(R.string.settings_engine_java),
    TFLITE_CPU(R.string.settings_engine_tflite_cpu),
    TFLITE_GPU(R.string.settings_engine_tflite_gpu);

    static final String PREFS = "neuronlab_settings";
    static final String KEY = "compute_engine";
    static final String KEY_IN_USE = "compute_engine_in_use";

    /** The label shown in Settings and About. */
    public final int labelId;

    EngineChoice(int labelId) {
        this.labelId = labelId;
    }

    /** The stored choice; Java when none was made (or the stored name is unknown). */
    public static EngineChoice load(Context context) {
        String name = prefs(context).getString(KEY, JAVA.name());
        for (EngineChoice c : values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return JAVA;
    }

    public void save(Context context) {
        prefs(context).edit().putString(KEY, name()).apply();
    }

    /** Remembers the engine that actually runs (after any fallback), for the About screen. */
    public static void saveInUse(Context context, String engineName) {
        prefs(context).edit().putString(KEY_IN_USE, engineName).apply();
    }

    /** The engine last found to run, or null before Settings has checked one. */
    public static String inUse(Context context) {
        return prefs(context).getString(KEY_IN_USE, null);
    }

    private static SharedPreferences prefs(Context context) {
        return context.getApplicationContext().getSharedPreferences(PREFS, Context.MODE_PRIVATE);
    }

    /**
     * An engine that works on this device for this choice.
     *
     * @return the engine and, when it is not the one chosen, why (the fallback messages)
     */
    public Opened open() {
        List<String> messages = new ArrayList<>();
        ConvEngine engine;
        switch (this) {
            case TFLITE_GPU:
                engine = AndroidConvEngines.tfliteGpu(false, messages::add);
                break;
            case TFLITE_CPU:
                engine = AndroidConvEngines.tfliteCpu();
                break;
            default:
                return new Opened(new JavaConvEngine(), messages);
        }
        try {
            probe(engine);
            return new Opened(engine, messages);
        } catch (RuntimeException | LinkageError e) {
            // no TFLite runtime here (e.g. natives missing for this ABI): the Java engine always works
            engine.close();
            messages.add(engine.name() + " is unavailable (" + e.getMessage() + "); using Java");
            return new Opened(new JavaConvEngine(), messages);
        }
    }

    /** Runs one small convolution and compares it with the Java engine, so a broken engine is never used. */
    static void probe(ConvEngine engine) {
        Tensor x = Tensor.zeros(1, 1, 4, 4);
        Tensor w = Tensor.zeros(2, 1, 3, 3);
        Tensor b = Tensor.of(new float[] {0.5f, -0.25f}, 2);
        for (int i = 0; i < x.numel(); i++) {
            x.data()[i] = (i % 5) - 2f;
        }
        for (int i = 0; i < w.numel(); i++) {
            w.data()[i] = ((i * 7) % 11) / 10f - 0.5f;
        }
        float[] expected = new JavaConvEngine().forward(x, w, b, 1, 1).data();
        float[] actual = engine.forward(x, w, b, 1, 1).data();
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= 1e-2f)) {
                throw new IllegalStateException(engine.name() + " computed " + actual[i] + " instead of "
                        + expected[i] + " at output " + i);
            }
        }
    }

    /** Sets {@code engine} on every Conv2d of {@code network} (nested Sequentials included); returns how many. */
    public static int apply(Sequential network, ConvEngine engine) {
        int count = 0;
        for (Layer layer : network.layers()) {
            if (layer instanceof Conv2d conv) {
                conv.setEngine(engine);
                count++;
            } else if (layer instanceof Sequential inner) {
                count += apply(inner, engine);
            }
        }
        return count;
    }

    /** An engine ready to use and the messages explaining any fallback (empty when the choice runs as is). */
    public record Opened(ConvEngine engine, List<String> messages) {
        public boolean fellBack() {
            return !messages.isEmpty();
        }
    }
}
