package io.neuronlab.app.draw;

import android.content.Context;

import io.neuronlab.app.R;
import io.neuronlab.app.settings.EngineChoice;
import io.neuronlab.mllib.digits.DigitModel;
import io.neuronlab.mllib.digits.DigitRecognizer;
import io.neuronlab.mllib.digits.FeatureMaps;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.PairModel;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import io.neuronlab.mllib.nn.engine.ConvEngine;
import io.neuronlab.mllib.nn.engine.JavaConvEngine;

import java.io.IOException;
import io.neuronlab.app.models.ModelLibrary;
import io.neuronlab.mllib.io.ModelSerializer;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped digit network (asset {@value #ASSET}, trained by mllib), loaded once per process, and what the
 * screens ask of it: recognition, and the feature maps of its first two convolution layers.
 */
public final class DigitNetwork {
    public static final String ASSET = "models/digits.nlmf";
    /** The "one digit or two touching digits" network the recogniser asks before cutting (mllib's PairModel). */
    public static final String PAIR_ASSET = "models/pairs.nlmf";

    private static DigitNetwork instance;

    private final Sequential model;
    private final DigitRecognizer recognizer;
    private EngineChoice engineChoice; // the Settings choice now applied to the convolutions; null before the first
    private ConvEngine engine;         // the engine that choice opened (null: Conv2d's built-in Java path)

    private final String source;

    private DigitNetwork(Sequential model, Sequential pairModel, String source) {
        this.model = model;
        this.source = source;
        this.recognizer = new DigitRecognizer(model, pairModel);
    }

    /**
     * The recogniser's network: the model chosen in the user's model library ("use this model", a fine-tuned
     * model) or else the shipped asset; loaded on first use and again when the choice changes. Its convolutions
     * run on the engine chosen in Settings (re-applied when the choice changes; a choice the device cannot run
     * falls back as {@link EngineChoice#open} says). Call off the UI thread.
     */
    public static synchronized DigitNetwork get(Context context) {
        File chosen = new ModelLibrary(modelsDir(context)).active();
        String source = chosen == null ? ASSET : chosen.getPath() + "@" + chosen.lastModified();
        if (instance == null || !instance.source.equals(source)) {
            instance = load(context, chosen, source);
        }
        instance.useEngine(context, EngineChoice.load(context));
        return instance;
    }

    /** Where the user's model files live (train.LabRunner and fine-tuning save there). */
    public static File modelsDir(Context context) {
        return new File(context.getFilesDir(), "models");
    }

    private static DigitNetwork load(Context context, File chosen, String source) {
        // the pair network goes with every digit model: it looks at the same 28x28 inputs, whoever reads them
        Sequential pairs;
        try (InputStream in = context.getAssets().open(PAIR_ASSET)) {
            pairs = PairModel.load(in, PAIR_ASSET);
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the pair model " + PAIR_ASSET + ": " + e.getMessage(), e);
        }
        if (chosen != null) {
            try (InputStream in = new FileInputStream(chosen)) {
                return new DigitNetwork(new ModelSerializer().load(in, chosen.getName()), pairs, source);
            } catch (IOException | RuntimeException e) {
                // a chosen file that no longer loads: the shipped model keeps the screens working
            }
        }
        try (InputStream in = context.getAssets().open(ASSET)) {
            return new DigitNetwork(DigitModel.load(in, ASSET), pairs, ASSET);
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the digit model " + ASSET + ": " + e.getMessage(), e);
        }
    }

    /** What was loaded: {@value #ASSET}, or the chosen model file's path and time. */
    public String source() {
        return source;
    }

    private void useEngine(Context context, EngineChoice choice) {
        if (choice == engineChoice) {
            return;
        }
        EngineChoice.Opened opened = choice.open();
        // the previous engine is not closed here: a recognition on another thread may still be using it
        // the Java engine is Conv2d's own im2col + GEMM path: leave the layers on it rather than wrap it
        engine = opened.engine() instanceof JavaConvEngine ? null : opened.engine();
        EngineChoice.apply(model, engine);
        EngineChoice.saveInUse(context, opened.engine().name());
        engineChoice = choice;
    }

    /** The engine running this network's convolutions: null for Conv2d's built-in Java path. */
    public synchronized ConvEngine engine() {
        return engine;
    }

    public DigitRecognizer recognizer() {
        return recognizer;
    }

    /** Feature maps of the first two convolution layers for one 28×28 input, with titles for the screen. */
    public synchronized Maps featureMaps(Context context, GrayImage input) {
        List<String> titles = new ArrayList<>();
        List<Tensor> values = new ArrayList<>();
        List<FeatureMaps.Activation> maps = FeatureMaps.ofFirstConvolutions(model, input, 2);
        for (int i = 0; i < maps.size(); i++) {
            FeatureMaps.Activation a = maps.get(i);
            titles.add(context.getString(R.string.draw_conv_layer, i + 1, a.layerName(), a.values().size(1)));
            values.add(a.values());
        }
        return new Maps(titles, values);
    }

    /** Every layer's output for one 28×28 input, in order (lesson 17: what each layer sees). Call off the UI thread. */
    public synchronized List<FeatureMaps.LayerOutput> layerByLayer(GrayImage input) {
        return FeatureMaps.layerByLayer(model, input);
    }

    /** Titles and {@code [1, C, H, W]} activations, one per convolution layer. */
    public record Maps(List<String> titles, List<Tensor> activations) {
    }
}
