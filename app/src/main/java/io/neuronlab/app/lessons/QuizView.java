package io.neuronlab.app.lessons;

import android.content.Context;
import android.graphics.Typeface;
import android.util.TypedValue;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.RadioButton;
import android.widget.RadioGroup;
import android.widget.TextView;
import androidx.core.content.ContextCompat;
import io.neuronlab.app.R;
import java.util.List;

/**
 * A lesson's quiz: each question's choices as radio buttons; choosing one locks the question and shows
 * whether it was right and the explanation. When every question is answered, the listener gets the score.
 */
public final class QuizView extends LinearLayout {
    /** Told once every question has an answer. */
    public interface Listener {
        void finished(int correct, int total);
    }

    private final List<Lesson.Question> questions;
    private final TextView score;
    private final int[] answers;
    private Listener listener = (c, t) -> { };

    QuizView(Context context, LessonRenderer renderer, List<Lesson.Question> questions) {
        super(context);
        setOrientation(VERTICAL);
        this.questions = questions;
        answers = new int[questions.size()];
        java.util.Arrays.fill(answers, -1);
        int pad = Math.round(8 * getResources().getDisplayMetrics().density);
        setPadding(0, pad * 2, 0, pad * 2);
        TextView heading = new TextView(context);
        heading.setText(R.string.lesson_quiz);
        heading.setTextSize(TypedValue.COMPLEX_UNIT_SP, 20);
        heading.setTypeface(Typeface.DEFAULT_BOLD);
        heading.setTextColor(ContextCompat.getColor(context, R.color.on_surface));
        addView(heading);
        for (int q = 0; q < questions.size(); q++) {
            addQuestion(context, renderer, q);
        }
        score = new TextView(context);
        score.setId(R.id.lesson_quiz_score);
        score.setTextSize(TypedValue.COMPLEX_UNIT_SP, 16);
        score.setTypeface(Typeface.DEFAULT_BOLD);
        score.setTextColor(ContextCompat.getColor(context, R.color.primary));
        score.setPadding(0, pad, 0, 0);
        addView(score);
    }

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /** Shows the score of an earlier attempt (from the saved progress) until the quiz is taken again. */
    public void showPreviousScore(int correct, int total) {
        if (answered()) {
            return;
        }
        score.setText(getResources().getString(R.string.lesson_quiz_previous, correct, total));
    }

    private void addQuestion(Context context, LessonRenderer renderer, int q) {
        Lesson.Question question = questions.get(q);
        TextView text = renderer.markdown((q + 1) + ". " + question.text());
        text.setTypeface(Typeface.DEFAULT_BOLD);
        text.setPadding(0, Math.round(12 * getResources().getDisplayMetrics().density), 0, 0);
        addView(text);
        RadioGroup group = new RadioGroup(context);
        TextView verdict = new TextView(context);
        verdict.setTextSize(TypedValue.COMPLEX_UNIT_SP, 15);
        verdict.setTypeface(Typeface.DEFAULT_BOLD);
        verdict.setTextColor(ContextCompat.getColor(context, R.color.primary));
        verdict.setVisibility(View.GONE);
        TextView explanation = renderer.markdown(question.explanation());
        explanation.setVisibility(View.GONE);
        for (int c = 0; c < question.choices().size(); c++) {
            RadioButton choice = new RadioButton(context);
            choice.setId(View.generateViewId());
            renderer.setMarkdown(choice, question.choices().get(c));
            choice.setTag("quiz_q" + (q + 1) + "_c" + (c + 1));
            choice.setTextSize(TypedValue.COMPLEX_UNIT_SP, 15);
            choice.setTextColor(ContextCompat.getColor(context, R.color.on_surface));
            int index = c;
            choice.setOnClickListener(v -> answer(q, index, group, verdict, explanation));
            group.addView(choice);
        }
        addView(group);
        addView(verdict);
        addView(explanation);
    }

    /** Whether every question has been answered in this view. */
    public boolean answered() {
        for (int a : answers) {
            if (a < 0) {
                return false;
            }
        }
        return true;
    }

    /** A choice as plain text for the verdict line: math delimiters dropped. */
    private static String plain(String markdown) {
        return markdown.replace("$$", "");
    }

    private void answer(int q, int choice, RadioGroup group, TextView verdict, TextView explanation) {
        if (answers[q] >= 0) {
            return;
        }
        answers[q] = choice;
        for (int i = 0; i < group.getChildCount(); i++) {
            group.getChildAt(i).setEnabled(false);
        }
        Lesson.Question question = questions.get(q);
        boolean right = choice == question.correct();
        verdict.setText(getResources().getString(right ? R.string.lesson_quiz_right : R.string.lesson_quiz_wrong,
                plain(question.choices().get(question.correct()))));
        verdict.setVisibility(View.VISIBLE);
        explanation.setVisibility(View.VISIBLE);
        int correct = 0;
        for (int i = 0; i < answers.length; i++) {
            if (answers[i] < 0) {
                return;
            }
            if (answers[i] == questions.get(i).correct()) {
                correct++;
            }
        }
        score.setText(getResources().getString(R.string.lesson_quiz_score, correct, answers.length));
        listener.finished(correct, answers.length);
    }
}
