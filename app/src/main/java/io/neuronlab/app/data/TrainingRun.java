package io.neuronlab.app.data;

import androidx.annotation.NonNull;
import androidx.annotation.Nullable;
import androidx.room.ColumnInfo;
import androidx.room.Entity;
import androidx.room.Index;
import androidx.room.PrimaryKey;
import io.neuronlab.mllib.lab.LabSettings;

/**
 * One finished training run, kept so the Train screen can show the history: what it reached and (since version 3)
 * the settings it ran with and its model file, (since version 4) the data it trained on. The settings are null for
 * runs saved before version 3.
 */
@Entity(tableName = "training_run", indices = @Index("started_at_millis"))
public class TrainingRun {
    @PrimaryKey(autoGenerate = true)
    public long id;

    /** Wall-clock start, milliseconds since the epoch. */
    @ColumnInfo(name = "started_at_millis")
    public long startedAtMillis;

    /** The network's name, e.g. "TwoLayerNet" or "SimpleConvNet". */
    @NonNull
    @ColumnInfo(name = "model_name")
    public String modelName = "";

    public int epochs;

    /** Mean loss over the last epoch. */
    @ColumnInfo(name = "final_loss")
    public float finalLoss;

    /** Fraction of the test set classified correctly, 0..1. */
    @ColumnInfo(name = "test_accuracy")
    public float testAccuracy;

    @ColumnInfo(name = "duration_millis")
    public long durationMillis;

    // ---- the run's settings (version 3; null in rows from before): see LabSettings

    @Nullable
    public String optimizer;

    @Nullable
    @ColumnInfo(name = "learning_rate")
    public Float learningRate;

    @Nullable
    @ColumnInfo(name = "batch_size")
    public Integer batchSize;

    /** The epochs asked for ({@link #epochs} is how many ran: fewer when stopped or diverged). */
    @Nullable
    @ColumnInfo(name = "planned_epochs")
    public Integer plannedEpochs;

    /** {@link LabSettings.Init}'s name: STD_0_01, XAVIER or HE. */
    @Nullable
    public String init;

    @Nullable
    @ColumnInfo(name = "batch_norm")
    public Boolean batchNorm;

    @Nullable
    public Float dropout;

    @Nullable
    @ColumnInfo(name = "weight_decay")
    public Float weightDecay;

    @Nullable
    @ColumnInfo(name = "train_images")
    public Integer trainImages;

    /**
     * {@link LabSettings.Data}'s name: what the run trained and tested on (MNIST_SLICE or MY_SAMPLES; version 4).
     * Null in rows from before, which all trained on the MNIST slice.
     */
    @Nullable
    public String dataset;

    /** The run's model file in the model library (models.ModelLibrary), or null when none was saved. */
    @Nullable
    @ColumnInfo(name = "model_file")
    public String modelFile;

    public static TrainingRun of(String modelName, long startedAtMillis, int epochs, float finalLoss,
                                 float testAccuracy, long durationMillis) {
        if (testAccuracy < 0f || testAccuracy > 1f) {
            throw new IllegalArgumentException("testAccuracy must be a fraction in [0, 1], got " + testAccuracy);
        }
        TrainingRun run = new TrainingRun();
        run.modelName = modelName;
        run.startedAtMillis = startedAtMillis;
        run.epochs = epochs;
        run.finalLoss = finalLoss;
        run.testAccuracy = testAccuracy;
        run.durationMillis = durationMillis;
        return run;
    }

    /** This run with the settings it trained with and the name of its model file (null if none was saved). */
    public TrainingRun withSettings(LabSettings s, @Nullable String modelFile) {
        optimizer = s.optimizer;
        learningRate = s.learningRate;
        batchSize = s.batchSize;
        plannedEpochs = s.epochs;
        init = s.init.name();
        batchNorm = s.batchNorm;
        dropout = s.dropout;
        weightDecay = s.weightDecay;
        trainImages = s.trainImages;
        dataset = s.data.name();
        this.modelFile = modelFile;
        return this;
    }

    /** What the run trained on (rows from before version 4 trained on the MNIST slice). */
    public LabSettings.Data data() {
        return dataset == null ? LabSettings.Data.MNIST_SLICE : LabSettings.Data.valueOf(dataset);
    }

    /** Whether the settings were recorded (runs saved before version 3 have none). */
    public boolean hasSettings() {
        return optimizer != null && learningRate != null && batchSize != null && plannedEpochs != null
                && init != null && batchNorm != null && dropout != null && weightDecay != null && trainImages != null;
    }
}
