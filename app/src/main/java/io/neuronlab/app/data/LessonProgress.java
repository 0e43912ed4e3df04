package io.neuronlab.app.data;

import androidx.annotation.NonNull;
import androidx.room.ColumnInfo;
import androidx.room.Entity;
import androidx.room.PrimaryKey;

/** How far the learner got in one lesson (the same in every language): started, quiz score, where they were. */
@Entity(tableName = "lesson_progress")
public class LessonProgress {
    /** The lesson's file name without ".md", e.g. "04-softmax". */
    @PrimaryKey
    @NonNull
    @ColumnInfo(name = "lesson_id")
    public String lessonId = "";

    /** When the lesson was last opened, ms since the epoch; the list resumes the latest one. */
    @ColumnInfo(name = "opened_at_millis")
    public long openedAtMillis;

    /** Right answers in the latest finished quiz, or -1 before the quiz was finished. */
    @ColumnInfo(name = "quiz_correct")
    public int quizCorrect = -1;

    @ColumnInfo(name = "quiz_total")
    public int quizTotal;

    /** The scroll position (pixels from the top) when the lesson was left. */
    @ColumnInfo(name = "scroll_y")
    public int scrollY;

    public static LessonProgress started(String lessonId, long openedAtMillis) {
        LessonProgress p = new LessonProgress();
        p.lessonId = lessonId;
        p.openedAtMillis = openedAtMillis;
        return p;
    }

    /** A lesson is completed once its quiz has been finished. */
    public boolean completed() {
        return quizCorrect >= 0;
    }
}
