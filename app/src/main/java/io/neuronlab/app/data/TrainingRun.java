package io.neuronlab.app.data;

import androidx.annotation.NonNull;
import androidx.room.ColumnInfo;
import androidx.room.Entity;
import androidx.room.Index;
import androidx.room.PrimaryKey;

/** One finished training run, kept so the Train screen can show the history. */
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
}
