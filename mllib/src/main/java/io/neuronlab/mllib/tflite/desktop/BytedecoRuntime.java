package io.neuronlab.mllib.tflite.desktop;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.tflite.TfliteException;
import io.neuronlab.mllib.tflite.TfliteInterpreter;
import io.neuronlab.mllib.tflite.TfliteRuntime;
import io.neuronlab.mllib.tflite.TfliteRuntimes;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.BuiltinOpResolverWithoutDefaultDelegates;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.OpResolver;
import org.bytedeco.tensorflowlite.TfLiteTensor;

/**
 * The real TensorFlow Lite 2.20 C++ runtime on the desktop JVM (org.bytedeco:tensorflow-lite, linux-x86_64
 * natives), behind mllib's interpreter seam. Every model goes through TFLite's flatbuffer verifier first.
 *
 * <p>The bytedeco jars are an optional dependency of mllib: the CLI jar has them in {@code lib/} (so
 * {@code bench} can time TFLite on the CPU), the Android app does not get them (it has Android's own TFLite).
 * {@link TfliteRuntimes#available()} offers this runtime only when those classes are on the classpath.
 */
@DesktopOnly
public final class BytedecoRuntime implements TfliteRuntime {
    private final boolean xnnpack;

    /** XNNPACK, as TFLite runs by default (the constructor {@link TfliteRuntimes} uses). */
    public BytedecoRuntime() {
        this(true);
    }

    /** @param xnnpack true: default delegates (XNNPACK); false: TFLite's builtin reference/optimized kernels */
    public BytedecoRuntime(boolean xnnpack) {
        this.xnnpack = xnnpack;
    }

    @Override
    public String name() {
        return xnnpack ? "TFLite CPU (bytedeco, XNNPACK)" : "TFLite CPU (bytedeco, builtin kernels)";
    }

    @Override
    public TfliteInterpreter load(byte[] model) {
        // the native model keeps pointing into this buffer: it lives as long as the interpreter
        BytePointer bytes = new BytePointer(model.length);
        bytes.put(model);
        FlatBufferModel flatBuffer = FlatBufferModel.VerifyAndBuildFromBuffer(bytes, model.length);
        if (flatBuffer == null || flatBuffer.isNull()) {
            throw new TfliteException("TFLite's verifier rejected the model (" + model.length + " bytes)");
        }
        OpResolver resolver = xnnpack ? new BuiltinOpResolver() : new BuiltinOpResolverWithoutDefaultDelegates();
        Interpreter interpreter = new Interpreter((Pointer) null); // filled by apply() (a unique_ptr out-parameter)
        int status = new InterpreterBuilder(flatBuffer, resolver).apply(interpreter);
        if (status != 0 || interpreter.isNull()) {
            throw new TfliteException("TFLite InterpreterBuilder failed with status " + status);
        }
        if (interpreter.AllocateTensors() != 0) {
            throw new TfliteException("TFLite AllocateTensors failed");
        }
        return new Loaded(bytes, flatBuffer, resolver, interpreter);
    }

    private static final class Loaded implements TfliteInterpreter {
        private final BytePointer bytes;
        private final FlatBufferModel flatBuffer;
        private final OpResolver resolver;
        private final Interpreter interpreter;

        Loaded(BytePointer bytes, FlatBufferModel flatBuffer, OpResolver resolver, Interpreter interpreter) {
            this.bytes = bytes;
            this.flatBuffer = flatBuffer;
            this.resolver = resolver;
            this.interpreter = interpreter;
        }

        @Override
        public void run(float[] input, float[] output) {
            TfLiteTensor in = interpreter.input_tensor(0);
            TfLiteTensor out = interpreter.output_tensor(0);
            if (in.bytes() != 4L * input.length || out.bytes() != 4L * output.length) {
                throw new TfliteException("model expects " + in.bytes() / 4 + " inputs and " + out.bytes() / 4
                    + " outputs, got arrays of " + input.length + " and " + output.length);
            }
            interpreter.typed_input_tensor_float(0).put(input);
            if (interpreter.Invoke() != 0) {
                throw new TfliteException("TFLite Invoke failed");
            }
            FloatPointer result = interpreter.typed_output_tensor_float(0);
            result.get(output);
        }

        @Override
        public void close() {
            interpreter.close();
            resolver.close();
            flatBuffer.close();
            bytes.close();
        }
    }
}
