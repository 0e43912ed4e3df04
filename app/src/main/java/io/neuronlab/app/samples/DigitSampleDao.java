package io.neuronlab.app.samples;

import androidx.room.Dao;
import androidx.room.Insert;
import androidx.room.Query;

import java.util.List;

@Dao
public interface DigitSampleDao {
    @Insert
    long insert(DigitSampleEntity sample);

    @Insert
    void insertAll(List<DigitSampleEntity> samples);

    @Query("SELECT * FROM digit_sample ORDER BY createdAtMillis DESC, id DESC")
    List<DigitSampleEntity> all();

    @Query("SELECT COUNT(*) FROM digit_sample")
    int count();

    @Query("DELETE FROM digit_sample WHERE id = :id")
    int delete(long id);
}
