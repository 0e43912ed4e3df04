package io.neuronlab.mllib.lab;

import io.neuronlab.mllib.init.ConstantStd;
import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.init.Initializer;
import io.neuronlab.mllib.init.Xavier;
import io.neuronlab.mllib.models.Recipes;
import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The network a {@link LabSettings} describes: the registry's architecture ({@link Recipes}) with the lab's
 * choices applied — weights re-drawn with the chosen initialiser, BatchNorm after every convolution and hidden
 * affine layer (before its ReLU, as the book), Dropout after every hidden affine layer's ReLU (replacing the
 * network's own Dropout). All draws come from the settings' seed.
 */
public final class LabNetworks {
    private LabNetworks() {
    }

    public static Sequential build(LabSettings s) {
        Sequential base = Recipes.byName(s.network).createModel(s.seed);
        Random random = new Random(s.seed * 31 + 7);
        if (s.init != LabSettings.Init.HE) {
            Initializer init = initializer(s.init);
            for (Layer layer : base.layers()) {
                if (layer instanceof Conv2d conv) {
                    init.fill(conv.weight(), random);
                } else if (layer instanceof Linear linear) {
                    init.fill(linear.weight(), random);
                }
            }
        }
        List<Map.Entry<String, Layer>> layers = new ArrayList<>(base.namedLayers().entrySet());
        int lastLinear = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).getValue() instanceof Linear) {
                lastLinear = i;
            }
        }
        Sequential net = new Sequential();
        int bn = 0;
        int dropouts = 0;
        boolean afterHiddenLinear = false;
        for (int i = 0; i < layers.size(); i++) {
            String name = layers.get(i).getKey();
            Layer layer = layers.get(i).getValue();
            if (layer instanceof Dropout) {
                continue; // replaced by the lab's dropout below
            }
            net.add(name, layer);
            if (s.batchNorm && layer instanceof Conv2d conv) {
                net.add("bn" + (++bn), new BatchNorm(conv.outChannels()));
            } else if (s.batchNorm && layer instanceof Linear linear && i != lastLinear) {
                net.add("bn" + (++bn), new BatchNorm(linear.outFeatures()));
            }
            if (layer instanceof Linear) {
                afterHiddenLinear = i != lastLinear;
            } else if (layer instanceof ReLU && afterHiddenLinear) {
                if (s.dropout > 0f) {
                    net.add("dropout" + (++dropouts), new Dropout(s.dropout, random));
                }
                afterHiddenLinear = false;
            }
        }
        return net;
    }

    static Initializer initializer(LabSettings.Init init) {
        switch (init) {
            case STD_0_01:
                return new ConstantStd(0.01f);
            case XAVIER:
                return new Xavier();
            default:
                return new He();
        }
    }

    /**
     * The first layer's filters as small images: a convolution's {@code [C, k, k]} kernels (first input channel),
     * or for a network starting with an affine layer its first units' 28×28 weights (at most {@code max}).
     * Row-major; each array is side×side.
     */
    public static List<float[]> firstLayerFilters(Sequential net, int max) {
        List<float[]> filters = new ArrayList<>();
        for (Layer layer : net.layers()) {
            if (layer instanceof Conv2d conv) {
                Tensor w = conv.weight(); // [out, in, k, k]
                int k = conv.kernel();
                int per = conv.inChannels() * k * k;
                for (int o = 0; o < Math.min(max, conv.outChannels()); o++) {
                    float[] f = new float[k * k];
                    System.arraycopy(w.data(), o * per, f, 0, k * k);
                    filters.add(f);
                }
                return filters;
            }
            if (layer instanceof Linear linear) {
                Tensor w = linear.weight(); // [in, out]
                int in = linear.inFeatures();
                int out = linear.outFeatures();
                if (in != 28 * 28) {
                    return filters;
                }
                for (int o = 0; o < Math.min(max, out); o++) {
                    float[] f = new float[in];
                    for (int p = 0; p < in; p++) {
                        f[p] = w.data()[p * out + o];
                    }
                    filters.add(f);
                }
                return filters;
            }
        }
        return filters;
    }
}
