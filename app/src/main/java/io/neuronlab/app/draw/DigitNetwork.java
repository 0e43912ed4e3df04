package io.neuronlab.app.draw;

import android.content.Context;

import io.neuronlab.app.R;
import io.neuronlab.mllib.digits.DigitModel;
import io.neuronlab.mllib.digits.DigitRecognizer;
import io.neuronlab.mllib.digits.FeatureMaps;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped digit network (asset {@value #ASSET}, trained by mllib), loaded once per process, and what the
 * screens ask of it: recognition, and the feature maps of its first two convolution layers.
 */
public final class DigitNetwork {
    public static final String ASSET = "models/digits.nlmf";

    private static DigitNetwork instance;

    private final Sequential model;
    private final DigitRecognizer recognizer;

    private DigitNetwork(Sequential model) {
        this.model = model;
        this.recognizer = new DigitRecognizer(model);
    }

    /** Loads the asset on first use (call off the UI thread). */
    public static synchronized DigitNetwork get(Context context) {
        if (instance == null) {
            try (InputStream in = context.getAssets().open(ASSET)) {
                instance = new DigitNetwork(DigitModel.load(in, ASSET));
            } catch (IOException e) {
                throw new IllegalStateException("cannot load the digit model " + ASSET + ": " + e.getMessage(), e);
            }
        }
        return instance;
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

    /** Titles and {@code [1, C, H, W]} activations, one per convolution layer. */
    public record Maps(List<String> titles, List<Tensor> activations) {
    }
}
