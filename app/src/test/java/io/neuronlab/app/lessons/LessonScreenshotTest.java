package io.neuronlab.app.lessons;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import android.app.Activity;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.view.View;
import androidx.test.core.app.ApplicationProvider;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import java.io.File;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.ParameterizedRobolectricTestRunner;
import org.robolectric.ParameterizedRobolectricTestRunner.Parameters;
import org.robolectric.Robolectric;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.annotation.Config;
import org.robolectric.annotation.GraphicsMode;

/**
 * Renders every lesson, whole (not just the first screen), in English and Simplified Chinese with native
 * graphics to target/screenshots/lesson_&lt;id&gt;_&lt;en|zh&gt;.png for review, and the list in both languages;
 * the list and the lessons with plots, diagrams and pictures also in the dark theme (…_dark.png).
 */
@RunWith(ParameterizedRobolectricTestRunner.class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(qualifiers = "w360dp-h640dp-xhdpi")
public class LessonScreenshotTest {
    private static final int WIDTH = 720;

    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    /** Lessons whose widgets draw (plots, graphs, pictures, diagrams): rendered in the dark theme too. */
    private static final List<String> DARK = List.of("03-activations", "08-backprop", "10-optimizers",
            "14-convolution", "18-architectures");

    private final String lessonId;
    private final LessonLanguage language;
    private final boolean dark;

    public LessonScreenshotTest(String name, String lessonId, LessonLanguage language, boolean dark) {
        this.lessonId = lessonId;
        this.language = language;
        this.dark = dark;
    }

    @Parameters(name = "{0}")
    public static List<Object[]> lessons() {
        List<Object[]> parameters = new ArrayList<>();
        LessonSource source = LessonSource.directory(new File("src/main/assets"));
        for (LessonLanguage language : LessonLanguage.values()) {
            parameters.add(new Object[] {"list_" + language.folder, null, language, false});
            parameters.add(new Object[] {"list_" + language.folder + "_dark", null, language, true});
            for (String id : source.ids(language)) {
                parameters.add(new Object[] {id + "_" + language.folder, id, language, false});
                if (language == LessonLanguage.ENGLISH && DARK.contains(id)) {
                    parameters.add(new Object[] {id + "_" + language.folder + "_dark", id, language, true});
                }
            }
        }
        return parameters;
    }

    /** Counts math spans (formulas[0]) and those whose drawing is ready (formulas[1]) under a view. */
    private static void countFormulas(View view, int[] formulas) {
        if (view instanceof android.view.ViewGroup group) {
            for (int i = 0; i < group.getChildCount(); i++) {
                countFormulas(group.getChildAt(i), formulas);
            }
        } else if (view instanceof android.widget.TextView text && text.getText() instanceof android.text.Spanned spanned) {
            for (io.noties.markwon.image.AsyncDrawableSpan span
                    : spanned.getSpans(0, spanned.length(), io.noties.markwon.image.AsyncDrawableSpan.class)) {
                formulas[0]++;
                if (span.getDrawable().hasResult()) {
                    formulas[1]++;
                }
            }
        }
    }

    @Test
    public void rendersWhole() throws Exception {
        if (language == LessonLanguage.SIMPLIFIED_CHINESE) {
            RuntimeEnvironment.setQualifiers("+zh-rCN");
        }
        if (dark) {
            RuntimeEnvironment.setQualifiers("+night");
        }
        ActivityController<? extends Activity> controller = lessonId == null
                ? Robolectric.buildActivity(LessonsActivity.class).setup()
                : Robolectric.buildActivity(LessonActivity.class,
                        LessonActivity.intent(ApplicationProvider.getApplicationContext(), lessonId)).setup();
        try {
            Activity activity = controller.get();
            assertEquals(language, Languages.current(activity));
            boolean night = (activity.getResources().getConfiguration().uiMode
                    & android.content.res.Configuration.UI_MODE_NIGHT_MASK) == android.content.res.Configuration.UI_MODE_NIGHT_YES;
            assertEquals("dark theme", dark, night);
            org.robolectric.shadows.ShadowLooper.idleMainLooper();
            View content = activity.findViewById(lessonId == null ? R.id.lessons_list : R.id.lesson_content);
            View page = (View) content.getParent() instanceof android.widget.ScrollView ? content
                    : (View) content.getParent();
            page.measure(View.MeasureSpec.makeMeasureSpec(WIDTH, View.MeasureSpec.EXACTLY),
                    View.MeasureSpec.makeMeasureSpec(0, View.MeasureSpec.UNSPECIFIED));
            int height = page.getMeasuredHeight();
            assertTrue("page height " + height, height > 200 && height < 30_000);
            page.layout(0, 0, WIDTH, height);
            Bitmap bitmap = Bitmap.createBitmap(WIDTH, height, Bitmap.Config.ARGB_8888);
            Canvas canvas = new Canvas(bitmap);
            canvas.drawColor(activity.getColor(R.color.surface));
            page.draw(canvas);
            if (lessonId != null) {
                int[] formulas = {0, 0};
                countFormulas(page, formulas);
                assertEquals(lessonId + ": formulas laid out by jlatexmath", formulas[0], formulas[1]);
            }
            File file = new File(System.getProperty("neuronlab.screenshots.dir", "target/screenshots"),
                    "lesson_" + (lessonId == null ? "list" : lessonId) + "_" + language.folder + (dark ? "_dark" : "")
                            + ".png");
            assertTrue(file.getParentFile().isDirectory() || file.getParentFile().mkdirs());
            try (FileOutputStream out = new FileOutputStream(file)) {
                assertTrue(bitmap.compress(Bitmap.CompressFormat.PNG, 100, out));
            }
        } finally {
            controller.pause().stop().destroy();
        }
    }
}
