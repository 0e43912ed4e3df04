package io.neuronlab.app.data;

import androidx.room.Dao;
import androidx.room.Insert;
import androidx.room.Query;
import java.util.List;

/** Reads and writes {@link TrainingRun}s. Call from a background thread. */
@Dao
public interface TrainingRunDao {
    /** @return the new run's id */
    @Insert
    long insert(TrainingRun run);

    /** The most recent runs first. */
    @Query("SELECT * FROM training_run ORDER BY started_at_millis DESC LIMIT :limit")
    List<TrainingRun> latest(int limit);

    @Query("SELECT * FROM training_run WHERE id = :id")
    TrainingRun byId(long id);

    @Query("SELECT COUNT(*) FROM training_run")
    int count();

    @Query("SELECT MAX(test_accuracy) FROM training_run WHERE model_name = :modelName")
    Float bestAccuracy(String modelName);

    @Query("DELETE FROM training_run")
    void deleteAll();
}
