package io.neuronlab.app.lessons.speed;

import io.neuronlab.app.settings.EngineChoice;
import io.neuronlab.mllib.nn.engine.ConvEngine;
import io.neuronlab.mllib.bench.ConvBenchmark;
import io.neuronlab.mllib.bench.ConvBenchmark.ConvShape;
import io.neuronlab.mllib.bench.ConvBenchmark.Timing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The speed lesson's measurement: LeNet-bench's two convolutions ({@link ConvBenchmark#lenet()}) at batch 1
 * in every engine this device can run. An engine that falls back (no GPU, no TFLite natives) is listed as
 * unavailable with the reason instead of being timed twice under another name.
 */
public final class EngineTimings {
    /** Untimed calls first: graph build and JIT warm-up. */
    static final int WARMUP = 10;
    static final int REPEATS = 100;

    /** One engine's result: ms per image summed over the LeNet convolutions, or why it could not run. */
    public record Result(EngineChoice choice, String engine, double millisPerImage, String unavailableReason) {
        public boolean available() {
            return unavailableReason == null;
        }
    }

    /** Told after each engine, on the measuring thread. */
    public interface Progress {
        void done(int finished, int total);
    }

    private EngineTimings() {
    }

    /** Runs the measurement (seconds on a phone): call off the main thread. */
    public static List<Result> measure(Progress progress) {
        List<ConvShape> shapes = ConvBenchmark.lenet();
        EngineChoice[] choices = EngineChoice.values();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < choices.length; i++) {
            EngineChoice.Opened opened = choices[i].open();
            ConvEngine engine = opened.engine();
            try {
                if (opened.fellBack()) {
                    results.add(new Result(choices[i], null, Double.NaN, String.valueOf(opened.messages())));
                } else {
                    double total = 0;
                    List<ConvEngine> one = new ArrayList<>();
                    one.add(engine);
                    for (Timing t : ConvBenchmark.time(shapes, one, 1, WARMUP, REPEATS, 1)) {
                        total += t.millisPerImage();
                    }
                    results.add(new Result(choices[i], engine.name(), total, null));
                }
            } finally {
                engine.close();
            }
            progress.done(i + 1, choices.length);
        }
        return Collections.unmodifiableList(results);
    }
}
