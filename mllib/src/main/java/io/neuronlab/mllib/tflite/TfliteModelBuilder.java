package io.neuronlab.mllib.tflite;

import com.google.flatbuffers.FlatBufferBuilder;

import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptions;
import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.ConcatenationOptions;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.FullyConnectedOptions;
import org.tensorflow.lite.schema.FullyConnectedOptionsWeightsFormat;
import org.tensorflow.lite.schema.LocalResponseNormalizationOptions;
import org.tensorflow.lite.schema.Metadata;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.PadOptions;
import org.tensorflow.lite.schema.PadV2Options;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptions;
import org.tensorflow.lite.schema.ReshapeOptions;
import org.tensorflow.lite.schema.SignatureDef;
import org.tensorflow.lite.schema.SoftmaxOptions;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.TensorMap;
import org.tensorflow.lite.schema.TensorType;
import org.tensorflow.lite.schema.TransposeOptions;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a float32 TensorFlow Lite model (one subgraph, schema version 3, file identifier "TFL3") and
 * serialises it to .tflite bytes. Activations are NHWC ([1, H, W, C]) or [1, F]; every method that adds an
 * op returns the index of its output tensor, so a graph reads like the network it came from:
 *
 * <pre>
 * int x = b.input("input", 1, 28, 28, 1);
 * x = b.conv2d("conv1", x, weightOihw, bias, 1, 2);   // mllib layout in, OHWI written
 * x = b.relu("relu1", x);
 * b.output("output", x);
 * byte[] tflite = b.finish("LeNet");
 * </pre>
 *
 * Conventions the runtimes rely on: buffer 0 is the empty sentinel every activation points at; each constant
 * has its own 16-byte-aligned little-endian buffer; op codes carry both {@code builtin_code} and the older
 * {@code deprecated_builtin_code} (readers such as Arm NN 20.08 only read the latter); a
 * {@code serving_default} signature names the inputs and outputs.
 */
public final class TfliteModelBuilder {
    /** The signature key TFLite tools look for first. */
    public static final String SIGNATURE_KEY = "serving_default";

    private static final Charset ASCII = Charset.forName("US-ASCII");

    private interface OptionsWriter {
        int write(FlatBufferBuilder b);
    }

    private record TensorSpec(String name, int[] shape, byte type, int buffer) {
    }

    private record OpSpec(int opcodeIndex, int[] inputs, int[] outputs, byte optionsType, OptionsWriter options) {
    }

    private final List<byte[]> buffers = new ArrayList<>();
    private final List<TensorSpec> tensors = new ArrayList<>();
    private final List<OpSpec> ops = new ArrayList<>();
    private final List<Integer> opcodes = new ArrayList<>();
    private final Map<String, Integer> inputs = new LinkedHashMap<>();
    private final Map<String, Integer> outputs = new LinkedHashMap<>();
    private final Map<String, Integer> metadata = new LinkedHashMap<>();

    public TfliteModelBuilder() {
        buffers.add(new byte[0]); // buffer 0: the mandatory empty sentinel
    }

    // ---------------------------------------------------------------- tensors

    /** Declares a graph input, e.g. {@code [1, H, W, C]}; {@code name} becomes its signature name. */
    public int input(String name, int... shape) {
        int t = activation(name, shape);
        inputs.put(name, t);
        return t;
    }

    /** Marks tensor {@code t} as a graph output under the signature name {@code name}. */
    public void output(String name, int t) {
        outputs.put(name, t);
    }

    /** A float32 constant (weights, bias) stored little-endian in its own buffer. */
    public int constant(String name, int[] shape, float[] values) {
        requireCount(name, shape, values.length);
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return constant(name, shape, TensorType.FLOAT32, bytes.array());
    }

    /** An int32 constant (shapes, paddings, permutations). */
    public int constantInt(String name, int[] shape, int[] values) {
        requireCount(name, shape, values.length);
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(values);
        return constant(name, shape, TensorType.INT32, bytes.array());
    }

    /** Shape of tensor {@code t} as declared (NHWC for images). */
    public int[] shape(int t) {
        return tensors.get(t).shape().clone();
    }

    private int constant(String name, int[] shape, byte type, byte[] raw) {
        buffers.add(raw);
        tensors.add(new TensorSpec(name, shape.clone(), type, buffers.size() - 1));
        return tensors.size() - 1;
    }

    private int activation(String name, int... shape) {
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException(name + ": every dimension must be positive, got "
                    + Arrays.toString(shape));
            }
        }
        tensors.add(new TensorSpec(name, shape.clone(), TensorType.FLOAT32, 0));
        return tensors.size() - 1;
    }

    private static void requireCount(String name, int[] shape, int count) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n != count) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + n
                + " values but " + count + " were given");
        }
    }

    // ---------------------------------------------------------------- ops

    /**
     * CONV_2D on NHWC input {@code x} [1, H, W, C] with mllib's weight layout.
     *
     * @param weightOihw [O, C, KH, KW] as mllib's Conv2d stores it; written as TFLite's OHWI [O, KH, KW, C]
     * @param bias       [O]
     * @param pad        zero padding on every side; becomes SAME when that is exactly equivalent
     *                   (stride 1, odd kernel, pad = (k - 1) / 2), VALID when 0, else an explicit PAD op
     * @return output [1, OH, OW, O]
     */
    public int conv2d(String name, int x, float[] weightOihw, float[] bias, int kernelH, int kernelW,
                      int stride, int pad) {
        int[] in = requireRank(name, x, 4);
        int channels = in[3];
        int filters = bias.length;
        if (weightOihw.length != filters * channels * kernelH * kernelW) {
            throw new IllegalArgumentException(name + ": weight has " + weightOihw.length + " values, expected [O="
                + filters + ", C=" + channels + ", KH=" + kernelH + ", KW=" + kernelW + "]");
        }
        boolean same = pad > 0 && stride == 1 && kernelH == kernelW && kernelH % 2 == 1 && pad == (kernelH - 1) / 2;
        int source = x;
        int h = in[1];
        int w = in[2];
        if (pad > 0 && !same) {
            source = pad(name + "/pad", x, pad);
            h += 2 * pad;
            w += 2 * pad;
        } else if (same) {
            h += 2 * pad;
            w += 2 * pad;
        }
        int outH = (h - kernelH) / stride + 1;
        int outW = (w - kernelW) / stride + 1;
        if (outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException(name + ": kernel " + kernelH + "x" + kernelW + " does not fit input "
                + Arrays.toString(in) + " with pad " + pad);
        }
        int filter = constant(name + "/filter", new int[] {filters, kernelH, kernelW, channels},
            Layouts.oihwToOhwi(weightOihw, filters, channels, kernelH, kernelW));
        int b = constant(name + "/bias", new int[] {filters}, bias);
        int y = activation(name, 1, outH, outW, filters);
        byte padding = same ? Padding.SAME : Padding.VALID;
        op(BuiltinOperator.CONV_2D, new int[] {source, filter, b}, y, BuiltinOptions.Conv2DOptions, fb -> {
            Conv2DOptions.startConv2DOptions(fb);
            Conv2DOptions.addPadding(fb, padding);
            Conv2DOptions.addStrideW(fb, stride);
            Conv2DOptions.addStrideH(fb, stride);
            Conv2DOptions.addDilationWFactor(fb, 1);
            Conv2DOptions.addDilationHFactor(fb, 1);
            Conv2DOptions.addFusedActivationFunction(fb, ActivationFunctionType.NONE);
            return Conv2DOptions.endConv2DOptions(fb);
        });
        return y;
    }

    /** PAD with zeros around H and W of NHWC {@code x}: [1, H, W, C] → [1, H + 2p, W + 2p, C]. */
    public int pad(String name, int x, int pad) {
        int[] in = requireRank(name, x, 4);
        int paddings = constantInt(name + "/paddings", new int[] {4, 2}, new int[] {0, 0, pad, pad, pad, pad, 0, 0});
        int y = activation(name, 1, in[1] + 2 * pad, in[2] + 2 * pad, in[3]);
        op(BuiltinOperator.PAD, new int[] {x, paddings}, y, BuiltinOptions.PadOptions, fb -> {
            PadOptions.startPadOptions(fb);
            return PadOptions.endPadOptions(fb);
        });
        return y;
    }

    /** MAX_POOL_2D, no padding: [1, H, W, C] → [1, (H - k) / s + 1, (W - k) / s + 1, C]. */
    public int maxPool2d(String name, int x, int kernel, int stride) {
        return pool(BuiltinOperator.MAX_POOL_2D, name, x, kernel, kernel, stride, stride);
    }

    /**
     * Max pooling as mllib's (and PyTorch's) {@code MaxPool2d(kernel, stride, pad, ceilMode)}: padding never wins
     * a window, and {@code ceilMode} keeps a last partial window that starts inside the input or its left padding.
     * Written as MAX_POOL_2D with SAME padding when TFLite's SAME places the padding exactly there (Inception's
     * 3×3/1 pad 1, most ceil-mode pools), else as PADV2 with −FLT_MAX (the lowest float, so it never wins either)
     * followed by a VALID MAX_POOL_2D.
     */
    public int maxPool2d(String name, int x, int kernel, int stride, int pad, boolean ceilMode) {
        int[] in = requireRank(name, x, 4);
        if (pad == 0 && !ceilMode) {
            return maxPool2d(name, x, kernel, stride);
        }
        int outH = pooledSize(name, in[1], kernel, stride, pad, ceilMode);
        int outW = pooledSize(name, in[2], kernel, stride, pad, ceilMode);
        if (sameMatches(in[1], outH, kernel, stride, pad) && sameMatches(in[2], outW, kernel, stride, pad)) {
            return pool(BuiltinOperator.MAX_POOL_2D, name, x, kernel, kernel, stride, stride, Padding.SAME, outH, outW);
        }
        // after the left pad, the last window ends at (out - 1)·s + k; pad the right up to there (or not at all)
        int bottom = Math.max(0, (outH - 1) * stride + kernel - in[1] - pad);
        int right = Math.max(0, (outW - 1) * stride + kernel - in[2] - pad);
        int padded = padV2(name + "/pad", x, pad, bottom, pad, right, -Float.MAX_VALUE);
        int y = pool(BuiltinOperator.MAX_POOL_2D, name, padded, kernel, kernel, stride, stride);
        int[] out = tensors.get(y).shape();
        if (out[1] != outH || out[2] != outW) {
            throw new IllegalStateException(name + ": padded pooling gives " + Arrays.toString(out) + ", expected "
                + outH + "x" + outW);
        }
        return y;
    }

    /** mllib's MaxPool2d output size for one axis. */
    static int pooledSize(String name, int size, int kernel, int stride, int pad, boolean ceilMode) {
        int span = size + 2 * pad - kernel;
        if (span < 0) {
            throw new IllegalArgumentException(name + ": pool window " + kernel + " is larger than input " + size
                + " with padding " + pad);
        }
        int out = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
        if (ceilMode && (out - 1) * stride >= size + pad) {
            out--; // the last window would start in the right padding
        }
        return out;
    }

    /** Whether TFLite's SAME padding (out = ⌈in / s⌉, padding split with the smaller half first) is pad on the left. */
    private static boolean sameMatches(int in, int out, int kernel, int stride, int pad) {
        int sameOut = (in + stride - 1) / stride;
        int total = Math.max((sameOut - 1) * stride + kernel - in, 0);
        return sameOut == out && total / 2 == pad;
    }

    /** AVERAGE_POOL_2D, no padding (so every window averages k² real values, as mllib's AvgPool2d does). */
    public int averagePool2d(String name, int x, int kernel, int stride) {
        return pool(BuiltinOperator.AVERAGE_POOL_2D, name, x, kernel, kernel, stride, stride);
    }

    /** AVERAGE_POOL_2D, no padding, with a rectangular window (adaptive pooling of a non-square image). */
    public int averagePool2d(String name, int x, int kernelH, int kernelW, int strideH, int strideW) {
        return pool(BuiltinOperator.AVERAGE_POOL_2D, name, x, kernelH, kernelW, strideH, strideW);
    }

    private int pool(int opcode, String name, int x, int kernelH, int kernelW, int strideH, int strideW) {
        int[] in = requireRank(name, x, 4);
        if (kernelH > in[1] || kernelW > in[2]) {
            throw new IllegalArgumentException(name + ": pool window " + kernelH + "x" + kernelW
                + " is larger than input " + Arrays.toString(in));
        }
        int outH = (in[1] - kernelH) / strideH + 1;
        int outW = (in[2] - kernelW) / strideW + 1;
        return pool(opcode, name, x, kernelH, kernelW, strideH, strideW, Padding.VALID, outH, outW);
    }

    private int pool(int opcode, String name, int x, int kernelH, int kernelW, int strideH, int strideW,
                     byte padding, int outH, int outW) {
        int[] in = requireRank(name, x, 4);
        int y = activation(name, 1, outH, outW, in[3]);
        op(opcode, new int[] {x}, y, BuiltinOptions.Pool2DOptions, fb -> {
            Pool2DOptions.startPool2DOptions(fb);
            Pool2DOptions.addPadding(fb, padding);
            Pool2DOptions.addStrideW(fb, strideW);
            Pool2DOptions.addStrideH(fb, strideH);
            Pool2DOptions.addFilterWidth(fb, kernelW);
            Pool2DOptions.addFilterHeight(fb, kernelH);
            Pool2DOptions.addFusedActivationFunction(fb, ActivationFunctionType.NONE);
            return Pool2DOptions.endPool2DOptions(fb);
        });
        return y;
    }

    /** PADV2: H and W of NHWC {@code x} padded with {@code value} (top, bottom, left, right may differ). */
    public int padV2(String name, int x, int top, int bottom, int left, int right, float value) {
        int[] in = requireRank(name, x, 4);
        int paddings = constantInt(name + "/paddings", new int[] {4, 2},
            new int[] {0, 0, top, bottom, left, right, 0, 0});
        int constant = constant(name + "/value", new int[] {}, new float[] {value});
        int y = activation(name, 1, in[1] + top + bottom, in[2] + left + right, in[3]);
        op(BuiltinOperator.PADV2, new int[] {x, paddings, constant}, y, BuiltinOptions.PadV2Options, fb -> {
            PadV2Options.startPadV2Options(fb);
            return PadV2Options.endPadV2Options(fb);
        });
        return y;
    }

    /** ADD of two tensors of the same shape (a residual block's sum). */
    public int add(String name, int a, int b) {
        int[] sa = tensors.get(a).shape();
        int[] sb = tensors.get(b).shape();
        if (!Arrays.equals(sa, sb)) {
            throw new IllegalArgumentException(name + ": cannot add " + Arrays.toString(sa) + " and "
                + Arrays.toString(sb));
        }
        int y = activation(name, sa);
        op(BuiltinOperator.ADD, new int[] {a, b}, y, BuiltinOptions.AddOptions,
            fb -> AddOptions.createAddOptions(fb, ActivationFunctionType.NONE, false));
        return y;
    }

    /**
     * LOCAL_RESPONSE_NORMALIZATION over the channels of NHWC images, as TFLite defines it:
     * {@code y = x / (bias + alpha · Σ x²)^beta}, the sum over channels {@code [c − radius, c + radius]} (clipped) —
     * alpha is NOT divided by the window size (PyTorch's and ONNX's is; the caller converts).
     */
    public int localResponseNormalization(String name, int x, int radius, float bias, float alpha, float beta) {
        int[] shape = tensors.get(x).shape();
        if (shape.length != 4) {
            throw new IllegalArgumentException(name + ": LOCAL_RESPONSE_NORMALIZATION needs NHWC images, got "
                + Arrays.toString(shape));
        }
        int y = activation(name, shape);
        op(BuiltinOperator.LOCAL_RESPONSE_NORMALIZATION, new int[] {x}, y,
            BuiltinOptions.LocalResponseNormalizationOptions,
            fb -> LocalResponseNormalizationOptions.createLocalResponseNormalizationOptions(fb, radius, bias, alpha, beta));
        return y;
    }

    /** CONCATENATION of {@code xs} along {@code axis} (3 = the channels of NHWC images); other dims must agree. */
    public int concatenation(String name, int axis, int... xs) {
        if (xs.length == 0) {
            throw new IllegalArgumentException(name + ": nothing to concatenate");
        }
        int[] out = tensors.get(xs[0]).shape().clone(); // the record holds its array: never grow the input's shape
        if (axis < 0 || axis >= out.length) {
            throw new IllegalArgumentException(name + ": axis " + axis + " outside rank " + out.length);
        }
        for (int i = 1; i < xs.length; i++) {
            int[] s = tensors.get(xs[i]).shape();
            boolean ok = s.length == out.length;
            for (int d = 0; ok && d < s.length; d++) {
                ok = d == axis || s[d] == out[d];
            }
            if (!ok) {
                throw new IllegalArgumentException(name + ": input " + i + " " + Arrays.toString(s)
                    + " does not match " + Arrays.toString(tensors.get(xs[0]).shape()) + " off axis " + axis);
            }
            out[axis] += s[axis];
        }
        int y = activation(name, out);
        op(BuiltinOperator.CONCATENATION, xs.clone(), y, BuiltinOptions.ConcatenationOptions,
            fb -> ConcatenationOptions.createConcatenationOptions(fb, axis, ActivationFunctionType.NONE));
        return y;
    }

    /**
     * FULLY_CONNECTED on [1, in] with mllib's Linear layout.
     *
     * @param weightInOut [in, out] as mllib's Linear stores it; written transposed as TFLite's [out, in]
     * @param bias        [out]
     * @return output [1, out]
     */
    public int fullyConnected(String name, int x, float[] weightInOut, float[] bias) {
        int[] in = requireRank(name, x, 2);
        int inFeatures = in[1];
        int outFeatures = bias.length;
        if (weightInOut.length != inFeatures * outFeatures) {
            throw new IllegalArgumentException(name + ": weight has " + weightInOut.length + " values, expected [in="
                + inFeatures + ", out=" + outFeatures + "]");
        }
        int weights = constant(name + "/weights", new int[] {outFeatures, inFeatures},
            Layouts.transpose(weightInOut, inFeatures, outFeatures));
        int b = constant(name + "/bias", new int[] {outFeatures}, bias);
        int y = activation(name, 1, outFeatures);
        op(BuiltinOperator.FULLY_CONNECTED, new int[] {x, weights, b}, y, BuiltinOptions.FullyConnectedOptions, fb -> {
            FullyConnectedOptions.startFullyConnectedOptions(fb);
            FullyConnectedOptions.addFusedActivationFunction(fb, ActivationFunctionType.NONE);
            FullyConnectedOptions.addWeightsFormat(fb, FullyConnectedOptionsWeightsFormat.DEFAULT);
            FullyConnectedOptions.addKeepNumDims(fb, false);
            return FullyConnectedOptions.endFullyConnectedOptions(fb);
        });
        return y;
    }

    /** RESHAPE to {@code newShape}, given both as a constant input and as the option old readers use. */
    public int reshape(String name, int x, int... newShape) {
        requireCount(name, newShape, count(tensors.get(x).shape()));
        int shapeTensor = constantInt(name + "/shape", new int[] {newShape.length}, newShape);
        int y = activation(name, newShape);
        op(BuiltinOperator.RESHAPE, new int[] {x, shapeTensor}, y, BuiltinOptions.ReshapeOptions, fb -> {
            int shapeVector = ReshapeOptions.createNewShapeVector(fb, newShape);
            return ReshapeOptions.createReshapeOptions(fb, shapeVector);
        });
        return y;
    }

    /** TRANSPOSE with permutation {@code perm} (output dim i = input dim perm[i]). */
    public int transpose(String name, int x, int... perm) {
        int[] in = tensors.get(x).shape();
        if (perm.length != in.length) {
            throw new IllegalArgumentException(name + ": permutation " + Arrays.toString(perm) + " does not match rank "
                + in.length);
        }
        int[] out = new int[in.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = in[perm[i]];
        }
        int permTensor = constantInt(name + "/perm", new int[] {perm.length}, perm);
        int y = activation(name, out);
        op(BuiltinOperator.TRANSPOSE, new int[] {x, permTensor}, y, BuiltinOptions.TransposeOptions, fb -> {
            TransposeOptions.startTransposeOptions(fb);
            return TransposeOptions.endTransposeOptions(fb);
        });
        return y;
    }

    public int relu(String name, int x) {
        return elementwise(BuiltinOperator.RELU, name, x);
    }

    /** LOGISTIC = sigmoid. */
    public int logistic(String name, int x) {
        return elementwise(BuiltinOperator.LOGISTIC, name, x);
    }

    public int tanh(String name, int x) {
        return elementwise(BuiltinOperator.TANH, name, x);
    }

    /** SOFTMAX over the last axis, beta 1. */
    public int softmax(String name, int x) {
        int y = activation(name, tensors.get(x).shape());
        op(BuiltinOperator.SOFTMAX, new int[] {x}, y, BuiltinOptions.SoftmaxOptions,
            fb -> SoftmaxOptions.createSoftmaxOptions(fb, 1f));
        return y;
    }

    private int elementwise(int opcode, String name, int x) {
        int y = activation(name, tensors.get(x).shape());
        op(opcode, new int[] {x}, y, BuiltinOptions.NONE, null);
        return y;
    }

    private void op(int builtinCode, int[] in, int out, byte optionsType, OptionsWriter options) {
        int index = opcodes.indexOf(builtinCode);
        if (index < 0) {
            opcodes.add(builtinCode);
            index = opcodes.size() - 1;
        }
        ops.add(new OpSpec(index, in, new int[] {out}, optionsType, options));
    }

    private int[] requireRank(String name, int x, int rank) {
        int[] shape = tensors.get(x).shape();
        if (shape.length != rank) {
            throw new IllegalArgumentException(name + ": expects a rank-" + rank + " input, got "
                + Arrays.toString(shape));
        }
        return shape;
    }

    private static int count(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    // ---------------------------------------------------------------- serialisation

    /**
     * Serialises the model. Also records {@code min_runtime_version} "1.5.0" (all ops are version 1), as the
     * TFLite converter does.
     *
     * @param description free text stored in the model (shown by model viewers)
     */
    public byte[] finish(String description) {
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalStateException("the model needs at least one input and one output (call input() and "
                + "output()) before finish()");
        }
        if (!metadata.containsKey("min_runtime_version")) {
            byte[] version = new byte[16]; // NUL-padded, as the converter writes it
            byte[] text = "1.5.0".getBytes(ASCII);
            System.arraycopy(text, 0, version, 0, text.length);
            buffers.add(version);
            metadata.put("min_runtime_version", buffers.size() - 1);
        }
        long size = 1024;
        for (byte[] d : buffers) {
            size += d.length + 32L;
        }
        if (size > Integer.MAX_VALUE / 2) {
            throw new IllegalStateException("model of " + size + " bytes is too large for a single flatbuffer");
        }
        FlatBufferBuilder fb = new FlatBufferBuilder((int) size);

        int[] bufferOffsets = new int[buffers.size()];
        for (int i = 0; i < buffers.size(); i++) {
            byte[] data = buffers.get(i);
            int dataOffset = 0;
            if (data.length > 0) {
                fb.prep(16, data.length); // weights start 16-byte aligned, like the converter's force_align
                dataOffset = fb.createByteVector(data);
            }
            Buffer.startBuffer(fb);
            if (dataOffset != 0) {
                Buffer.addData(fb, dataOffset);
            }
            bufferOffsets[i] = Buffer.endBuffer(fb);
        }
        int buffersVector = Model.createBuffersVector(fb, bufferOffsets);

        int[] tensorOffsets = new int[tensors.size()];
        for (int i = 0; i < tensors.size(); i++) {
            TensorSpec t = tensors.get(i);
            int nameOffset = fb.createString(t.name());
            int shapeOffset = org.tensorflow.lite.schema.Tensor.createShapeVector(fb, t.shape());
            org.tensorflow.lite.schema.Tensor.startTensor(fb);
            org.tensorflow.lite.schema.Tensor.addShape(fb, shapeOffset);
            org.tensorflow.lite.schema.Tensor.addType(fb, t.type());
            org.tensorflow.lite.schema.Tensor.addBuffer(fb, t.buffer());
            org.tensorflow.lite.schema.Tensor.addName(fb, nameOffset);
            tensorOffsets[i] = org.tensorflow.lite.schema.Tensor.endTensor(fb);
        }
        int tensorsVector = SubGraph.createTensorsVector(fb, tensorOffsets);

        int[] opOffsets = new int[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            OpSpec op = ops.get(i);
            int in = Operator.createInputsVector(fb, op.inputs());
            int out = Operator.createOutputsVector(fb, op.outputs());
            int options = op.options() == null ? 0 : op.options().write(fb);
            Operator.startOperator(fb);
            Operator.addOpcodeIndex(fb, op.opcodeIndex());
            Operator.addInputs(fb, in);
            Operator.addOutputs(fb, out);
            if (options != 0) {
                Operator.addBuiltinOptionsType(fb, op.optionsType());
                Operator.addBuiltinOptions(fb, options);
            }
            opOffsets[i] = Operator.endOperator(fb);
        }
        int opsVector = SubGraph.createOperatorsVector(fb, opOffsets);

        int subgraphInputs = SubGraph.createInputsVector(fb, values(inputs));
        int subgraphOutputs = SubGraph.createOutputsVector(fb, values(outputs));
        int subgraphName = fb.createString("main");
        SubGraph.startSubGraph(fb);
        SubGraph.addTensors(fb, tensorsVector);
        SubGraph.addInputs(fb, subgraphInputs);
        SubGraph.addOutputs(fb, subgraphOutputs);
        SubGraph.addOperators(fb, opsVector);
        SubGraph.addName(fb, subgraphName);
        int subgraphsVector = Model.createSubgraphsVector(fb, new int[] {SubGraph.endSubGraph(fb)});

        int[] codeOffsets = new int[opcodes.size()];
        for (int i = 0; i < opcodes.size(); i++) {
            int code = opcodes.get(i);
            OperatorCode.startOperatorCode(fb);
            // Both fields: TFLite >= 2.5 reads max(builtin_code, deprecated); pre-v3a readers only the int8 one.
            OperatorCode.addDeprecatedBuiltinCode(fb,
                (byte) Math.min(code, BuiltinOperator.PLACEHOLDER_FOR_GREATER_OP_CODES));
            OperatorCode.addBuiltinCode(fb, code);
            OperatorCode.addVersion(fb, 1);
            codeOffsets[i] = OperatorCode.endOperatorCode(fb);
        }
        int codesVector = Model.createOperatorCodesVector(fb, codeOffsets);

        int[] metadataOffsets = new int[metadata.size()];
        int m = 0;
        for (Map.Entry<String, Integer> e : metadata.entrySet()) {
            metadataOffsets[m++] = Metadata.createMetadata(fb, fb.createString(e.getKey()), e.getValue());
        }
        int metadataVector = Model.createMetadataVector(fb, metadataOffsets);

        int signatureInputs = SignatureDef.createInputsVector(fb, tensorMaps(fb, inputs));
        int signatureOutputs = SignatureDef.createOutputsVector(fb, tensorMaps(fb, outputs));
        int key = fb.createString(SIGNATURE_KEY);
        SignatureDef.startSignatureDef(fb);
        SignatureDef.addInputs(fb, signatureInputs);
        SignatureDef.addOutputs(fb, signatureOutputs);
        SignatureDef.addSignatureKey(fb, key);
        SignatureDef.addSubgraphIndex(fb, 0);
        int signaturesVector = Model.createSignatureDefsVector(fb, new int[] {SignatureDef.endSignatureDef(fb)});

        int descriptionOffset = fb.createString(description);
        Model.startModel(fb);
        Model.addVersion(fb, 3);
        Model.addOperatorCodes(fb, codesVector);
        Model.addSubgraphs(fb, subgraphsVector);
        Model.addDescription(fb, descriptionOffset);
        Model.addBuffers(fb, buffersVector);
        Model.addMetadata(fb, metadataVector);
        Model.addSignatureDefs(fb, signaturesVector);
        Model.finishModelBuffer(fb, Model.endModel(fb)); // writes the "TFL3" file identifier
        return fb.sizedByteArray();
    }

    private static int[] values(Map<String, Integer> named) {
        int[] v = new int[named.size()];
        int i = 0;
        for (int t : named.values()) {
            v[i++] = t;
        }
        return v;
    }

    private static int[] tensorMaps(FlatBufferBuilder fb, Map<String, Integer> named) {
        int[] offsets = new int[named.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : named.entrySet()) {
            offsets[i++] = TensorMap.createTensorMap(fb, fb.createString(e.getKey()), e.getValue());
        }
        return offsets;
    }
}
