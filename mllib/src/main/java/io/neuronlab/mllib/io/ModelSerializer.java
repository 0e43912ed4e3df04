package io.neuronlab.mllib.io;

import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Shapes;
import io.neuronlab.mllib.tensor.Tensor;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves an {@link Sequential} network to a {@link ModelFile} and loads it back, either as a new network
 * built from the file's architecture or into an existing network whose architecture must match. Tensors are
 * named as {@link Sequential#namedParameters()} and {@link Sequential#buffers()} name them
 * ({@code "fc1.weight"}, {@code "bn1.running_mean"}).
 *
 * <p>Loading validates everything (layer kinds, hyper-parameters, names, every tensor's presence and
 * shape) before it changes any weight: on error the target network is untouched.
 */
public final class ModelSerializer {
    private final LayerCodecs codecs;

    /** A serializer for the standard layers. */
    public ModelSerializer() {
        this(LayerCodecs.standard());
    }

    /** A serializer that also knows the layers registered in {@code codecs}. */
    public ModelSerializer(LayerCodecs codecs) {
        this.codecs = codecs;
    }

    // ---------------------------------------------------------------- saving

    /** Saves {@code model} to {@code file} atomically (an existing file survives any failure). */
    public void save(Sequential model, TrainingMetadata metadata, File file) throws IOException {
        toModelFile(model, metadata).save(file);
    }

    /** The model file of {@code model}; its tensors share storage with the network's. */
    public ModelFile toModelFile(Sequential model, TrainingMetadata metadata) {
        List<LayerSpec> architecture = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Layer> e : model.namedLayers().entrySet()) {
            try {
                architecture.add(codecs.describe(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("layer " + index + " " + ex.getMessage(), ex);
            }
            index++;
        }
        return new ModelFile(architecture, tensorsOf(model), metadata);
    }

    /** Parameters then buffers, layer by layer. */
    private static Map<String, Tensor> tensorsOf(Sequential model) {
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (Map.Entry<String, Layer> e : model.namedLayers().entrySet()) {
            for (Map.Entry<String, Tensor> p : e.getValue().parameters().entrySet()) {
                all.put(e.getKey() + "." + p.getKey(), p.getValue());
            }
            for (Map.Entry<String, Tensor> b : e.getValue().buffers().entrySet()) {
                all.put(e.getKey() + "." + b.getKey(), b.getValue());
            }
        }
        return all;
    }

    // ---------------------------------------------------------------- loading a new network

    /** Builds the network a model file describes, with its weights, in evaluation mode ({@code train(false)}). */
    public Sequential load(File file) throws IOException {
        return build(ModelFile.read(file), file.getPath());
    }

    /** As {@link #load(File)}, from a stream (an Android asset); {@code source} names it in messages. */
    public Sequential load(InputStream in, String source) throws IOException {
        return build(ModelFile.read(in, source), source);
    }

    /** Builds the network described by {@code file}, with its weights, in evaluation mode. */
    public Sequential build(ModelFile file, String source) throws ModelFormatException {
        String where = "model file " + source + ": ";
        Sequential model = new Sequential();
        int index = 0;
        for (LayerSpec spec : file.architecture()) {
            if (codecs.forKind(spec.kind()) == null) {
                throw new ModelFormatException(where + "layer " + index + " '" + spec.name() + "' has unknown kind '"
                    + spec.kind() + "'; this mllib knows " + codecs.kinds());
            }
            try {
                model.add(spec.name(), codecs.build(spec));
            } catch (ModelFormatException e) {
                throw new ModelFormatException(where + "layer " + index + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(where + "layer " + index + " '" + spec.name() + "': " + e.getMessage(), e);
            }
            index++;
        }
        copyTensors(file, model, where);
        model.train(false);
        return model;
    }

    // ---------------------------------------------------------------- loading into an existing network

    /**
     * Loads the weights of {@code file} into {@code model}, whose architecture must be the file's (same layer
     * names, kinds and hyper-parameters in the same order). Returns the file's training metadata. On a
     * mismatch nothing is changed and the message names the first differing layer or tensor.
     */
    public TrainingMetadata loadInto(Sequential model, File file) throws IOException {
        ModelFile f = ModelFile.read(file);
        loadInto(model, f, file.getPath());
        return f.metadata();
    }

    /** As {@link #loadInto(Sequential, File)} for a file already read. */
    public void loadInto(Sequential model, ModelFile file, String source) throws ModelFormatException {
        String where = "model file " + source + ": ";
        List<LayerSpec> expected = toModelFile(model, TrainingMetadata.none()).architecture();
        List<LayerSpec> found = file.architecture();
        for (int i = 0; i < Math.min(expected.size(), found.size()); i++) {
            LayerSpec e = expected.get(i);
            LayerSpec f = found.get(i);
            if (!e.sameArchitecture(f)) {
                throw new ModelFormatException(where + "layer " + i + " '" + e.name() + "': file has " + summary(f)
                    + ", model has " + summary(e));
            }
            if (!e.name().equals(f.name())) {
                throw new ModelFormatException(where + "layer " + i + " " + summary(e) + " is named '" + f.name()
                    + "' in the file but '" + e.name() + "' in the model");
            }
        }
        if (expected.size() != found.size()) {
            boolean fileLonger = found.size() > expected.size();
            LayerSpec first = fileLonger ? found.get(expected.size()) : expected.get(found.size());
            throw new ModelFormatException(where + "file has " + found.size() + " layers, model has " + expected.size()
                + "; the first " + (fileLonger ? "extra layer in the file" : "layer missing from the file") + " is "
                + "layer " + Math.min(expected.size(), found.size()) + " '" + first.name() + "' " + summary(first));
        }
        copyTensors(file, model, where);
    }

    private String summary(LayerSpec spec) {
        LayerCodec<?> codec = codecs.forKind(spec.kind());
        return codec == null ? spec.describe() : codec.summary(spec);
    }

    /** Checks every tensor first, then copies them all: never a half-loaded model. */
    private static void copyTensors(ModelFile file, Sequential model, String where) throws ModelFormatException {
        Map<String, Tensor> targets = tensorsOf(model);
        Map<String, Tensor> sources = file.tensors();
        for (Map.Entry<String, Tensor> e : targets.entrySet()) {
            Tensor src = sources.get(e.getKey());
            if (src == null) {
                throw new ModelFormatException(where + "tensor '" + e.getKey() + "' " + Shapes.toString(e.getValue().shape())
                    + " is missing from the file");
            }
            if (!Arrays.equals(src.shape(), e.getValue().shape())) {
                throw new ModelFormatException(where + "tensor '" + e.getKey() + "': file has shape "
                    + Shapes.toString(src.shape()) + ", model needs " + Shapes.toString(e.getValue().shape()));
            }
        }
        for (String name : sources.keySet()) {
            if (!targets.containsKey(name)) {
                throw new ModelFormatException(where + "the file has tensor '" + name + "' that no layer of the model uses");
            }
        }
        for (Map.Entry<String, Tensor> e : targets.entrySet()) {
            float[] src = sources.get(e.getKey()).data();
            System.arraycopy(src, 0, e.getValue().data(), 0, src.length);
        }
    }
}
