package io.neuronlab.mllib.tflite.android.standin;

import io.neuronlab.mllib.tflite.desktop.BytedecoRuntime;
import io.neuronlab.mllib.tflite.TfliteInterpreter;

import org.tensorflow.lite.InterpreterApi;
import org.tensorflow.lite.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * Stands in for Android's TFLite interpreter on the JVM: TFLite's own {@link InterpreterApi} interface,
 * backed by the real TFLite 2.20 C++ runtime (bytedeco). Implements what mllib's Android adapter calls;
 * the rest of the interface is not part of that contract.
 */
public final class DesktopInterpreterApi implements InterpreterApi {
    private final TfliteInterpreter interpreter;
    private final int inputFloats;
    private final int outputFloats;

    DesktopInterpreterApi(ByteBuffer model, int inputFloats, int outputFloats) {
        byte[] bytes = new byte[model.remaining()];
        model.duplicate().get(bytes);
        this.interpreter = new BytedecoRuntime(true).load(bytes);
        this.inputFloats = inputFloats;
        this.outputFloats = outputFloats;
    }

    @Override
    public void run(Object input, Object output) {
        if (!(input instanceof ByteBuffer) || !(output instanceof ByteBuffer)) {
            throw new IllegalArgumentException("the stand-in takes direct ByteBuffers, as mllib's adapter passes");
        }
        ByteBuffer in = ((ByteBuffer) input).duplicate().order(ByteOrder.nativeOrder());
        ByteBuffer out = ((ByteBuffer) output).duplicate().order(ByteOrder.nativeOrder());
        if (in.remaining() != 4 * inputFloats || out.remaining() != 4 * outputFloats) {
            // Android's Interpreter rejects size mismatches the same way
            throw new IllegalArgumentException("buffer sizes " + in.remaining() + "/" + out.remaining()
                + " bytes do not match the model's " + 4 * inputFloats + "/" + 4 * outputFloats);
        }
        float[] x = new float[inputFloats];
        float[] y = new float[outputFloats];
        in.asFloatBuffer().get(x);
        interpreter.run(x, y);
        out.asFloatBuffer().put(y);
    }

    @Override
    public void close() {
        interpreter.close();
    }

    @Override
    public void runForMultipleInputsOutputs(Object[] inputs, Map<Integer, Object> outputs) {
        throw new UnsupportedOperationException("not used by mllib's adapter");
    }

    @Override
    public void allocateTensors() {
    }

    @Override
    public void resizeInput(int index, int[] dims) {
        throw new UnsupportedOperationException("not used by mllib's adapter");
    }

    @Override
    public void resizeInput(int index, int[] dims, boolean strict) {
        throw new UnsupportedOperationException("not used by mllib's adapter");
    }

    @Override
    public int getInputTensorCount() {
        return 1;
    }

    @Override
    public int getInputIndex(String name) {
        return 0;
    }

    @Override
    public Tensor getInputTensor(int index) {
        throw new UnsupportedOperationException("not used by mllib's adapter");
    }

    @Override
    public int getOutputTensorCount() {
        return 1;
    }

    @Override
    public int getOutputIndex(String name) {
        return 0;
    }

    @Override
    public Tensor getOutputTensor(int index) {
        throw new UnsupportedOperationException("not used by mllib's adapter");
    }

    @Override
    public Long getLastNativeInferenceDurationNanoseconds() {
        return null;
    }
}
