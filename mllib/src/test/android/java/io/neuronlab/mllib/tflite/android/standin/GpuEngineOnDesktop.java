package io.neuronlab.mllib.tflite.android.standin;

import io.neuronlab.mllib.nn.engine.ConvEngine;
import io.neuronlab.mllib.tflite.android.AndroidConvEngines;

import java.util.function.Consumer;
import java.util.function.Function;

/** The app's GPU engine exactly as the app builds it, with the desktop interpreter standing in. */
public final class GpuEngineOnDesktop implements Function<Consumer<String>, ConvEngine> {
    @Override
    public ConvEngine apply(Consumer<String> messages) {
        return AndroidConvEngines.tfliteGpu(true, messages, new DesktopInterpreterFactory());
    }
}
