package io.neuronlab.app.train;

import android.content.Context;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.samples.DigitSampleEntity;
import io.neuronlab.app.samples.SampleStore;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.MnistSlice;
import io.neuronlab.mllib.digits.LabelledDigit;
import io.neuronlab.mllib.lab.FineTuner;
import io.neuronlab.mllib.lab.LabSettings;
import io.neuronlab.mllib.lab.SampleSnapshot;
import io.neuronlab.mllib.lab.SampleSplit;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The data a lab run trains and tests on, by its settings: the bundled MNIST slice, or the user's own samples. A
 * fresh run on the samples first copies them from Room into the run's own snapshot file (so digits drawn or deleted
 * later do not change it); a run resumed from its checkpoint reads that snapshot again, so it trains on the very
 * same samples and, by the settings' seed, the very same split. Call off the main thread.
 */
final class LabDatasets {
    /** What a run trains on: its settings (the training images capped to what the data has) and the data. */
    record RunData(LabSettings settings, Dataset train, Dataset test, String dataId) {
    }

    private LabDatasets() {
    }

    /**
     * @param resuming whether the run continues a checkpoint of these settings (then an existing snapshot is used)
     * @throws IllegalArgumentException with too few samples of some digit (the message names them)
     */
    static RunData open(Context context, LabSettings settings, File snapshot, boolean resuming) throws IOException {
        if (settings.data == LabSettings.Data.MNIST_SLICE) {
            MnistSlice slice = LabData.slice(context);
            return new RunData(settings, slice.train(), slice.test(), null);
        }
        if (!resuming || !snapshot.isFile()) {
            SampleSnapshot.write(storedSamples(context), snapshot);
        }
        SampleSnapshot.Snapshot taken = SampleSnapshot.read(snapshot); // fresh or resumed: the bytes on disk
        Dataset samples = SampleSplit.dataset(taken.digits());
        SampleSplit.requireEnough(samples.labels());
        int available = SampleSplit.trainingDigits(samples.labels());
        LabSettings capped = settings.trainImages > available ? settings.withTrainImages(available) : settings;
        FineTuner.Split split = SampleSplit.split(samples, capped.trainImages, capped.seed);
        return new RunData(capped, split.train(), split.heldOut(), taken.id());
    }

    /** The user's samples in Room, oldest first (the order fine-tuning and the export use). */
    private static List<LabelledDigit> storedSamples(Context context) {
        List<DigitSampleEntity> rows = NeuronLabApp.of(context).samples().samples().all(); // newest first
        List<LabelledDigit> digits = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            digits.add(SampleStore.toDigit(rows.get(i)));
        }
        return digits;
    }
}
