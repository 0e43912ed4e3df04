package io.neuronlab.mllib.onnx;

import io.neuronlab.mllib.files.AtomicFile;
import io.neuronlab.mllib.nn.AvgPool2d;
import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.LeakyReLU;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.nn.Sigmoid;
import io.neuronlab.mllib.nn.Softmax;
import io.neuronlab.mllib.nn.Tanh;
import io.neuronlab.mllib.tensor.NoGrad;
import io.neuronlab.mllib.tensor.Tensor;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exports a {@link Sequential} network as an ONNX model (IR version 8, opset 13), the format every inference runtime
 * reads (ONNX Runtime, TensorRT, OpenVINO, PyTorch's importers). The graph keeps mllib's layout — NCHW images, so no
 * transposes — and a free batch dimension {@code N}: input {@code "input" [N, ...one sample]}, output {@code "output"}.
 *
 * <p>Layer by layer: Conv2d → Conv, Linear → Gemm (a Flatten first when its input is an image), MaxPool2d/AvgPool2d
 * → MaxPool/AveragePool, ReLU, Sigmoid, Tanh, LeakyReLU (alpha), Softmax (last axis), Flatten (axis 1), BatchNorm →
 * BatchNormalization with its running statistics and ε; Dropout is the identity at inference and is left out. Nested
 * Sequentials are walked. Any other layer is rejected with an error naming it. Weights go in as float32 initializers
 * named after the layer ({@code conv1.weight}).
 */
public final class OnnxExporter {
    static final int OPSET = 13;
    static final int IR_VERSION = 8;
    private static final int FLOAT = 1; // TensorProto.DataType.FLOAT

    private OnnxExporter() {
    }

    /** Writes {@code model} as .onnx to {@code file}, atomically. {@code sampleShape}: one input, e.g. {1, 28, 28}. */
    public static void export(Sequential model, int[] sampleShape, File file) throws IOException {
        byte[] bytes = toBytes(model, sampleShape);
        File dir = file.getAbsoluteFile().getParentFile();
        if (dir != null && !dir.isDirectory() && !dir.mkdirs()) {
            throw new IOException("cannot create directory " + dir + " for " + file);
        }
        AtomicFile.write(file, bytes);
    }

    /** The ONNX bytes of {@code model} for samples of {@code sampleShape} ({C, H, W} or {F}). */
    public static byte[] toBytes(Sequential model, int[] sampleShape) {
        Graph g = new Graph();
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = 1;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        boolean training = model.isTraining();
        model.train(false);
        try (NoGrad scope = NoGrad.enter()) {
            // a forward on zeros gives every layer's input shape (Gemm needs to know whether to flatten first)
            Tensor x = Tensor.zeros(shape);
            String current = "input";
            g.inputs.add(valueInfo("input", sampleShape));
            List<Map.Entry<String, Layer>> layers = new ArrayList<>();
            flatten("", model, layers);
            for (Map.Entry<String, Layer> e : layers) {
                current = g.add(e.getKey(), e.getValue(), current, x.dim());
                x = e.getValue().forward(x);
            }
            int[] outSample = new int[x.dim() - 1];
            for (int i = 1; i < x.dim(); i++) {
                outSample[i - 1] = x.size(i);
            }
            g.identity(current, "output");
            g.outputs.add(valueInfo("output", outSample));
        } finally {
            model.train(training);
        }
        ProtoWriter graph = new ProtoWriter();
        for (ProtoWriter n : g.nodes) {
            graph.message(1, n);
        }
        graph.string(2, "neuronlab");
        for (ProtoWriter t : g.initializers) {
            graph.message(5, t);
        }
        for (ProtoWriter v : g.inputs) {
            graph.message(11, v);
        }
        for (ProtoWriter v : g.outputs) {
            graph.message(12, v);
        }
        return new ProtoWriter()
            .varint(1, IR_VERSION)
            .string(2, "neuronlab-mllib")
            .message(7, graph)
            .message(8, new ProtoWriter().string(1, "").varint(2, OPSET))
            .toByteArray();
    }

    private static void flatten(String prefix, Sequential s, List<Map.Entry<String, Layer>> out) {
        for (Map.Entry<String, Layer> e : s.namedLayers().entrySet()) {
            String name = prefix + e.getKey();
            if (e.getValue() instanceof Sequential) {
                flatten(name + ".", (Sequential) e.getValue(), out);
            } else {
                out.add(new AbstractMap.SimpleEntry<>(name, e.getValue()));
            }
        }
    }

    /** {@code name: float32 [N, sample...]} with a symbolic batch dimension. */
    private static ProtoWriter valueInfo(String name, int[] sample) {
        ProtoWriter shape = new ProtoWriter().message(1, new ProtoWriter().string(2, "N"));
        for (int d : sample) {
            shape.message(1, new ProtoWriter().varint(1, d));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }

    /** The nodes and weights of the graph being built. */
    private static final class Graph {
        final List<ProtoWriter> nodes = new ArrayList<>();
        final List<ProtoWriter> initializers = new ArrayList<>();
        final List<ProtoWriter> inputs = new ArrayList<>();
        final List<ProtoWriter> outputs = new ArrayList<>();

        /** Adds {@code layer} reading {@code in} (of rank {@code rank}); returns the name of its output. */
        String add(String name, Layer layer, String in, int rank) {
            if (layer instanceof Conv2d) {
                Conv2d c = (Conv2d) layer;
                int k = c.kernel();
                int p = c.padding();
                return node("Conv", name, new String[] {in, weight(name + ".weight", c.weight()), weight(name + ".bias", c.bias())},
                    ints("kernel_shape", k, k), ints("pads", p, p, p, p), ints("strides", c.stride(), c.stride()));
            }
            if (layer instanceof Linear) {
                Linear l = (Linear) layer;
                String x = rank > 2 ? node("Flatten", name + ".flatten", new String[] {in}, integer("axis", 1)) : in;
                // mllib computes x·W with W [in, out]: Gemm's B without a transpose
                return node("Gemm", name, new String[] {x, weight(name + ".weight", l.weight()), weight(name + ".bias", l.bias())});
            }
            if (layer instanceof MaxPool2d) {
                MaxPool2d m = (MaxPool2d) layer;
                return node("MaxPool", name, new String[] {in}, ints("kernel_shape", m.kernel(), m.kernel()),
                    ints("strides", m.stride(), m.stride()));
            }
            if (layer instanceof AvgPool2d) {
                AvgPool2d a = (AvgPool2d) layer;
                return node("AveragePool", name, new String[] {in}, ints("kernel_shape", a.kernel(), a.kernel()),
                    ints("strides", a.stride(), a.stride()));
            }
            if (layer instanceof ReLU) {
                return node("Relu", name, new String[] {in});
            }
            if (layer instanceof Sigmoid) {
                return node("Sigmoid", name, new String[] {in});
            }
            if (layer instanceof Tanh) {
                return node("Tanh", name, new String[] {in});
            }
            if (layer instanceof LeakyReLU) {
                return node("LeakyRelu", name, new String[] {in}, real("alpha", ((LeakyReLU) layer).alpha()));
            }
            if (layer instanceof Softmax) {
                return node("Softmax", name, new String[] {in}, integer("axis", -1));
            }
            if (layer instanceof Flatten) {
                return node("Flatten", name, new String[] {in}, integer("axis", 1));
            }
            if (layer instanceof BatchNorm) {
                BatchNorm b = (BatchNorm) layer;
                // BatchNormalization wants [N, C, ...]: a dense [N, F] input is normalised per feature the same way
                return node("BatchNormalization", name, new String[] {in, weight(name + ".gamma", b.gamma()),
                    weight(name + ".beta", b.beta()), weight(name + ".running_mean", b.runningMean()),
                    weight(name + ".running_var", b.runningVar())}, real("epsilon", b.eps()));
            }
            if (layer instanceof Dropout) {
                return in; // the identity at inference
            }
            throw new IllegalArgumentException("ONNX export: layer '" + name + "' (" + layer
                + ") has no ONNX form here; supported: Conv2d, Linear, MaxPool2d, AvgPool2d, ReLU, Sigmoid, Tanh, LeakyReLU,"
                + " Softmax, Flatten, BatchNorm, Dropout");
        }

        void identity(String in, String out) {
            nodes.add(new ProtoWriter().string(1, in).string(2, out).string(3, "output").string(4, "Identity"));
        }

        private String node(String op, String name, String[] in, ProtoWriter... attributes) {
            ProtoWriter n = new ProtoWriter();
            for (String i : in) {
                n.string(1, i);
            }
            String out = name + ".out";
            n.string(2, out).string(3, name).string(4, op);
            for (ProtoWriter a : attributes) {
                n.message(5, a);
            }
            nodes.add(n);
            return out;
        }

        private String weight(String name, Tensor t) {
            ProtoWriter w = new ProtoWriter();
            for (int d : t.shape()) {
                w.varint(1, d);
            }
            w.varint(2, FLOAT).string(8, name);
            ByteBuffer raw = ByteBuffer.allocate(4 * t.numel()).order(ByteOrder.LITTLE_ENDIAN); // ONNX raw_data
            for (float v : t.data()) {
                raw.putFloat(v);
            }
            w.bytes(9, raw.array());
            initializers.add(w);
            return name;
        }

        // AttributeProto: name (1), f (2), i (3), ints (8), type (20): FLOAT 1, INT 2, INTS 7
        private static ProtoWriter ints(String name, int... values) {
            ProtoWriter a = new ProtoWriter().string(1, name);
            for (int v : values) {
                a.varint(8, v);
            }
            return a.varint(20, 7);
        }

        private static ProtoWriter integer(String name, int value) {
            return new ProtoWriter().string(1, name).varint(3, value).varint(20, 2);
        }

        private static ProtoWriter real(String name, float value) {
            return new ProtoWriter().string(1, name).float32(2, value).varint(20, 1);
        }
    }
}
