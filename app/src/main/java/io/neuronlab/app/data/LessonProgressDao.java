package io.neuronlab.app.data;

import androidx.room.Dao;
import androidx.room.Insert;
import androidx.room.OnConflictStrategy;
import androidx.room.Query;
import java.util.List;

/** Reads and writes {@link LessonProgress}. Call from a background thread. */
@Dao
public interface LessonProgressDao {
    @Insert(onConflict = OnConflictStrategy.REPLACE)
    void save(LessonProgress progress);

    @Query("SELECT * FROM lesson_progress WHERE lesson_id = :lessonId")
    LessonProgress byId(String lessonId);

    @Query("SELECT * FROM lesson_progress")
    List<LessonProgress> all();

    /** The lesson opened most recently, or null. */
    @Query("SELECT * FROM lesson_progress ORDER BY opened_at_millis DESC LIMIT 1")
    LessonProgress latest();
}
