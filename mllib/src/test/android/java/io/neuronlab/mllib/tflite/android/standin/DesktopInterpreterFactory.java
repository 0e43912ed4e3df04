package io.neuronlab.mllib.tflite.android.standin;

import io.neuronlab.mllib.tflite.android.InterpreterFactory;

import org.tensorflow.lite.InterpreterApi;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.SubGraph;

import java.nio.ByteBuffer;

/** Creates {@link DesktopInterpreterApi}s; refuses delegates, which only a device can run. */
public final class DesktopInterpreterFactory implements InterpreterFactory {
    @Override
    public InterpreterApi create(ByteBuffer model, InterpreterApi.Options options) {
        if (!options.getDelegates().isEmpty()) {
            throw new IllegalArgumentException("the desktop stand-in cannot apply delegates " + options.getDelegates());
        }
        SubGraph graph = Model.getRootAsModel(model.duplicate()).subgraphs(0);
        return new DesktopInterpreterApi(model, count(graph.tensors(graph.inputs(0))),
            count(graph.tensors(graph.outputs(0))));
    }

    private static int count(org.tensorflow.lite.schema.Tensor t) {
        int n = 1;
        for (int i = 0; i < t.shapeLength(); i++) {
            n *= t.shape(i);
        }
        return n;
    }
}
