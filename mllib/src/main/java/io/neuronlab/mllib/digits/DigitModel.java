package io.neuronlab.mllib.digits;

import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.io.LayerSpec;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelFormatException;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The app's digit network, a LeNet-style CNN:
 * {@code [N,1,28,28]} → conv1 5×5 (16, pad 2) → ReLU → max-pool 2 → {@code [N,16,14,14]}
 * → conv2 5×5 (32, pad 2) → ReLU → max-pool 2 → {@code [N,32,7,7]} → flatten → fc1 1568→128 → ReLU
 * → fc2 128→10 scores. About 225 000 weights; small enough to train on a laptop and to run on a phone in a
 * few milliseconds.
 *
 * <p>The model file ({@code .nlmf}) carries this architecture as layer specs; {@link #load} checks them
 * against this class before copying any weight, so a file of another network is rejected with its name.
 */
public final class DigitModel {
    public static final int CONV1 = 16;
    public static final int CONV2 = 32;
    public static final int HIDDEN = 128;

    private DigitModel() {
    }

    /** A freshly initialised network (He initialisation, seeded). */
    public static Sequential build(long seed) {
        return twoConvNet(seed, CONV1, CONV2, HIDDEN, 10);
    }

    /**
     * The shape the digit network and {@link PairModel} share, at the given widths: two 5×5 "same" convolutions with
     * ReLU and 2×2 max-pooling (28 → 14 → 7), then a hidden dense layer and {@code classes} outputs. He
     * initialisation drawn from one {@code Random(seed)} in layer order, so a seed gives the same weights every time.
     */
    static Sequential twoConvNet(long seed, int conv1, int conv2, int hidden, int classes) {
        Random r = new Random(seed);
        return new Sequential()
            .add("conv1", new Conv2d(1, conv1, 5, 1, 2, new He(), r))
            .add("relu1", new ReLU())
            .add("pool1", new MaxPool2d(2, 2))
            .add("conv2", new Conv2d(conv1, conv2, 5, 1, 2, new He(), r))
            .add("relu2", new ReLU())
            .add("pool2", new MaxPool2d(2, 2))
            .add("flatten", new Flatten())
            .add("fc1", new Linear(conv2 * 7 * 7, hidden, new He(), r))
            .add("relu3", new ReLU())
            .add("fc2", new Linear(hidden, classes, new He(), r));
    }

    /** The architecture as the model file stores it (mllib's {@link ModelSerializer} layer specs). */
    public static List<LayerSpec> architecture() {
        return new ModelSerializer().toModelFile(build(0), TrainingMetadata.none()).architecture();
    }

    /** The trained network with its metadata, as a model file (a snapshot: tensors are copied). */
    public static ModelFile toFile(Sequential model, TrainingMetadata metadata) {
        ModelFile shared = new ModelSerializer().toModelFile(model, metadata);
        Map<String, Tensor> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : shared.tensors().entrySet()) copy.put(e.getKey(), e.getValue().detach().copy());
        return new ModelFile(shared.architecture(), copy, metadata);
    }

    /** Reads a digit model file (e.g. the app's asset {@code models/digits.nlmf}) into a network in evaluation mode. */
    public static Sequential load(InputStream in, String source) throws IOException {
        return fromFile(ModelFile.read(in, source), source);
    }

    /**
     * The network with the file's weights.
     *
     * @throws ModelFormatException when the file holds another architecture or misses or misshapes a weight
     */
    public static Sequential fromFile(ModelFile file, String source) throws ModelFormatException {
        List<LayerSpec> want = architecture(), have = file.architecture();
        if (have.size() != want.size()) {
            throw new ModelFormatException(source + " holds a network of " + have.size() + " layers; the digit model has "
                + want.size() + " (" + describe(want) + ")");
        }
        for (int i = 0; i < want.size(); i++) {
            if (!want.get(i).sameArchitecture(have.get(i))) {
                throw new ModelFormatException(source + ": layer " + i + " is " + have.get(i).describe()
                    + ", the digit model expects " + want.get(i).describe());
            }
        }
        Sequential model = build(0);
        new ModelSerializer().loadInto(model, file, source);
        model.train(false);
        return model;
    }

    private static String describe(List<LayerSpec> specs) {
        StringBuilder sb = new StringBuilder();
        for (LayerSpec s : specs) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(s.describe());
        }
        return sb.toString();
    }
}
