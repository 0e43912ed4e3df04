package io.neuronlab.app.lessons;

import android.graphics.Typeface;
import android.os.Bundle;
import android.util.TypedValue;
import android.view.View;
import android.widget.Button;
import android.widget.LinearLayout;
import android.widget.TextView;
import androidx.appcompat.app.AlertDialog;
import androidx.core.content.ContextCompat;
import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.ViewModels;
import io.neuronlab.app.data.LessonProgress;
import java.util.Arrays;
import java.util.List;

/** The lesson list with each lesson's progress, a "continue" shortcut and the language switch. */
public class LessonsActivity extends FeatureActivity {
    private LessonsViewModel model;
    private List<Lesson> lessons;

    public LessonsActivity() {
        super(R.layout.activity_lessons, R.string.lessons_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        NeuronLabApp app = NeuronLabApp.of(this);
        model = ViewModels.get(this, LessonsViewModel.class, () -> new LessonsViewModel(
                LessonSource.assets(getAssets()), app.database().lessonProgress(), app.background()));
        lessons = model.lessons(Languages.current(this));
        Button language = findViewById(R.id.lessons_language);
        language.setOnClickListener(v -> chooseLanguage());
        model.progress().observe(this, this::show);
        show(null);
    }

    @Override
    protected void onResume() {
        super.onResume();
        model.refresh();
    }

    private void chooseLanguage() {
        String[] names = {getString(R.string.lessons_language_system), "English", "简体中文"};
        int checked = Math.max(0, Arrays.asList(Languages.TAGS).indexOf(Languages.chosen(this)));
        new AlertDialog.Builder(this)
                .setTitle(R.string.lessons_language)
                .setSingleChoiceItems(names, checked, (dialog, which) -> {
                    dialog.dismiss();
                    Languages.choose(this, Languages.TAGS[which]);
                })
                .show();
    }

    private void show(LessonsViewModel.Progress progress) {
        LinearLayout list = findViewById(R.id.lessons_list);
        list.removeAllViews();
        Button resume = findViewById(R.id.lessons_continue);
        resume.setVisibility(View.GONE);
        for (Lesson lesson : lessons) {
            LessonProgress p = progress == null ? null : progress.byId().get(lesson.id());
            list.addView(row(lesson, p));
            if (progress != null && lesson.id().equals(progress.latestId())) {
                resume.setText(getString(R.string.lessons_continue, lesson.number(), lesson.title()));
                resume.setVisibility(View.VISIBLE);
                resume.setOnClickListener(v -> open(lesson));
            }
        }
    }

    private View row(Lesson lesson, LessonProgress p) {
        LinearLayout row = new LinearLayout(this);
        row.setOrientation(LinearLayout.VERTICAL);
        int pad = Math.round(10 * getResources().getDisplayMetrics().density);
        row.setPadding(0, pad, 0, pad);
        TypedValue ripple = new TypedValue();
        getTheme().resolveAttribute(android.R.attr.selectableItemBackground, ripple, true);
        row.setBackgroundResource(ripple.resourceId);
        row.setClickable(true);
        row.setFocusable(true);
        row.setTag("lesson_" + lesson.id());
        TextView title = new TextView(this);
        title.setText(getString(R.string.lesson_title, lesson.number(), lesson.title()));
        title.setTextSize(TypedValue.COMPLEX_UNIT_SP, 17);
        title.setTypeface(Typeface.DEFAULT_BOLD);
        title.setTextColor(ContextCompat.getColor(this, R.color.on_surface));
        TextView status = new TextView(this);
        status.setTextSize(TypedValue.COMPLEX_UNIT_SP, 14);
        status.setTextColor(ContextCompat.getColor(this, R.color.on_surface_variant));
        status.setText(status(p));
        row.addView(title);
        row.addView(status);
        row.setContentDescription(title.getText() + ". " + status.getText());
        row.setOnClickListener(v -> open(lesson));
        return row;
    }

    private String status(LessonProgress p) {
        if (p == null) {
            return getString(R.string.lessons_not_started);
        }
        if (p.completed()) {
            return getString(R.string.lessons_completed, p.quizCorrect, p.quizTotal);
        }
        return getString(R.string.lessons_started);
    }

    private void open(Lesson lesson) {
        startActivity(LessonActivity.intent(this, lesson.id()));
    }
}
