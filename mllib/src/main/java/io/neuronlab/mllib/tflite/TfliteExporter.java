package io.neuronlab.mllib.tflite;

import io.neuronlab.mllib.files.AtomicFile;
import io.neuronlab.mllib.nn.AdaptiveAvgPool2d;
import io.neuronlab.mllib.nn.AvgPool2d;
import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Concat;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.LocalResponseNorm;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Residual;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.nn.Sigmoid;
import io.neuronlab.mllib.nn.Softmax;
import io.neuronlab.mllib.nn.Tanh;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Exports a {@link Sequential} network to a float32 TensorFlow Lite model (schema v3, NHWC, batch 1, a
 * {@code serving_default} signature with input "input" and output "output").
 *
 * <p>Supported layers: Conv2d (a bias-less one gets its zero bias), MaxPool2d (padding and ceil mode included),
 * AvgPool2d, AdaptiveAvgPool2d (when the output size divides the input's), Residual (ADD, then RELU), Concat
 * (CONCATENATION along NHWC's channel axis 3), Linear, ReLU, Sigmoid, Tanh, Softmax, Flatten, BatchNorm (folded
 * into the Conv2d or Linear right before it, using its running statistics) and Dropout (the identity at
 * inference, so left out); nested Sequentials and the branches of Residual and Concat are walked. Layouts are converted on the way: image input
 * [1, C, H, W] becomes [1, H, W, C], filters OIHW become OHWI, Linear weights [in, out] become [out, in], and
 * because the NHWC graph flattens in (h, w, c) order, the first Linear after a flatten gets its input rows
 * permuted to match. Any other layer is rejected with an error naming it.
 */
public final class TfliteExporter {
    /** The image size {@link #export(Sequential, File)} assumes for networks that start with a Conv2d. */
    public static final int DEFAULT_IMAGE_SIZE = 28;

    private TfliteExporter() {
    }

    /**
     * Writes {@code model} as .tflite to {@code file} (atomically). The input shape is inferred: a network
     * starting with Linear(in, …) takes [1, in]; one starting with Conv2d(c, …) takes MNIST-sized images
     * [1, c, 28, 28]. Use {@link #export(Sequential, int[], File)} for other image sizes.
     */
    public static void export(Sequential model, File file) throws IOException {
        export(model, defaultInputShape(model), file);
    }

    /**
     * Writes {@code model} as .tflite to {@code file} (temp file, fsync, rename).
     *
     * @param inputShape one sample's shape in mllib's layout: {C, H, W} for images or {F} for features
     */
    public static void export(Sequential model, int[] inputShape, File file) throws IOException {
        byte[] bytes = toBytes(model, inputShape);
        File dir = file.getAbsoluteFile().getParentFile();
        if (dir != null && !dir.isDirectory() && !dir.mkdirs()) {
            throw new IOException("cannot create directory " + dir + " for " + file);
        }
        AtomicFile.write(file, bytes);
    }

    /** The .tflite bytes of {@code model}; see {@link #export(Sequential, int[], File)}. */
    public static byte[] toBytes(Sequential model, int[] inputShape) {
        return new Walk(inputShape).run(flatten(model)).finish(model.toString());
    }

    /** The per-sample input shape {@link #export(Sequential, File)} uses for {@code model}. */
    public static int[] defaultInputShape(Sequential model) {
        for (Named n : flatten(model)) {
            if (n.layer instanceof Conv2d) {
                return new int[] {((Conv2d) n.layer).inChannels(), DEFAULT_IMAGE_SIZE, DEFAULT_IMAGE_SIZE};
            }
            if (n.layer instanceof Linear) {
                return new int[] {((Linear) n.layer).inFeatures()};
            }
        }
        throw new IllegalArgumentException("cannot infer the input shape of " + model
            + ": it has no Conv2d or Linear layer; pass the shape to export(model, inputShape, file)");
    }

    private record Named(String name, Layer layer) {
    }

    private static List<Named> flatten(Sequential model) {
        List<Named> out = new ArrayList<>();
        for (Map.Entry<String, Layer> e : model.namedLayers().entrySet()) {
            out.addAll(flatten(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** {@code layer} as a list: a Sequential's layers (nested ones walked) under {@code name/}, else itself. */
    private static List<Named> flatten(String name, Layer layer) {
        if (!(layer instanceof Sequential)) {
            return java.util.Collections.singletonList(new Named(name, layer));
        }
        List<Named> out = new ArrayList<>();
        for (Named inner : flatten((Sequential) layer)) {
            out.add(new Named(name + "/" + inner.name, inner.layer));
        }
        return out;
    }

    /** One pass over the layers, tracking the activation's mllib shape and the flatten order. */
    private static final class Walk {
        private final TfliteModelBuilder b = new TfliteModelBuilder();
        private int[] shape;      // one sample in mllib's layout: {C, H, W} or {F}
        private int[] hwcOrder;   // {C, H, W} when the current features are a flatten in (h, w, c) order
        private int t;

        Walk(int[] inputShape) {
            if (inputShape == null || (inputShape.length != 1 && inputShape.length != 3)) {
                throw new IllegalArgumentException("input shape must be one sample's {C, H, W} or {F}, got "
                    + Arrays.toString(inputShape));
            }
            shape = inputShape.clone();
            t = shape.length == 3 ? b.input("input", 1, shape[1], shape[2], shape[0]) : b.input("input", 1, shape[0]);
        }

        TfliteModelBuilder run(List<Named> layers) {
            walk(layers);
            if (hwcOrder != null) {
                restoreChwOrder();
            }
            b.output("output", t);
            return b;
        }

        /** Adds {@code layers} to the graph, from the current tensor on. */
        private void walk(List<Named> layers) {
            for (int i = 0; i < layers.size(); i++) {
                Named n = layers.get(i);
                Layer l = n.layer;
                BatchNorm bn = followingBatchNorm(layers, i);
                if (l instanceof Conv2d) {
                    conv(n.name, (Conv2d) l, bn);
                } else if (l instanceof Linear) {
                    linear(n.name, (Linear) l, bn);
                } else if (l instanceof MaxPool2d) {
                    requireImages(n);
                    MaxPool2d p = (MaxPool2d) l;
                    t = b.maxPool2d(n.name, t, p.kernel(), p.stride(), p.padding(), p.ceilMode());
                    imagesFromTensor();
                } else if (l instanceof AvgPool2d) {
                    requireImages(n);
                    t = b.averagePool2d(n.name, t, ((AvgPool2d) l).kernel(), ((AvgPool2d) l).stride());
                    imagesFromTensor();
                } else if (l instanceof AdaptiveAvgPool2d) {
                    adaptiveAvgPool(n);
                } else if (l instanceof Residual) {
                    residual(n, (Residual) l);
                } else if (l instanceof Concat) {
                    concat(n, (Concat) l);
                } else if (l instanceof LocalResponseNorm) {
                    localResponseNorm(n, (LocalResponseNorm) l);
                } else if (l instanceof ReLU) {
                    t = b.relu(n.name, t);
                } else if (l instanceof Sigmoid) {
                    t = b.logistic(n.name, t);
                } else if (l instanceof Tanh) {
                    t = b.tanh(n.name, t);
                } else if (l instanceof Softmax) {
                    if (shape.length != 1) {
                        throw unsupported(n, "Softmax over the width axis of images has no NHWC equivalent; "
                            + "put it after Flatten or Linear");
                    }
                    t = b.softmax(n.name, t); // equivariant under the flatten permutation: the order travels on
                } else if (l instanceof Flatten) {
                    flattenImages(n.name);
                } else if (l instanceof Dropout) {
                    continue; // the identity at inference
                } else if (l instanceof BatchNorm) {
                    Layer before = previousNonDropout(layers, i);
                    if (!(before instanceof Conv2d || before instanceof Linear)) {
                        throw unsupported(n, "BatchNorm is exported folded into the Conv2d or Linear right before "
                            + "it, but it follows " + (before == null ? "the input" : before));
                    }
                    continue; // already folded
                } else {
                    throw unsupported(n, "TFLite export supports Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, "
                        + "Residual, Concat, LocalResponseNorm, Linear, ReLU, Sigmoid, Tanh, Softmax, Flatten, BatchNorm and Dropout");
                }
            }
        }

        /**
         * mllib's (PyTorch's) LRN, {@code k + α/n · Σ} over the n channels centred on each (n is odd), as TFLite's
         * LOCAL_RESPONSE_NORMALIZATION, {@code bias + alpha · Σ} over {@code [c − radius, c + radius]}: radius
         * (n − 1) / 2, alpha = α / n (TFLite does not divide by the window), bias = k, beta = β.
         */
        private void localResponseNorm(Named n, LocalResponseNorm lrn) {
            requireImages(n);
            t = b.localResponseNormalization(n.name, t, (lrn.size() - 1) / 2, lrn.k(), lrn.alpha() / lrn.size(),
                lrn.beta());
        }

        /** The current tensor is NHWC images: record their mllib shape {C, H, W}. */
        private void imagesFromTensor() {
            int[] nhwc = b.shape(t);
            shape = new int[] {nhwc[3], nhwc[1], nhwc[2]};
        }

        /**
         * Adaptive average pooling to OH×OW is a plain AVERAGE_POOL_2D (kernel = stride = H / OH) when the sizes
         * divide evenly — global pooling (1×1) always does. Otherwise PyTorch's windows have different sizes and
         * overlap, which no single TFLite pool reproduces.
         */
        private void adaptiveAvgPool(Named n) {
            requireImages(n);
            AdaptiveAvgPool2d p = (AdaptiveAvgPool2d) n.layer;
            int h = shape[1];
            int w = shape[2];
            if (h % p.outHeight() != 0 || w % p.outWidth() != 0) {
                throw unsupported(n, "TFLite export supports adaptive average pooling only when the output size "
                    + "divides the input size, but the input is " + h + "x" + w);
            }
            int kh = h / p.outHeight();
            int kw = w / p.outWidth();
            if (kh == 1 && kw == 1) {
                return; // the identity
            }
            t = b.averagePool2d(n.name, t, kh, kw, kh, kw);
            imagesFromTensor();
        }

        /** ADD of the branch and the shortcut (identity, or the downsample layers), then RELU if the block has it. */
        private void residual(Named n, Residual r) {
            requireImages(n);
            int input = t;
            int[] inShape = shape;
            walk(flatten(n.name, r.branch()));
            requireImagesAfter(n, "branch");
            int branch = t;
            int shortcut = input;
            if (r.downsample() != null) {
                t = input;
                shape = inShape;
                walk(flatten(n.name + "/" + Residual.DOWNSAMPLE, r.downsample()));
                requireImagesAfter(n, "shortcut");
                shortcut = t;
            }
            t = b.add(n.name + "/add", branch, shortcut);
            if (r.reluAfter()) {
                t = b.relu(n.name + "/relu", t);
            }
            imagesFromTensor();
        }

        /** Every branch from the same input, their outputs concatenated along NHWC's channel axis (3). */
        private void concat(Named n, Concat c) {
            requireImages(n);
            int input = t;
            int[] inShape = shape;
            List<Integer> outs = new ArrayList<>();
            for (Map.Entry<String, Layer> branch : c.children().entrySet()) {
                t = input;
                shape = inShape;
                walk(flatten(n.name + "/" + branch.getKey(), branch.getValue()));
                requireImagesAfter(n, "branch '" + branch.getKey() + "'");
                outs.add(t);
            }
            int[] xs = new int[outs.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = outs.get(i);
            }
            t = b.concatenation(n.name, 3, xs);
            imagesFromTensor();
        }

        private void requireImagesAfter(Named n, String part) {
            if (shape.length != 3 || hwcOrder != null) {
                throw unsupported(n, "its " + part + " must give images [N, C, H, W], not flattened features");
            }
        }

        private void conv(String name, Conv2d conv, BatchNorm bn) {
            requireImages(new Named(name, conv));
            if (shape[0] != conv.inChannels()) {
                throw new IllegalArgumentException("layer '" + name + "' " + conv + " gets " + shape[0]
                    + " channels (activation [C, H, W] = " + Arrays.toString(shape) + ")");
            }
            int o = conv.outChannels();
            int k = conv.kernel();
            float[] w = conv.weight().data().clone();
            float[] bias = conv.bias().data().clone();
            if (bn != null) {
                fold(name, bn, w, bias, o, conv.inChannels() * k * k);
            }
            t = b.conv2d(name, t, w, bias, k, k, conv.stride(), conv.padding());
            imagesFromTensor();
        }

        private void linear(String name, Linear linear, BatchNorm bn) {
            if (shape.length == 3) {
                flattenImages(name + "/flatten"); // Linear flattens [N, C, H, W] per sample itself
            }
            int in = linear.inFeatures();
            int out = linear.outFeatures();
            if (shape[0] != in) {
                throw new IllegalArgumentException("layer '" + name + "' " + linear + " gets " + shape[0]
                    + " features");
            }
            float[] w = linear.weight().data();
            w = hwcOrder != null ? Layouts.chwRowsToHwcRows(w, hwcOrder[0], hwcOrder[1], hwcOrder[2], out) : w.clone();
            hwcOrder = null; // the dense layer's outputs are in mllib's order again
            float[] bias = linear.bias().data().clone();
            if (bn != null) {
                // weight [in, out]: output feature j is column j; fold via the transpose's rows
                float[] wt = Layouts.transpose(w, in, out);
                fold(name, bn, wt, bias, out, in);
                w = Layouts.transpose(wt, out, in);
            }
            t = b.fullyConnected(name, t, w, bias);
            shape = new int[] {out};
        }

        /** BatchNorm after a layer: y = γ·(z − μ)/√(σ² + ε) + β with z = w·x + b, so w' = s·w, b' = s·(b − μ) + β. */
        private void fold(String name, BatchNorm bn, float[] rowsPerOutput, float[] bias, int outputs, int rowLength) {
            float[] gamma = bn.gamma().data();
            float[] beta = bn.beta().data();
            float[] mean = bn.runningMean().data();
            float[] var = bn.runningVar().data();
            if (gamma.length != outputs) {
                throw new IllegalArgumentException("BatchNorm after '" + name + "' has " + gamma.length
                    + " features but the layer produces " + outputs);
            }
            for (int o = 0; o < outputs; o++) {
                float s = (float) (gamma[o] / Math.sqrt(var[o] + bn.eps()));
                for (int j = 0; j < rowLength; j++) {
                    rowsPerOutput[o * rowLength + j] *= s;
                }
                bias[o] = s * (bias[o] - mean[o]) + beta[o];
            }
        }

        private void flattenImages(String name) {
            if (shape.length == 1) {
                return; // already [N, F]
            }
            int features = shape[0] * shape[1] * shape[2];
            t = b.reshape(name, t, 1, features);
            if (shape[1] * shape[2] > 1 && shape[0] > 1) {
                hwcOrder = shape; // NHWC flattens (h, w, c); mllib flattens (c, h, w)
            }
            shape = new int[] {features};
        }

        /** The network ends on flattened features still in (h, w, c) order: put them back into (c, h, w). */
        private void restoreChwOrder() {
            int c = hwcOrder[0];
            int h = hwcOrder[1];
            int w = hwcOrder[2];
            int x = b.reshape("output/hwc", t, 1, h, w, c);
            x = b.transpose("output/chw", x, 0, 3, 1, 2);
            t = b.reshape("output/flatten", x, 1, c * h * w);
            hwcOrder = null;
        }

        private void requireImages(Named n) {
            if (shape.length != 3) {
                throw new IllegalArgumentException("layer '" + n.name + "' " + n.layer
                    + " needs images [N, C, H, W] but gets features [N, " + shape[0] + "]");
            }
        }

        private static BatchNorm followingBatchNorm(List<Named> layers, int i) {
            for (int j = i + 1; j < layers.size(); j++) {
                Layer next = layers.get(j).layer;
                if (next instanceof BatchNorm) {
                    return (BatchNorm) next;
                }
                if (!(next instanceof Dropout)) {
                    return null;
                }
            }
            return null;
        }

        private static Layer previousNonDropout(List<Named> layers, int i) {
            for (int j = i - 1; j >= 0; j--) {
                if (!(layers.get(j).layer instanceof Dropout)) {
                    return layers.get(j).layer;
                }
            }
            return null;
        }

        private static IllegalArgumentException unsupported(Named n, String why) {
            return new IllegalArgumentException("cannot export layer '" + n.name + "' (" + n.layer + ") to TFLite: "
                + why);
        }
    }
}
