package io.neuronlab.app.train;

import android.content.Context;
import io.neuronlab.app.R;
import io.neuronlab.app.data.TrainingRun;
import java.util.List;

/** The run history as text: what each run reached and, when it was recorded, the settings it trained with. */
public final class RunHistoryText {
    private RunHistoryText() {
    }

    /** One paragraph per run, newest first as given; "no runs yet" for an empty history. */
    public static String describe(Context context, List<TrainingRun> history) {
        if (history.isEmpty()) {
            return context.getString(R.string.train_no_runs);
        }
        StringBuilder text = new StringBuilder();
        for (TrainingRun run : history) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(context.getString(R.string.train_run_summary, run.modelName, run.epochs,
                    100f * run.testAccuracy, run.durationMillis / 1000f));
            if (run.hasSettings()) {
                text.append('\n').append(settings(context, run));
            }
        }
        return text.toString();
    }

    /** "adam · lr 0.001 · batch 64 · 3 epochs · He · BN off · dropout 0 · decay 0 · 12000 images · MNIST slice". */
    public static String settings(Context context, TrainingRun run) {
        return context.getString(R.string.train_run_settings, run.optimizer, plain(run.learningRate),
                run.batchSize, run.plannedEpochs, initName(context, run.init),
                context.getString(run.batchNorm ? R.string.train_run_bn_on : R.string.train_run_bn_off),
                plain(run.dropout), plain(run.weightDecay), run.trainImages, dataName(context, run.data()));
    }

    /** The data's short name: "MNIST slice" or "my handwriting". */
    public static String dataName(Context context, io.neuronlab.mllib.lab.LabSettings.Data data) {
        return context.getString(data == io.neuronlab.mllib.lab.LabSettings.Data.MY_SAMPLES
                ? R.string.lab_data_samples_short : R.string.lab_data_mnist_short);
    }

    /** 0.0001 rather than 1.0E-4, 0.5 rather than 0.50: the number as the user typed it. */
    private static String plain(float value) {
        return new java.math.BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String initName(Context context, String init) {
        switch (init) {
            case "STD_0_01":
                return context.getString(R.string.lab_init_std);
            case "XAVIER":
                return context.getString(R.string.lab_init_xavier);
            case "HE":
                return context.getString(R.string.lab_init_he);
            default:
                return init;
        }
    }
}
