package io.neuronlab.app.lessons;

import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import androidx.lifecycle.ViewModel;
import io.neuronlab.app.data.LessonProgress;
import io.neuronlab.app.data.LessonProgressDao;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** The lesson list: every lesson in the screen's language and the learner's progress per lesson id. */
public final class LessonsViewModel extends ViewModel {
    /** Progress by lesson id, and the id of the lesson opened last (null if none). */
    public record Progress(Map<String, LessonProgress> byId, String latestId) {
    }

    private final LessonSource source;
    private final LessonProgressDao dao;
    private final Executor background;
    private final MutableLiveData<Progress> progress = new MutableLiveData<>();
    private List<Lesson> lessons;
    private LessonLanguage language;

    public LessonsViewModel(LessonSource source, LessonProgressDao dao, Executor background) {
        this.source = source;
        this.dao = dao;
        this.background = background;
    }

    public List<Lesson> lessons(LessonLanguage language) {
        if (lessons == null || this.language != language) {
            lessons = source.all(language);
            this.language = language;
        }
        return lessons;
    }

    public LiveData<Progress> progress() {
        return progress;
    }

    /** Reads the progress again (the list comes back into view after a lesson). */
    public void refresh() {
        background.execute(() -> {
            Map<String, LessonProgress> byId = new HashMap<>();
            for (LessonProgress p : dao.all()) {
                byId.put(p.lessonId, p);
            }
            LessonProgress latest = dao.latest();
            progress.postValue(new Progress(byId, latest == null ? null : latest.lessonId));
        });
    }
}
