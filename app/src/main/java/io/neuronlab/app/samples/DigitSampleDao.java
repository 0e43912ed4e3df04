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

    /** Every sample's label (the lab counts them per digit without loading the pixels). */
    @Query("SELECT label FROM digit_sample")
    List<Integer> labels();

    @Query("SELECT COUNT(*) FROM digit_sample")
    int count();

    @Query("DELETE FROM digit_sample WHERE id = :id")
    int delete(long id);
}
