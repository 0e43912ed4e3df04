package io.neuronlab.app.lessons;

import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import androidx.lifecycle.ViewModel;
import io.neuronlab.app.data.LessonProgress;
import io.neuronlab.app.data.LessonProgressDao;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * One open lesson: its text in the screen's language and the learner's progress, which it records (opened,
 * scroll position on leaving, quiz score) on the background executor.
 */
public final class LessonViewModel extends ViewModel {
    private final LessonSource source;
    private final LessonProgressDao dao;
    private final Executor background;
    private final String lessonId;
    private final LongSupplier clock;
    private final MutableLiveData<LessonProgress> progress = new MutableLiveData<>();
    private Lesson lesson;
    private LessonLanguage language;

    public LessonViewModel(LessonSource source, LessonProgressDao dao, Executor background, String lessonId,
                           LongSupplier clock) {
        this.source = source;
        this.dao = dao;
        this.background = background;
        this.lessonId = lessonId;
        this.clock = clock;
        background.execute(() -> {
            LessonProgress p = dao.byId(lessonId);
            if (p == null) {
                p = LessonProgress.started(lessonId, clock.getAsLong());
            }
            p.openedAtMillis = clock.getAsLong();
            dao.save(p);
            progress.postValue(p);
        });
    }

    /** The lesson in {@code language} (read again only when the language changed). */
    public Lesson lesson(LessonLanguage language) {
        if (lesson == null || this.language != language) {
            lesson = source.lesson(language, lessonId);
            this.language = language;
        }
        return lesson;
    }

    /** The saved progress, posted when read on opening and after every change. */
    public LiveData<LessonProgress> progress() {
        return progress;
    }

    /** Remembers where the learner was, to resume there. */
    public void left(int scrollY) {
        background.execute(() -> {
            LessonProgress p = current();
            p.scrollY = scrollY;
            dao.save(p);
            progress.postValue(p);
        });
    }

    public void quizFinished(int correct, int total) {
        background.execute(() -> {
            LessonProgress p = current();
            p.quizCorrect = correct;
            p.quizTotal = total;
            dao.save(p);
            progress.postValue(p);
        });
    }

    private LessonProgress current() {
        LessonProgress p = dao.byId(lessonId);
        return p != null ? p : LessonProgress.started(lessonId, clock.getAsLong());
    }
}
