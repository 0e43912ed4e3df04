package io.neuronlab.app.lessons;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.action.ViewActions.click;
import static androidx.test.espresso.action.ViewActions.scrollTo;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.RootMatchers.isDialog;
import static androidx.test.espresso.matcher.ViewMatchers.hasDescendant;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withTagValue;
import static androidx.test.espresso.matcher.ViewMatchers.withText;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import android.app.Activity;
import android.content.Intent;
import android.graphics.Bitmap;
import android.net.Uri;
import android.os.SystemClock;
import android.view.MotionEvent;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import androidx.test.core.app.ActivityScenario;
import androidx.test.core.app.ApplicationProvider;
import androidx.test.espresso.UiController;
import androidx.test.espresso.ViewAction;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import io.neuronlab.app.draw.DigitNetwork;
import io.neuronlab.app.draw.DrawingView;
import io.neuronlab.app.lessons.widgets.CnnLayersDemo;
import io.neuronlab.app.lessons.widgets.CnnLayersWidget;
import io.neuronlab.app.lessons.widgets.ConvolutionDemo;
import io.neuronlab.app.lessons.widgets.ConvolutionWidget;
import io.neuronlab.app.lessons.widgets.WidgetComputationsTest;
import io.neuronlab.mllib.digits.DigitModel;
import io.neuronlab.mllib.digits.FeatureMaps;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.MnistPreprocessor;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.util.List;
import org.hamcrest.Matcher;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Shadows;
import org.robolectric.annotation.GraphicsMode;
import org.robolectric.shadows.ShadowLooper;

/**
 * Lessons 14 and 17 on the learner's own picture (the drawing pad, a photo), the in-app language switch, and
 * integer sliders — Espresso on Robolectric, with the app's background work inline.
 */
@RunWith(AndroidJUnit4.class)
public class VisionLessonsTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    /** A stroke like a "1" with a foot, in fractions of the pad. */
    private static final float[] STROKE = {0.45f, 0.15f, 0.55f, 0.85f, 0.75f, 0.85f};

    @After
    public void followTheSystemAgain() {
        Languages.choose(ApplicationProvider.getApplicationContext(), "");
    }

    private static Intent lesson(String id) {
        return LessonActivity.intent(ApplicationProvider.getApplicationContext(), id);
    }

    /** A finger stroke through the points (fractions of the view), as real MotionEvents. */
    static ViewAction drawStroke(float[] points) {
        return new ViewAction() {
            @Override
            public Matcher<View> getConstraints() {
                return org.hamcrest.Matchers.any(View.class);
            }

            @Override
            public String getDescription() {
                return "draw a stroke";
            }

            @Override
            public void perform(UiController ui, View view) {
                int w = view.getWidth();
                int h = view.getHeight();
                long down = SystemClock.uptimeMillis();
                long t = down;
                send(view, MotionEvent.obtain(down, t, MotionEvent.ACTION_DOWN, points[0] * w, points[1] * h, 0));
                for (int i = 2; i < points.length; i += 2) {
                    for (int k = 1; k <= 8; k++) {
                        float f = k / 8f;
                        t += 10;
                        send(view, MotionEvent.obtain(down, t, MotionEvent.ACTION_MOVE,
                                (points[i - 2] + f * (points[i] - points[i - 2])) * w,
                                (points[i - 1] + f * (points[i + 1] - points[i - 1])) * h, 0));
                    }
                }
                t += 10;
                send(view, MotionEvent.obtain(down, t, MotionEvent.ACTION_UP, points[points.length - 2] * w,
                        points[points.length - 1] * h, 0));
                ui.loopMainThreadUntilIdle();
            }

            private void send(View view, MotionEvent e) {
                view.dispatchTouchEvent(e);
                e.recycle();
            }
        };
    }

    private static <T> T state(Activity activity, String widget, Class<T> type) {
        LinearLayout content = activity.findViewById(R.id.lesson_content);
        for (int i = 0; i < content.getChildCount(); i++) {
            View child = content.getChildAt(i);
            if (widget.equals(child.getTag(R.id.lesson_widget_name))) {
                return type.cast(child.getTag(R.id.lesson_widget_state));
            }
        }
        throw new AssertionError("no widget " + widget);
    }

    @Test
    public void aStrokeOnThePadIsWhatLesson14sKernelConvolves() {
        try (ActivityScenario<LessonActivity> scenario = ActivityScenario.launch(lesson("14-convolution"))) {
            scenario.onActivity(a -> {
                ConvolutionWidget.State s = state(a, "conv2d", ConvolutionWidget.State.class);
                assertArrayEquals("the 7 first", ConvolutionDemo.seven().pixels(), s.input().pixels(), 0f);
            });
            onView(withTagValue(is("conv2d_5"))).perform(scrollTo(), click()); // all edges
            onView(withTagValue(is("conv2d_pad"))).perform(scrollTo(), drawStroke(STROKE));
            ShadowLooper.idleMainLooper();
            onView(withTagValue(is("conv2d_pad_status"))).check(matches(withText("Your drawing, as 28×28 pixels")));
            scenario.onActivity(a -> {
                ConvolutionWidget.State s = state(a, "conv2d", ConvolutionWidget.State.class);
                DrawingView pad = a.findViewById(R.id.lesson_content).findViewWithTag("conv2d_pad");
                assertFalse(pad.isEmpty());
                GrayImage drawn = new MnistPreprocessor().process(pad.toInkImage());
                assertArrayEquals("the input is the drawing", drawn.pixels(), s.input().pixels(), 0f);
                assertFalse("not the 7 any more", java.util.Arrays.equals(ConvolutionDemo.seven().pixels(),
                        s.input().pixels()));
                assertEquals(5, s.kernel());
                assertArrayEquals("mllib's Conv2d output is the written-out convolution of the drawing",
                        WidgetComputationsTest.naiveConvolution(drawn, ConvolutionDemo.KERNELS[5]),
                        s.output().data(), 1e-5f);
                assertTrue(a.findViewById(R.id.lesson_content).findViewWithTag("conv2d_image")
                        .getContentDescription().toString().contains("all edges"));
            });
            // another kernel on the same drawing
            onView(withTagValue(is("conv2d_1"))).perform(scrollTo(), click());
            scenario.onActivity(a -> {
                ConvolutionWidget.State s = state(a, "conv2d", ConvolutionWidget.State.class);
                assertArrayEquals(WidgetComputationsTest.naiveConvolution(s.input(), ConvolutionDemo.KERNELS[1]),
                        s.output().data(), 1e-5f);
            });
            onView(withTagValue(is("conv2d_restart"))).perform(scrollTo(), click());
            scenario.onActivity(a -> assertArrayEquals(ConvolutionDemo.seven().pixels(),
                    state(a, "conv2d", ConvolutionWidget.State.class).input().pixels(), 0f));
        }
    }

    /** A photo of a "1" (a dark bar) on paper lit unevenly: brighter on the left, dimmer on the right. */
    private static Bitmap photoOfAOne(boolean withInk) {
        Bitmap photo = Bitmap.createBitmap(200, 300, Bitmap.Config.ARGB_8888);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 200; x++) {
                boolean ink = withInk && x >= 85 && x < 115 && y >= 60 && y < 240;
                int v = ink ? 40 : Math.round(235 - 50f * x / 199);
                photo.setPixel(x, y, 0xff000000 | v << 16 | v << 8 | v);
            }
        }
        return photo;
    }

    private static Uri register(String name, Bitmap photo) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        assertTrue(photo.compress(Bitmap.CompressFormat.PNG, 100, png));
        Uri uri = Uri.parse("content://io.neuronlab.test/" + name);
        Shadows.shadowOf(ApplicationProvider.getApplicationContext().getContentResolver())
                .registerInputStreamSupplier(uri, () -> new ByteArrayInputStream(png.toByteArray()));
        return uri;
    }

    private static void pick(ActivityScenario<LessonActivity> scenario, Uri uri) {
        onView(withTagValue(is("conv2d_photo"))).perform(scrollTo(), click());
        scenario.onActivity(a -> {
            org.robolectric.shadows.ShadowActivity shadow = Shadows.shadowOf(a);
            org.robolectric.shadows.ShadowActivity.IntentForResult picker = shadow.getNextStartedActivityForResult();
            assertNotNull("the document picker was opened", picker);
            assertEquals(Intent.ACTION_OPEN_DOCUMENT, picker.intent.getAction());
            shadow.receiveResult(picker.intent, Activity.RESULT_OK, new Intent().setData(uri));
        });
        ShadowLooper.idleMainLooper();
    }

    /**
     * A picked photo is read off the UI thread and cleaned up as the Camera screen does it (PhotoBinarizer: the
     * uneven light removed, dark ink = 1 on 0), then made 28×28 like a drawing, and convolved: the kernels act on
     * the digit — the same picture as the ink drawn exactly where the bar is — not on the paper's shading.
     */
    @Test
    @GraphicsMode(GraphicsMode.Mode.NATIVE)
    public void aPickedPhotoIsBinarisedLikeTheCameraThenConvolved() throws Exception {
        GrayImage truth = new GrayImage(200, 300);
        for (int y = 60; y < 240; y++) {
            for (int x = 85; x < 115; x++) {
                truth.set(x, y, 1f);
            }
        }
        GrayImage expected = new MnistPreprocessor().process(truth);
        try (ActivityScenario<LessonActivity> scenario = ActivityScenario.launch(lesson("14-convolution"))) {
            pick(scenario, register("one.png", photoOfAOne(true)));
            onView(withTagValue(is("conv2d_pad_status")))
                    .check(matches(withText("Your photo, cleaned up as the Camera screen does it, as 28×28 pixels")));
            scenario.onActivity(a -> {
                ConvolutionWidget.State s = state(a, "conv2d", ConvolutionWidget.State.class);
                GrayImage in = s.input();
                assertEquals(28, in.width());
                assertEquals(28, in.height());
                assertArrayEquals(expected.pixels(), in.pixels(), 1e-4f);
                assertEquals("ink is bright, as in MNIST", 1f, in.get(14, 14), 0.05f);
                assertEquals("the paper is blank, its shading gone", 0f, in.get(2, 14), 0f);
                assertEquals(0f, in.get(25, 14), 0f);
                assertArrayEquals(WidgetComputationsTest.naiveConvolution(in, ConvolutionDemo.KERNELS[s.kernel()]),
                        s.output().data(), 1e-5f);
            });
            // a photo of blank paper (the same shading, no ink): said so, the picture stays
            pick(scenario, register("blank.png", photoOfAOne(false)));
            onView(withTagValue(is("conv2d_pad_status"))).check(matches(withText(
                    "No digit stands out from the paper in that photo: try one with darker ink or more even light")));
            scenario.onActivity(a -> assertArrayEquals(expected.pixels(),
                    state(a, "conv2d", ConvolutionWidget.State.class).input().pixels(), 1e-4f));
        }
    }

    @Test
    public void lesson17ShowsTheDigitNetworksLayersForTheDrawing() throws Exception {
        Sequential model;
        try (InputStream in = ApplicationProvider.getApplicationContext().getAssets().open(DigitNetwork.ASSET)) {
            model = DigitModel.load(in, DigitNetwork.ASSET);
        }
        try (ActivityScenario<LessonActivity> scenario = ActivityScenario.launch(lesson("17-cnn"))) {
            ShadowLooper.idleMainLooper();
            scenario.onActivity(a -> {
                CnnLayersWidget.State s = state(a, "cnn_layers", CnnLayersWidget.State.class);
                assertNotNull("the 7's layers are there at once", s.stages());
                assertEquals(6, s.stages().size());
            });
            onView(withTagValue(is("cnn_pad"))).perform(scrollTo(), drawStroke(STROKE));
            ShadowLooper.idleMainLooper();
            scenario.onActivity(a -> {
                CnnLayersWidget.State s = state(a, "cnn_layers", CnnLayersWidget.State.class);
                DrawingView pad = a.findViewById(R.id.lesson_content).findViewWithTag("cnn_pad");
                GrayImage drawn = new MnistPreprocessor().process(pad.toInkImage());
                assertArrayEquals(drawn.pixels(), s.input().pixels(), 0f);
                List<CnnLayersDemo.Stage> expected = CnnLayersDemo.stages(FeatureMaps.layerByLayer(model, drawn));
                List<CnnLayersDemo.Stage> shown = s.stages();
                assertEquals(expected.size(), shown.size());
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i).layers(), shown.get(i).layers());
                    assertArrayEquals(expected.get(i).layers(), expected.get(i).output().data(),
                            shown.get(i).output().data(), 1e-5f);
                }
                Tensor scores = model.forward(Tensor.of(drawn.pixels().clone(), 1, 1, 28, 28));
                assertArrayEquals(scores.data(), shown.get(shown.size() - 1).output().data(), 1e-5f);
                View maps = a.findViewById(R.id.lesson_content).findViewWithTag("cnn_maps");
                String description = maps.getContentDescription().toString();
                assertTrue(description, description.contains("conv1 + relu1: 16 maps of 28×28"));
                assertTrue(description, description.contains("pool2: 32 maps of 7×7"));
                TextView dense = a.findViewById(R.id.lesson_content).findViewWithTag("cnn_dense");
                assertTrue(dense.getText().toString(), dense.getText().toString().contains("fc1 + relu3: 128 numbers"));
                float[] p = CnnLayersDemo.probabilities(shown);
                int best = 0;
                for (int d = 1; d < 10; d++) {
                    best = p[d] > p[best] ? d : best;
                }
                TextView reading = a.findViewById(R.id.lesson_content).findViewWithTag("cnn_reading");
                assertTrue(reading.getText().toString(), reading.getText().toString().startsWith("It reads " + best));
            });
        }
    }

    @Test
    public void theLanguageSwitchTurnsListAndLessonsChineseAndBack() {
        LessonSource files = LessonSource.directory(new File("src/main/assets"));
        String chineseTitle = files.lesson(LessonLanguage.SIMPLIFIED_CHINESE, "01-tensors").title();
        String englishTitle = files.lesson(LessonLanguage.ENGLISH, "01-tensors").title();
        try (ActivityScenario<LessonsActivity> list = ActivityScenario.launch(LessonsActivity.class)) {
            onView(withTagValue(is("lesson_01-tensors"))).check(matches(hasDescendant(withText("1. " + englishTitle))));
            onView(withId(R.id.lessons_language)).perform(click());
            onView(withText("简体中文")).inRoot(isDialog()).perform(click());
            ShadowLooper.idleMainLooper();
            assertEquals("zh-CN", Languages.chosen(ApplicationProvider.getApplicationContext()));
            list.recreate(); // what the platform (API 33+) or AppCompat (below) does on a language change
            onView(withTagValue(is("lesson_01-tensors"))).check(matches(hasDescendant(withText("1. " + chineseTitle))));
            list.recreate();
            onView(withTagValue(is("lesson_01-tensors"))).check(matches(hasDescendant(withText("1. " + chineseTitle))));
        }
        try (ActivityScenario<LessonActivity> scenario = ActivityScenario.launch(lesson("17-cnn"))) {
            String chinese17 = files.lesson(LessonLanguage.SIMPLIFIED_CHINESE, "17-cnn").title();
            scenario.onActivity(a -> assertEquals("17. " + chinese17, a.getTitle().toString()));
            scenario.onActivity(a -> {
                TextView first = (TextView) ((LinearLayout) a.findViewById(R.id.lesson_content)).getChildAt(0);
                assertTrue(first.getText().toString(), first.getText().toString().contains("卷积神经网络"));
            });
            scenario.recreate();
            scenario.onActivity(a -> assertEquals("17. " + chinese17, a.getTitle().toString()));
        }
        try (ActivityScenario<LessonsActivity> list = ActivityScenario.launch(LessonsActivity.class)) {
            onView(withId(R.id.lessons_language)).perform(click());
            onView(withText("English")).inRoot(isDialog()).perform(click());
            ShadowLooper.idleMainLooper();
            assertEquals("en", Languages.chosen(ApplicationProvider.getApplicationContext()));
            list.recreate();
            onView(withTagValue(is("lesson_01-tensors"))).check(matches(hasDescendant(withText("1. " + englishTitle))));
        }
    }

    @Test
    public void countSlidersShowWholeNumbers() {
        try (ActivityScenario<LessonActivity> scenario = ActivityScenario.launch(lesson("14-convolution"))) {
            scenario.onActivity(a -> {
                android.widget.SeekBar k = a.findViewById(R.id.lesson_content).findViewWithTag("convsize_K");
                assertEquals("K = 5", k.getContentDescription().toString());
            });
            onView(withTagValue(is("convsize_K"))).perform(scrollTo(), LessonActivityTest.tapAt(1f));
            onView(withTagValue(is("convsize_out"))).check(matches(withText(containsString("→ 22"))));
            scenario.onActivity(a -> {
                android.widget.SeekBar k = a.findViewById(R.id.lesson_content).findViewWithTag("convsize_K");
                assertEquals("K = 7", k.getContentDescription().toString());
            });
            onView(withText("K = 7")).check(matches(withText("K = 7"))); // the label above the slider, not "7.0000"
        }
    }
}
