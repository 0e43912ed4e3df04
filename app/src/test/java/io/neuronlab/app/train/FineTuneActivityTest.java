package io.neuronlab.app.train;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.action.ViewActions.click;
import static androidx.test.espresso.action.ViewActions.scrollTo;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.ViewMatchers.isEnabled;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withText;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import android.content.Context;
import android.widget.TextView;
import androidx.test.core.app.ActivityScenario;
import androidx.test.core.app.ApplicationProvider;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import io.neuronlab.app.draw.DigitNetwork;
import io.neuronlab.app.draw.DrawActivity;
import io.neuronlab.app.models.ModelsActivity;
import io.neuronlab.app.samples.SampleStore;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.MnistSlice;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.LabelledDigit;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Shadows;
import org.robolectric.shadows.ShadowLooper;

/**
 * Fine-tuning on stored samples (real digits from the bundled slice's test part): too few samples say what is
 * needed; enough samples fine-tune and show before/after; Draw's network is then the personal model, also after
 * the Activity is recreated; restoring brings the shipped model back.
 */
@RunWith(AndroidJUnit4.class)
public class FineTuneActivityTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    private static void storeSamples(int perDigit, int skipDigit) throws Exception {
        Context context = ApplicationProvider.getApplicationContext();
        Dataset test = LabData.slice(context).test();
        int[] taken = new int[10];
        List<LabelledDigit> digits = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            int d = test.label(i);
            if (d != skipDigit && taken[d]++ < perDigit) {
                digits.add(new LabelledDigit(new GrayImage(28, 28, test.example(i).data()), d, 1000L + i));
            }
        }
        new SampleStore(context).addAll(digits, () -> { });
    }

    @Test
    public void tooFewSamplesSayWhatIsNeeded() throws Exception {
        storeSamples(3, 7);
        try (ActivityScenario<FineTuneActivity> scenario = ActivityScenario.launch(FineTuneActivity.class)) {
            onView(withId(R.id.tune_status)).check(matches(withText(
                    "Fine-tuning needs at least 3 samples of every digit. Draw and label more of: 7 (0).")));
            onView(withId(R.id.tune_start)).check(matches(not(isEnabled())));
        }
    }

    @Test
    public void fineTunesShowsBeforeAndAfterAndRestores() throws Exception {
        storeSamples(4, -1);
        Context context = ApplicationProvider.getApplicationContext();
        try (ActivityScenario<FineTuneActivity> scenario = ActivityScenario.launch(FineTuneActivity.class)) {
            onView(withId(R.id.tune_status)).check(matches(withText("40 of your digits are ready.")));
            onView(withId(R.id.tune_start)).perform(scrollTo(), click());
            onView(withId(R.id.tune_status)).check(matches(withText(startsWith("Done in "))));
            scenario.onActivity(a -> {
                String result = ((TextView) a.findViewById(R.id.tune_result)).getText().toString();
                assertTrue(result, result.startsWith("Your 10 held-out digits: ")
                        && result.contains("\nMNIST test digits: "));
            });
            String personal = DigitNetwork.get(context).source();
            assertTrue(personal, personal.contains("/models/personal-"));

            // the result leads to the model list
            onView(withId(R.id.tune_models)).perform(scrollTo(), click());
            scenario.onActivity(a -> assertEquals(ModelsActivity.class.getName(),
                    Shadows.shadowOf(a).getNextStartedActivity().getComponent().getClassName()));
            try (ActivityScenario<DrawActivity> draw = ActivityScenario.launch(DrawActivity.class)) {
                ShadowLooper.idleMainLooper();
                onView(withId(R.id.draw_model)).check(matches(withText("Model: Your personal model ›")));
                draw.recreate();
                ShadowLooper.idleMainLooper();
                onView(withId(R.id.draw_model)).check(matches(withText("Model: Your personal model ›")));
            }

            String[] shown = new String[1];
            scenario.onActivity(a -> shown[0] = ((TextView) a.findViewById(R.id.tune_result)).getText().toString());
            scenario.recreate();
            assertEquals("after recreation Draw still uses the personal model", personal,
                    DigitNetwork.get(context).source());
            // a rotation keeps the figures on screen (the state lives in FineTuneViewModel)
            onView(withId(R.id.tune_status)).check(matches(withText(startsWith("Done in "))));
            onView(withId(R.id.tune_result)).check(matches(withText(shown[0])));
            onView(withId(R.id.tune_restore)).check(matches(isEnabled()));
            onView(withId(R.id.tune_restore)).perform(scrollTo(), click());
            onView(withId(R.id.tune_status)).check(matches(withText(R.string.tune_restored)));
            assertEquals(DigitNetwork.ASSET, DigitNetwork.get(context).source());
        }
        try (ActivityScenario<DrawActivity> draw = ActivityScenario.launch(DrawActivity.class)) {
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.draw_model)).check(matches(withText("Model: Built-in digit model ›")));
        }
    }
}
