package io.neuronlab.app.lessons;

import android.content.Context;
import android.util.TypedValue;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import androidx.core.content.ContextCompat;
import io.noties.markwon.Markwon;
import io.noties.markwon.ext.latex.JLatexMathPlugin;
import io.noties.markwon.inlineparser.MarkwonInlineParserPlugin;
import ru.noties.jlatexmath.JLatexMathAndroid;
import io.neuronlab.app.R;
import io.neuronlab.app.lessons.widgets.Widgets;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one lesson renderer: Markdown text (with $$…$$ math, block and inline) through Markwon and its LaTeX
 * plugin, widgets from the {@link Widgets} registry where the file places them, then the quiz.
 */
public final class LessonRenderer {
    private static final float BODY_SP = 16;

    private final Context context;
    private final Markwon markwon;

    /** {@code mathExecutor} lays out formulas off the main thread (tests pass one that runs inline). */
    public LessonRenderer(Context context, Executor mathExecutor) {
        this.context = context;
        // jlatexmath reads its fonts through this context; its init provider does the same on a phone, but
        // Robolectric does not start providers
        JLatexMathAndroid.init(context.getApplicationContext());
        float textPx = TypedValue.applyDimension(TypedValue.COMPLEX_UNIT_SP, BODY_SP,
                context.getResources().getDisplayMetrics());
        int color = ContextCompat.getColor(context, R.color.on_surface);
        markwon = Markwon.builder(context)
                .usePlugin(MarkwonInlineParserPlugin.create())
                .usePlugin(JLatexMathPlugin.create(textPx, builder -> {
                    builder.inlinesEnabled(true);
                    builder.executorService(asService(mathExecutor));
                    builder.theme().textColor(color);
                }))
                .build();
    }

    /** Fills {@code into} (a vertical LinearLayout) with the lesson; returns the quiz view. */
    public QuizView render(Lesson lesson, LinearLayout into) {
        into.removeAllViews();
        for (Lesson.Block block : lesson.blocks()) {
            if (block instanceof Lesson.Text text) {
                into.addView(markdown(text.markdown()));
            } else if (block instanceof Lesson.Widget widget) {
                View view = Widgets.get(widget.name()).create(context);
                view.setTag(R.id.lesson_widget_name, widget.name());
                into.addView(view);
            }
        }
        QuizView quiz = new QuizView(context, this, lesson.quiz());
        into.addView(quiz);
        return quiz;
    }

    /** A TextView showing Markdown, in the body style. */
    public TextView markdown(String markdown) {
        TextView view = new TextView(context);
        view.setTextSize(TypedValue.COMPLEX_UNIT_SP, BODY_SP);
        view.setTextColor(ContextCompat.getColor(context, R.color.on_surface));
        view.setLineSpacing(0, 1.15f);
        markwon.setMarkdown(view, markdown);
        return view;
    }

    /** Sets Markdown (with math) as the text of any TextView, e.g. a quiz choice. */
    public void setMarkdown(TextView view, String markdown) {
        markwon.setMarkdown(view, markdown);
    }

    /** Markwon wants an ExecutorService; this one hands every task to the given executor. */
    private static ExecutorService asService(Executor executor) {
        return new AbstractExecutorService() {
            @Override
            public void execute(Runnable command) {
                executor.execute(command);
            }

            @Override
            public void shutdown() {
            }

            @Override
            public List<Runnable> shutdownNow() {
                return java.util.Collections.emptyList();
            }

            @Override
            public boolean isShutdown() {
                return false;
            }

            @Override
            public boolean isTerminated() {
                return false;
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) {
                return false;
            }
        };
    }
}
