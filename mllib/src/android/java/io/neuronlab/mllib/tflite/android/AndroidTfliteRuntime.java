package io.neuronlab.mllib.tflite.android;

import io.neuronlab.mllib.tflite.TfliteException;
import io.neuronlab.mllib.tflite.TfliteInterpreter;
import io.neuronlab.mllib.tflite.TfliteRuntime;

import org.tensorflow.lite.InterpreterApi;
import org.tensorflow.lite.gpu.CompatibilityList;
import org.tensorflow.lite.gpu.GpuDelegate;
import org.tensorflow.lite.gpu.GpuDelegateFactory;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * mllib's {@link TfliteRuntime} on Android's TensorFlow Lite 2.14: the CPU (XNNPACK) or the GPU delegate.
 * The GPU runtime asks {@link CompatibilityList} first and throws {@link TfliteException} when the device is
 * not supported or the delegate fails, which {@code TfliteConvEngine} turns into a fallback to the CPU.
 */
public final class AndroidTfliteRuntime implements TfliteRuntime {
    private final boolean gpu;
    private final boolean fp32;
    private final int threads;
    private final InterpreterFactory factory;

    private AndroidTfliteRuntime(boolean gpu, boolean fp32, int threads, InterpreterFactory factory) {
        this.gpu = gpu;
        this.fp32 = fp32;
        this.threads = threads;
        this.factory = factory;
    }

    /** XNNPACK on {@code threads} CPU threads. */
    public static AndroidTfliteRuntime cpu(int threads) {
        return new AndroidTfliteRuntime(false, false, Math.max(1, threads), InterpreterFactory.TFLITE);
    }

    /**
     * The GPU delegate with the device's best options.
     *
     * @param fp32 true computes in full float32 (for parity checks against Java); false lets the GPU use
     *             FP16, faster but ~1e-3 off
     */
    public static AndroidTfliteRuntime gpu(boolean fp32) {
        return new AndroidTfliteRuntime(true, fp32, 1, InterpreterFactory.TFLITE);
    }

    /** The same runtime creating interpreters through {@code factory} (tests stand in the desktop runtime). */
    public AndroidTfliteRuntime withInterpreterFactory(InterpreterFactory factory) {
        return new AndroidTfliteRuntime(gpu, fp32, threads, factory);
    }

    /** Whether TFLite's compatibility list clears this device for the GPU delegate (false if it cannot tell). */
    public static boolean isGpuSupported() {
        try (CompatibilityList list = new CompatibilityList()) {
            return list.isDelegateSupportedOnThisDevice();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String name() {
        return gpu ? (fp32 ? "TFLite GPU (FP32)" : "TFLite GPU") : "TFLite CPU";
    }

    @Override
    public TfliteInterpreter load(byte[] model) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(model.length).order(ByteOrder.nativeOrder());
        buffer.put(model);
        ((Buffer) buffer).rewind();
        InterpreterApi.Options options = new InterpreterApi.Options().setNumThreads(threads);
        GpuDelegate delegate = gpu ? gpuDelegate() : null;
        if (delegate != null) {
            options.addDelegate(delegate);
        }
        try {
            return new Loaded(factory.create(buffer, options), delegate);
        } catch (RuntimeException | LinkageError e) {
            if (delegate != null) {
                delegate.close();
            }
            throw new TfliteException(name() + " could not load the model: " + e.getMessage(), e);
        }
    }

    private GpuDelegate gpuDelegate() {
        try (CompatibilityList list = new CompatibilityList()) {
            if (!list.isDelegateSupportedOnThisDevice()) {
                throw new TfliteException("the GPU delegate does not support this device (TFLite compatibility list)");
            }
            GpuDelegateFactory.Options options = list.getBestOptionsForThisDevice();
            options.setPrecisionLossAllowed(!fp32);
            options.setInferencePreference(GpuDelegateFactory.Options.INFERENCE_PREFERENCE_SUSTAINED_SPEED);
            return new GpuDelegate(options);
        } catch (RuntimeException | LinkageError e) {
            if (e instanceof TfliteException) {
                throw e;
            }
            throw new TfliteException("the GPU delegate is unavailable: " + e, e);
        }
    }

    /** One interpreter with its reusable direct buffers (TFLite reads and writes them in place). */
    private static final class Loaded implements TfliteInterpreter {
        private final InterpreterApi interpreter;
        private final GpuDelegate delegate;
        private ByteBuffer in;
        private ByteBuffer out;

        Loaded(InterpreterApi interpreter, GpuDelegate delegate) {
            this.interpreter = interpreter;
            this.delegate = delegate;
        }

        @Override
        public void run(float[] input, float[] output) {
            in = sized(in, input.length);
            out = sized(out, output.length);
            in.asFloatBuffer().put(input);
            try {
                interpreter.run(in, out);
            } catch (RuntimeException e) {
                throw new TfliteException("TFLite run failed: " + e.getMessage(), e);
            }
            out.asFloatBuffer().get(output);
        }

        private static ByteBuffer sized(ByteBuffer b, int floats) {
            if (b == null || b.capacity() != 4 * floats) {
                b = ByteBuffer.allocateDirect(4 * floats).order(ByteOrder.nativeOrder());
            }
            ((Buffer) b).rewind();
            return b;
        }

        @Override
        public void close() {
            interpreter.close();
            if (delegate != null) {
                delegate.close();
            }
        }
    }
}
