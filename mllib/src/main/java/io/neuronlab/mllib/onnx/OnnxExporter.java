package io.neuronlab.mllib.onnx;

import io.neuronlab.mllib.files.AtomicFile;
import io.neuronlab.mllib.nn.AdaptiveAvgPool2d;
import io.neuronlab.mllib.nn.AvgPool2d;
import io.neuronlab.mllib.nn.BatchNorm;
import io.neuronlab.mllib.nn.Concat;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Dropout;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.LeakyReLU;
import io.neuronlab.mllib.nn.LocalResponseNorm;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.MaxPool2d;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Residual;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.nn.Sigmoid;
import io.neuronlab.mllib.nn.Softmax;
import io.neuronlab.mllib.nn.Tanh;
import io.neuronlab.mllib.tensor.Tensor;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An mllib network as an ONNX model (IR version 8, opset 13), for ONNX Runtime and every other ONNX consumer. The
 * graph has one input {@code "input"} {@code [N, C, H, W]} (or {@code [N, F]}), N dynamic, and one output
 * {@code "output"}; weights are initializers named after the mllib tensors ({@code layer1.0.conv1.weight}).
 *
 * <p>Layers map to: Conv2d → Conv; Linear → Gemm (mllib's [in, out] weight is Gemm's B as it is); BatchNorm →
 * BatchNormalization; MaxPool2d → MaxPool (pads, ceil_mode); AvgPool2d → AveragePool; AdaptiveAvgPool2d →
 * GlobalAveragePool (1×1), AveragePool (output size dividing the input) or, for uneven windows (VGG's 7×7 on a
 * small image), Reshape · MatMul by the averaging matrix · Reshape; Residual → its paths, Add and Relu; Concat → Concat on axis 1; ReLU, LeakyReLU, Sigmoid, Tanh, Softmax
 * (axis −1), Flatten (axis 1); Dropout is left out (evaluation). The network is exported in evaluation mode; its
 * mode is restored afterwards. Shapes are found by running each layer once on zeros of batch 1.
 */
public final class OnnxExporter {
    static final int OPSET = 13;
    static final int IR_VERSION = 8;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private final Protobuf graph = new Protobuf();
    private final List<Protobuf> initializers = new ArrayList<>();
    private int counter;

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

    /** The ONNX model of {@code model} for one sample of {@code inputShape} ({C, H, W} or {F}). */
    public static byte[] toBytes(Sequential model, int[] inputShape) {
        if (inputShape == null || (inputShape.length != 1 && inputShape.length != 3)) {
            throw new IllegalArgumentException("input shape must be one sample's {C, H, W} or {F}, got " + Arrays.toString(inputShape));
        }
        boolean wasTraining = model.isTraining();
        model.train(false);
        try {
            OnnxExporter e = new OnnxExporter();
            int[] shape = new int[inputShape.length + 1];
            shape[0] = 1;
            System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
            Value out = e.emit("", model, new Value("input", shape));
            e.node("Identity", "output", new String[] {out.name}, null);
            e.graph.string(2, "mllib");
            for (Protobuf init : e.initializers) {
                e.graph.message(5, init);
            }
            e.graph.message(11, valueInfo("input", shape));
            e.graph.message(12, valueInfo("output", out.shape));
            return new Protobuf()
                .int64(1, IR_VERSION)
                .string(2, "NeuronLab mllib")
                .message(7, e.graph)
                .message(8, new Protobuf().string(1, "").int64(2, OPSET))
                .toBytes();
        } finally {
            model.train(wasTraining);
        }
    }

    /** A tensor in the graph: its name and its shape at batch 1. */
    private record Value(String name, int[] shape) {
    }

    private Value emit(String path, Layer layer, Value in) {
        if (layer instanceof Sequential) {
            Value v = in;
            for (Map.Entry<String, Layer> c : layer.children().entrySet()) {
                v = emit(path + c.getKey() + ".", c.getValue(), v);
            }
            return v;
        }
        if (layer instanceof Residual r) {
            Value b = emit(path, r.branch(), in);
            Value s = r.downsample() == null ? in : emit(path + Residual.DOWNSAMPLE + ".", r.downsample(), in);
            Value sum = new Value(node("Add", path + "add", new String[] {b.name, s.name}, null), b.shape);
            return r.reluAfter() ? new Value(node("Relu", path + "relu_after", new String[] {sum.name}, null), sum.shape) : sum;
        }
        if (layer instanceof Concat) {
            List<String> names = new ArrayList<>();
            int[] shape = null;
            for (Map.Entry<String, Layer> c : layer.children().entrySet()) {
                Value v = emit(path + c.getKey() + ".", c.getValue(), in);
                names.add(v.name);
                if (shape == null) {
                    shape = v.shape.clone();
                } else {
                    shape[1] += v.shape[1];
                }
            }
            return new Value(node("Concat", path + "concat", names.toArray(new String[0]),
                new Protobuf[] {intAttr("axis", 1)}), shape);
        }
        String name = path.isEmpty() ? "layer" : path.substring(0, path.length() - 1);
        int[] outShape = layer.forward(Tensor.zeros(in.shape)).shape();
        String out;
        if (layer instanceof Conv2d c) {
            List<String> inputs = new ArrayList<>(Arrays.asList(in.name, constant(name + ".weight", c.weight())));
            if (c.hasBias()) {
                inputs.add(constant(name + ".bias", c.bias()));
            }
            int k = c.kernel();
            int p = c.padding();
            out = node("Conv", name, inputs.toArray(new String[0]), new Protobuf[] {
                intsAttr("kernel_shape", k, k), intsAttr("strides", c.stride(), c.stride()), intsAttr("pads", p, p, p, p)});
        } else if (layer instanceof Linear l) {
            String x = in.name;
            if (in.shape.length != 2) {
                x = node("Flatten", name + ".flatten", new String[] {x}, new Protobuf[] {intAttr("axis", 1)});
            }
            out = node("Gemm", name, new String[] {x, constant(name + ".weight", l.weight()), constant(name + ".bias", l.bias())}, null);
        } else if (layer instanceof BatchNorm bn) {
            out = node("BatchNormalization", name, new String[] {in.name, constant(name + ".gamma", bn.gamma()),
                constant(name + ".beta", bn.beta()), constant(name + ".running_mean", bn.runningMean()),
                constant(name + ".running_var", bn.runningVar())}, new Protobuf[] {floatAttr("epsilon", bn.eps())});
        } else if (layer instanceof MaxPool2d m) {
            int k = m.kernel();
            int p = m.padding();
            out = node("MaxPool", name, new String[] {in.name}, new Protobuf[] {intsAttr("kernel_shape", k, k),
                intsAttr("strides", m.stride(), m.stride()), intsAttr("pads", p, p, p, p), intAttr("ceil_mode", m.ceilMode() ? 1 : 0)});
        } else if (layer instanceof AvgPool2d a) {
            out = node("AveragePool", name, new String[] {in.name}, new Protobuf[] {
                intsAttr("kernel_shape", a.kernel(), a.kernel()), intsAttr("strides", a.stride(), a.stride())});
        } else if (layer instanceof AdaptiveAvgPool2d a) {
            out = adaptive(name, a, in);
        } else if (layer instanceof LocalResponseNorm l) {
            // ONNX's LRN divides alpha by size, as mllib (and PyTorch) do
            out = node("LRN", name, new String[] {in.name}, new Protobuf[] {intAttr("size", l.size()),
                floatAttr("alpha", l.alpha()), floatAttr("beta", l.beta()), floatAttr("bias", l.k())});
        } else if (layer instanceof ReLU) {
            out = node("Relu", name, new String[] {in.name}, null);
        } else if (layer instanceof LeakyReLU l) {
            out = node("LeakyRelu", name, new String[] {in.name}, new Protobuf[] {floatAttr("alpha", l.alpha())});
        } else if (layer instanceof Sigmoid) {
            out = node("Sigmoid", name, new String[] {in.name}, null);
        } else if (layer instanceof Tanh) {
            out = node("Tanh", name, new String[] {in.name}, null);
        } else if (layer instanceof Softmax) {
            out = node("Softmax", name, new String[] {in.name}, new Protobuf[] {intAttr("axis", -1)});
        } else if (layer instanceof Flatten) {
            out = node("Flatten", name, new String[] {in.name}, new Protobuf[] {intAttr("axis", 1)});
        } else if (layer instanceof Dropout) {
            return in; // identity in evaluation
        } else {
            throw new IllegalArgumentException("ONNX export: layer '" + name + "' " + layer + " is not supported ("
                + layer.getClass().getName() + ")");
        }
        return new Value(out, outShape);
    }

    private String adaptive(String name, AdaptiveAvgPool2d a, Value in) {
        int h = in.shape[2];
        int w = in.shape[3];
        int oh = a.outHeight();
        int ow = a.outWidth();
        if (oh == 1 && ow == 1) {
            return node("GlobalAveragePool", name, new String[] {in.name}, null);
        }
        if (h % oh == 0 && w % ow == 0) {
            // equal windows: PyTorch's floor/ceil windows are then exactly these
            return node("AveragePool", name, new String[] {in.name}, new Protobuf[] {
                intsAttr("kernel_shape", h / oh, w / ow), intsAttr("strides", h / oh, w / ow)});
        }
        // uneven (overlapping) windows: pooling is linear, so it is a matrix product over the flattened image,
        // [N, C, H·W] · P [H·W, OH·OW] with P's column j averaging output cell j's window
        float[] p = new float[h * w * oh * ow];
        for (int oy = 0; oy < oh; oy++) {
            int y0 = oy * h / oh;
            int y1 = ((oy + 1) * h + oh - 1) / oh;
            for (int ox = 0; ox < ow; ox++) {
                int x0 = ox * w / ow;
                int x1 = ((ox + 1) * w + ow - 1) / ow;
                float share = 1f / ((y1 - y0) * (x1 - x0));
                for (int iy = y0; iy < y1; iy++) {
                    for (int ix = x0; ix < x1; ix++) {
                        p[(iy * w + ix) * (oh * ow) + oy * ow + ox] = share;
                    }
                }
            }
        }
        String flat = node("Reshape", name + ".flatten", new String[] {in.name, int64Constant(name + ".in_shape", 0, 0, h * w)}, null);
        String pooled = node("MatMul", name, new String[] {flat, constant(name + ".windows", Tensor.of(p, h * w, oh * ow))}, null);
        return node("Reshape", name + ".unflatten", new String[] {pooled, int64Constant(name + ".out_shape", 0, 0, oh, ow)}, null);
    }

    private String node(String op, String name, String[] inputs, Protobuf[] attributes) {
        String out = op.equals("Identity") ? name : name + "_" + op + "_" + (counter++);
        Protobuf n = new Protobuf();
        for (String i : inputs) {
            n.string(1, i);
        }
        n.string(2, out).string(3, out).string(4, op);
        if (attributes != null) {
            for (Protobuf a : attributes) {
                n.message(5, a);
            }
        }
        graph.message(1, n);
        return out;
    }

    private String constant(String name, Tensor t) {
        Protobuf p = new Protobuf();
        for (int d : t.shape()) {
            p.int64(1, d);
        }
        ByteBuffer b = ByteBuffer.allocate(t.numel() * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(t.data());
        p.int64(2, FLOAT).string(8, name).bytes(9, b.array());
        initializers.add(p);
        return name;
    }

    private String int64Constant(String name, long... values) {
        Protobuf p = new Protobuf().int64(1, values.length);
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        p.int64(2, INT64).string(8, name).bytes(9, b.array());
        initializers.add(p);
        return name;
    }

    private static Protobuf intAttr(String name, long v) {
        return new Protobuf().string(1, name).int64(3, v).int64(20, 2);
    }

    private static Protobuf intsAttr(String name, long... v) {
        Protobuf p = new Protobuf().string(1, name);
        for (long x : v) {
            p.int64(8, x);
        }
        return p.int64(20, 7);
    }

    private static Protobuf floatAttr(String name, float v) {
        return new Protobuf().string(1, name).float32(2, v).int64(20, 1);
    }

    /** A float tensor's type with a dynamic batch ("N") and the other sizes fixed. */
    private static Protobuf valueInfo(String name, int[] shape) {
        Protobuf dims = new Protobuf();
        dims.message(1, new Protobuf().string(2, "N"));
        for (int i = 1; i < shape.length; i++) {
            dims.message(1, new Protobuf().int64(1, shape[i]));
        }
        Protobuf tensorType = new Protobuf().int64(1, FLOAT).message(2, dims);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
    }
}
