package io.neuronlab.app.draw;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.action.ViewActions.click;
import static androidx.test.espresso.action.ViewActions.scrollTo;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.ViewMatchers.isEnabled;
import static androidx.test.espresso.matcher.ViewMatchers.withContentDescription;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withText;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import android.content.Context;
import android.content.Intent;
import android.os.SystemClock;
import android.view.MotionEvent;
import android.view.View;
import android.widget.GridView;
import android.widget.TextView;

import androidx.lifecycle.Lifecycle;
import androidx.test.core.app.ActivityScenario;
import androidx.test.core.app.ApplicationProvider;
import androidx.test.espresso.UiController;
import androidx.test.espresso.ViewAction;
import androidx.test.ext.junit.runners.AndroidJUnit4;

import io.neuronlab.app.R;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.models.ModelLibrary;
import io.neuronlab.app.models.ModelsActivity;
import io.neuronlab.app.samples.SamplesActivity;
import io.neuronlab.mllib.digits.DigitModel;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.Sequential;
import java.io.File;
import java.io.InputStream;
import org.robolectric.Shadows;

import org.hamcrest.Matcher;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.shadows.ShadowLooper;


/** Espresso on Robolectric with the real shipped model: draw with MotionEvents, read the answer. */
@RunWith(AndroidJUnit4.class)
public class DrawActivityTest {
    /** The app's background work runs inline, so answers are there once the main looper idles. */
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();



    /**
     * Finger strokes in fractions of the canvas: each stroke {x0, y0, x1, y1, ...}. Sent as real MotionEvents
     * (down, a move every 10 ms along the points, up).
     */
    static ViewAction drawStrokes(float[]... strokes) {
        return new ViewAction() {
            @Override
            public Matcher<View> getConstraints() {
                return org.hamcrest.Matchers.any(View.class);
            }

            @Override
            public String getDescription() {
                return "draw " + strokes.length + " strokes";
            }

            @Override
            public void perform(UiController ui, View view) {
                int w = view.getWidth(), h = view.getHeight();
                for (float[] s : strokes) {
                    long down = SystemClock.uptimeMillis();
                    long t = down;
                    send(view, MotionEvent.obtain(down, t, MotionEvent.ACTION_DOWN, s[0] * w, s[1] * h, 0));
                    for (int i = 2; i < s.length; i += 2) {
                        // interpolate: a finger reports every few pixels, not just at the corners
                        float px = s[i - 2] * w, py = s[i - 1] * h, qx = s[i] * w, qy = s[i + 1] * h;
                        int steps = Math.max(1, Math.round((float) Math.hypot(qx - px, qy - py) / 12));
                        for (int k = 1; k <= steps; k++) {
                            t += 10;
                            float f = (float) k / steps;
                            send(view, MotionEvent.obtain(down, t, MotionEvent.ACTION_MOVE, px + f * (qx - px), py + f * (qy - py), 0));
                        }
                    }
                    t += 10;
                    send(view, MotionEvent.obtain(down, t, MotionEvent.ACTION_UP, s[s.length - 2] * w, s[s.length - 1] * h, 0));
                    ui.loopMainThreadUntilIdle();
                }
            }

            private void send(View view, MotionEvent e) {
                view.dispatchTouchEvent(e);
                e.recycle();
            }
        };
    }

    static final float[] ONE = {0.52f, 0.2f, 0.5f, 0.8f};
    static final float[] SEVEN = {0.3f, 0.22f, 0.7f, 0.22f, 0.45f, 0.8f};

    @Test
    public void drawingASevenShowsAPrediction() {
        try (ActivityScenario<DrawActivity> s = ActivityScenario.launch(DrawActivity.class)) {
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_label_right)).check(matches(not(isEnabled())));
            onView(withId(R.id.draw_canvas)).perform(drawStrokes(SEVEN));
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_result_digit)).check(matches(withText("7")));
            s.onActivity(a -> {
                float[] p = ((ProbabilityBarsView) a.findViewById(R.id.draw_probabilities)).probabilities();
                assertNotNull(p);
                float sum = 0;
                for (float v : p) sum += v;
                assertEquals(1f, sum, 1e-3f);
            });
            onView(withId(R.id.draw_label_right)).check(matches(isEnabled()));
        }
    }

    @Test
    public void rotationKeepsTheDrawingTheAnswerAndTheFeatureMaps() {
        try (ActivityScenario<DrawActivity> s = ActivityScenario.launch(DrawActivity.class)) {
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_canvas)).perform(drawStrokes(SEVEN));
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_network_input)).perform(scrollTo(), click());
            ShadowLooper.idleMainLooper();
            int[] strokes = new int[1];
            s.onActivity(a -> strokes[0] = ((DrawingView) a.findViewById(R.id.draw_canvas)).strokes().size());
            s.recreate(); // what a rotation does to the Activity
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_result_digit)).check(matches(withText("7")));
            s.onActivity(a -> {
                DrawingView canvas = a.findViewById(R.id.draw_canvas);
                assertEquals(strokes[0], canvas.strokes().size());
                assertTrue(((MnistInputView) a.findViewById(R.id.draw_network_input)).hasInput());
                assertEquals(View.VISIBLE, a.findViewById(R.id.draw_feature_maps).getVisibility());
                assertTrue(a.findViewById(R.id.draw_label_right).isEnabled());
            });
            // and the kept drawing still edits: undo empties it
            onView(withId(R.id.draw_undo)).perform(scrollTo(), click());
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_result_status)).check(matches(withText(R.string.draw_prompt)));
        }
    }

    @Test
    public void thatsWrongAsksForTheRightDigitAndStoresItWithWhatTheNetworkSaid() {
        try (ActivityScenario<DrawActivity> s = ActivityScenario.launch(DrawActivity.class)) {
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_canvas)).perform(drawStrokes(SEVEN));
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_label_wrong)).perform(scrollTo(), click());
            ShadowLooper.idleMainLooper();
            // the dialog lists the ten digits; the user picks 1
            androidx.appcompat.app.AlertDialog dialog =
                (androidx.appcompat.app.AlertDialog) org.robolectric.shadows.ShadowDialog.getLatestDialog();
            assertNotNull("a dialog asks which digit it was", dialog);
            assertEquals(10, dialog.getListView().getAdapter().getCount());
            dialog.getListView().performItemClick(dialog.getListView().getChildAt(1), 1, 1);
            ShadowLooper.idleMainLooper();
        }
        java.util.List<io.neuronlab.app.samples.DigitSampleEntity> stored = database.samples().samples().all();
        assertEquals(1, stored.size());
        assertEquals(1, stored.get(0).label);
        assertEquals("what the network said is kept beside the right answer", 7, stored.get(0).predicted);
    }

    @Test
    public void twoDigitsSideBySideReadAsANumber() {
        float[] leftOne = {0.27f, 0.25f, 0.25f, 0.75f};
        float[] rightSeven = {0.55f, 0.27f, 0.85f, 0.27f, 0.65f, 0.75f};
        try (ActivityScenario<DrawActivity> s = ActivityScenario.launch(DrawActivity.class)) {
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_canvas)).perform(drawStrokes(rightSeven, leftOne));
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_result_digit)).check(matches(withText("17")));
        }
    }

    @Test
    public void clearAndUndoGoBackToTheEmptyCanvas() {
        try (ActivityScenario<DrawActivity> s = ActivityScenario.launch(DrawActivity.class)) {
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_canvas)).perform(drawStrokes(ONE));
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_result_digit)).check(matches(withText("1")));
            onView(withId(R.id.draw_clear)).perform(scrollTo(), click());
            onView(withId(R.id.draw_result_digit)).check(matches(withText("")));
            onView(withId(R.id.draw_result_status)).check(matches(withText(R.string.draw_prompt)));
            s.onActivity(a -> assertTrue(((DrawingView) a.findViewById(R.id.draw_canvas)).isEmpty()));
            onView(withId(R.id.draw_canvas)).perform(drawStrokes(ONE));
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_undo)).perform(scrollTo(), click());
            onView(withId(R.id.draw_result_digit)).check(matches(withText("")));
        }
    }

    @Test
    public void tappingTheNetworkInputShowsFeatureMaps() {
        try (ActivityScenario<DrawActivity> s = ActivityScenario.launch(DrawActivity.class)) {
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_canvas)).perform(drawStrokes(SEVEN));
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_network_input)).perform(scrollTo(), click());
            s.onActivity(a -> {
                View maps = a.findViewById(R.id.draw_feature_maps);
                assertEquals(View.VISIBLE, maps.getVisibility());
            });
        }
    }

    @Test
    public void aLabelledDrawingAppearsInTheGallery() {
        try (ActivityScenario<DrawActivity> s = ActivityScenario.launch(DrawActivity.class)) {
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_canvas)).perform(drawStrokes(SEVEN));
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_label_right)).perform(scrollTo(), click());
            ShadowLooper.idleMainLooper();
        }
        try (ActivityScenario<SamplesActivity> g = ActivityScenario.launch(SamplesActivity.class)) {
            ShadowLooper.idleMainLooper();
            g.onActivity(a -> {
                GridView grid = a.findViewById(R.id.samples_grid);
                assertEquals(1, grid.getAdapter().getCount());
                assertEquals(a.getString(R.string.samples_label, 7), text(a, grid));
            });
        }
    }

    private static String text(SamplesActivity a, GridView grid) {
        View cell = grid.getAdapter().getView(0, null, grid);
        return ((TextView) ((android.widget.LinearLayout) cell).getChildAt(1)).getText().toString();
    }

    /**
     * Draw names the model it reads with and opens My models from that name; a model chosen meanwhile (here one
     * whose last layer always favours 3) is loaded when the screen shows again, and the drawing is read again.
     */
    @Test
    public void theModelInUseIsNamedOpensMyModelsAndAChangeReadsTheDrawingAgain() throws Exception {
        Context context = ApplicationProvider.getApplicationContext();
        try (ActivityScenario<DrawActivity> s = ActivityScenario.launch(DrawActivity.class)) {
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_model)).check(matches(withText("Model: Built-in digit model ›")));
            onView(withId(R.id.draw_canvas)).perform(drawStrokes(SEVEN));
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_result_digit)).check(matches(withText("7")));
            onView(withId(R.id.draw_model)).perform(scrollTo(), click());
            s.onActivity(a -> {
                Intent opened = Shadows.shadowOf(a).getNextStartedActivity();
                assertEquals(ModelsActivity.class.getName(), opened.getComponent().getClassName());
            });

            Sequential threes;
            try (InputStream in = context.getAssets().open(DigitNetwork.ASSET)) {
                threes = DigitModel.load(in, DigitNetwork.ASSET);
            }
            Linear last = null;
            for (Layer l : threes.layers()) {
                if (l instanceof Linear linear) last = linear;
            }
            last.bias().data()[3] += 1000f;
            ModelLibrary library = new ModelLibrary(DigitNetwork.modelsDir(context));
            assertTrue(library.dir().mkdirs() || library.dir().isDirectory());
            new ModelSerializer().save(threes, new TrainingMetadata("test", 0, Float.NaN, 1, "fine-tune dense layers",
                    null), new File(library.dir(), "personal-1.nlmf"));
            library.setActive("personal-1.nlmf");

            s.moveToState(Lifecycle.State.STARTED); // away to My models and back
            s.moveToState(Lifecycle.State.RESUMED);
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_model)).check(matches(withText("Model: Your personal model ›")));
            onView(withId(R.id.draw_model)).check(matches(withContentDescription(
                    "Model in use: Your personal model. Opens My models to choose another.")));
            onView(withId(R.id.draw_result_digit)).check(matches(withText("3")));
            s.recreate();
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_model)).check(matches(withText("Model: Your personal model ›")));
            onView(withId(R.id.draw_result_digit)).check(matches(withText("3")));
        }
    }
}
