package io.neuronlab.mllib.tflite;

import io.neuronlab.mllib.nn.engine.ConvEngine;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * Runs convolutions in TensorFlow Lite: each layer's current weights become the constants of a one-op
 * CONV_2D graph ([1, H, W, C] → [1, OH, OW, O]), loaded once through a {@link TfliteRuntime} and reused until
 * the weights (or the input size) change, so training still works: forward here, backward in Java.
 * Samples run one at a time (batch 1 is what the GPU delegate supports), converted NCHW ↔ NHWC on the way.
 *
 * <p>With a fallback runtime (GPU → CPU), any failure of the primary runtime to load or run a graph switches
 * this engine to the fallback for good, reports why through the message listener and redoes the call there:
 * no exception reaches the caller and no partial result is returned. Runtimes report failures as
 * {@link TfliteException} (or a {@link LinkageError} when native code is missing).
 */
public final class TfliteConvEngine implements ConvEngine {
    private TfliteRuntime runtime;
    private TfliteRuntime fallback;
    private Consumer<String> messages = message -> { };
    // one loaded graph per weight tensor (per layer); weak so dropped layers free their entry
    private final Map<Tensor, Graph> graphs = new WeakHashMap<>();
    private int builds;

    /** An engine on {@code runtime} with no fallback: runtime failures surface as {@link TfliteException}. */
    public TfliteConvEngine(TfliteRuntime runtime) {
        if (runtime == null) {
            throw new IllegalArgumentException("runtime must not be null");
        }
        this.runtime = runtime;
    }

    /** Falls back to {@code cpu} (for good) when the primary runtime fails; {@code messages} hears why. */
    public TfliteConvEngine withFallback(TfliteRuntime cpu, Consumer<String> messages) {
        this.fallback = cpu;
        this.messages = messages == null ? m -> { } : messages;
        return this;
    }

    /** The runtime now in use: the primary, or the fallback after a failure. */
    public synchronized String activeRuntime() {
        return runtime.name();
    }

    /** How many conv graphs were built and loaded so far (a rebuild happens after every weight change). */
    public synchronized int builds() {
        return builds;
    }

    @Override
    public String name() {
        return runtime.name();
    }

    @Override
    public synchronized Tensor forward(Tensor x, Tensor weight, Tensor bias, int stride, int pad) {
        int[] s = ConvEngine.checkShapes(x, weight, bias, stride, pad);
        try {
            return run(x, weight, bias, stride, pad, s);
        } catch (TfliteException | LinkageError e) {
            if (fallback == null) {
                throw e instanceof TfliteException ? (TfliteException) e
                    : new TfliteException(runtime.name() + " failed: " + e, e);
            }
            messages.accept(runtime.name() + " failed (" + e.getMessage() + "); using " + fallback.name()
                + " instead");
            closeGraphs();
            runtime = fallback;
            fallback = null;
            return run(x, weight, bias, stride, pad, s);
        }
    }

    private Tensor run(Tensor x, Tensor weight, Tensor bias, int stride, int pad, int[] s) {
        int n = s[0];
        int c = s[1];
        int h = s[2];
        int w = s[3];
        int o = s[4];
        int oh = s[7];
        int ow = s[8];
        TfliteInterpreter interpreter = graphFor(weight, bias, c, h, w, stride, pad).interpreter;
        float[] in = new float[c * h * w];
        float[] out = new float[o * oh * ow];
        float[] y = new float[n * o * oh * ow];
        for (int i = 0; i < n; i++) {
            Layouts.chwToHwc(x.data(), i * c * h * w, c, h, w, in);
            interpreter.run(in, out);
            Layouts.hwcToChw(out, o, oh, ow, y, i * o * oh * ow);
        }
        return Tensor.of(y, n, o, oh, ow);
    }

    private Graph graphFor(Tensor weight, Tensor bias, int c, int h, int w, int stride, int pad) {
        Graph g = graphs.get(weight);
        if (g != null && g.matches(weight, bias, h, w, stride, pad)) {
            return g;
        }
        if (g != null) {
            g.interpreter.close();
            graphs.remove(weight);
        }
        int kh = weight.size(2);
        int kw = weight.size(3);
        byte[] model = convModel(weight.data(), bias.data(), c, h, w, kh, kw, stride, pad);
        g = new Graph(weight.data().clone(), bias.data().clone(), h, w, stride, pad, runtime.load(model));
        graphs.put(weight, g);
        builds++;
        return g;
    }

    /** The one-op graph: input "input" [1, H, W, C], output "output" [1, OH, OW, O], weights as constants. */
    static byte[] convModel(float[] weightOihw, float[] bias, int c, int h, int w, int kh, int kw, int stride,
                            int pad) {
        TfliteModelBuilder b = new TfliteModelBuilder();
        int x = b.input("input", 1, h, w, c);
        int y = b.conv2d("conv", x, weightOihw, bias, kh, kw, stride, pad);
        b.output("output", y);
        return b.finish("mllib convolution");
    }

    @Override
    public synchronized void close() {
        closeGraphs();
    }

    private void closeGraphs() {
        for (Graph g : graphs.values()) {
            g.interpreter.close();
        }
        graphs.clear();
    }

    /** A loaded graph and the exact values it was built from. */
    private static final class Graph {
        final float[] weight;
        final float[] bias;
        final int h;
        final int w;
        final int stride;
        final int pad;
        final TfliteInterpreter interpreter;

        Graph(float[] weight, float[] bias, int h, int w, int stride, int pad, TfliteInterpreter interpreter) {
            this.weight = weight;
            this.bias = bias;
            this.h = h;
            this.w = w;
            this.stride = stride;
            this.pad = pad;
            this.interpreter = interpreter;
        }

        boolean matches(Tensor weight, Tensor bias, int h, int w, int stride, int pad) {
            // comparing values (not a version counter) catches every in-place update, whoever made it
            return this.h == h && this.w == w && this.stride == stride && this.pad == pad
                && Arrays.equals(this.weight, weight.data()) && Arrays.equals(this.bias, bias.data());
        }
    }
}
