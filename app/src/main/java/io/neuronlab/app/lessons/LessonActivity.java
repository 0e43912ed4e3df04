package io.neuronlab.app.lessons;

import android.content.Context;
import android.content.Intent;
import android.os.Bundle;
import android.widget.LinearLayout;
import android.widget.ScrollView;
import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.ViewModels;

/** Shows one lesson (text, math, live widgets, quiz) in the app's language; resumes at the saved position. */
public class LessonActivity extends FeatureActivity {
    public static final String EXTRA_LESSON_ID = "io.neuronlab.app.lessons.LESSON_ID";

    private LessonViewModel model;
    private boolean restored;

    public LessonActivity() {
        super(R.layout.activity_lesson, R.string.lessons_title);
    }

    public static Intent intent(Context context, String lessonId) {
        return new Intent(context, LessonActivity.class).putExtra(EXTRA_LESSON_ID, lessonId);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        String id = getIntent().getStringExtra(EXTRA_LESSON_ID);
        if (id == null) {
            throw new IllegalArgumentException("LessonActivity needs " + EXTRA_LESSON_ID);
        }
        NeuronLabApp app = NeuronLabApp.of(this);
        model = ViewModels.get(this, LessonViewModel.class, () -> new LessonViewModel(
                LessonSource.assets(getAssets()), app.database().lessonProgress(), app.background(), id,
                System::currentTimeMillis));
        Lesson lesson = model.lesson(Languages.current(this));
        setTitle(getString(R.string.lesson_title, lesson.number(), lesson.title()));
        QuizView quiz = new LessonRenderer(this, app.background()).render(lesson, findViewById(R.id.lesson_content));
        quiz.setListener(model::quizFinished);
        ScrollView scroll = findViewById(R.id.lesson_scroll);
        model.progress().observe(this, p -> {
            if (p.completed()) {
                quiz.showPreviousScore(p.quizCorrect, p.quizTotal);
            }
            if (!restored && savedInstanceState == null && p.scrollY > 0) {
                scroll.post(() -> scroll.scrollTo(0, p.scrollY));
            }
            restored = true;
        });
    }

    @Override
    protected void onPause() {
        super.onPause();
        model.left(((ScrollView) findViewById(R.id.lesson_scroll)).getScrollY());
    }

    /** The lesson's content column (for tests). */
    LinearLayout content() {
        return findViewById(R.id.lesson_content);
    }
}
