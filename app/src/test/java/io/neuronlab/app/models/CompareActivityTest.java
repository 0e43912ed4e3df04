package io.neuronlab.app.models;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.action.ViewActions.click;
import static androidx.test.espresso.action.ViewActions.scrollTo;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withText;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import android.content.Context;
import android.os.Looper;
import android.view.View;
import android.widget.TextView;
import androidx.test.core.app.ActivityScenario;
import androidx.test.core.app.ApplicationProvider;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.chart.Heatmap;
import io.neuronlab.app.chart.HeatmapView;
import io.neuronlab.app.train.LabData;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.lab.LabResult;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.NoGrad;
import io.neuronlab.mllib.train.Metrics;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Shadows;

/**
 * The built-in model against a real lab run (an MLP trained one epoch) on the slice's 2,000 test digits, on a real
 * background thread: the progress shows while it runs; then both accuracies (checked against mllib's own
 * evaluation, LabResult), the number of disagreements (counted here from each model's predictions) and the
 * disagreeing digits with both answers.
 */
@RunWith(AndroidJUnit4.class)
public class CompareActivityTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    @Test
    public void comparesTwoModelsOffTheMainThread() throws Exception {
        Context context = ApplicationProvider.getApplicationContext();
        File mlp = ModelFiles.trainedMlp(context, "mlp-5000.nlmf", 5_000_000L);
        ModelCatalog catalog = ModelsActivity.catalog(context);
        Dataset test = LabData.slice(context).test();
        Sequential builtIn = catalog.load(null);
        Sequential trained = catalog.load(mlp.getName());
        float accuracyA = LabResult.evaluate(builtIn, test).accuracy();
        float accuracyB = LabResult.evaluate(trained, test).accuracy();
        int disagreements = 0;
        try (NoGrad g = NoGrad.enter()) {
            int[] a = Metrics.predictions(builtIn.forward(test.inputs()));
            int[] b = Metrics.predictions(trained.forward(test.inputs()));
            for (int i = 0; i < a.length; i++) {
                disagreements += a[i] != b[i] ? 1 : 0;
            }
        }
        assertTrue("an MLP after one epoch and the shipped CNN differ somewhere: " + disagreements, disagreements > 12);

        ExecutorService thread = Executors.newSingleThreadExecutor();
        AtomicBoolean offMain = new AtomicBoolean(true);
        NeuronLabApp.of(context).setBackground(r -> thread.execute(() -> {
            offMain.compareAndSet(true, Looper.myLooper() != Looper.getMainLooper());
            r.run();
        }));
        try (ActivityScenario<CompareActivity> scenario = ActivityScenario.launch(CompareActivity.class)) {
            waitUntil(scenario, a -> ((View) a.findViewById(R.id.compare_start)).isEnabled());
            onView(withId(R.id.compare_status)).check(matches(withText(R.string.compare_ready)));
            onView(withId(R.id.compare_start)).perform(scrollTo(), click());
            scenario.onActivity(a -> assertEquals("the progress bar shows while it runs", View.VISIBLE,
                    a.findViewById(R.id.compare_progress).getVisibility()));
            waitUntil(scenario, a -> a.findViewById(R.id.compare_disagreements).getVisibility() == View.VISIBLE);
            onView(withId(R.id.compare_status)).check(matches(withText("Compared on 2000 test digits.")));
            int expectedDisagreements = disagreements;
            scenario.onActivity(a -> {
                assertEquals(View.GONE, a.findViewById(R.id.compare_progress).getVisibility());
                String summary = ((TextView) a.findViewById(R.id.compare_summary)).getText().toString();
                assertTrue(summary, summary.startsWith("A: Built-in digit model\n"
                        + String.format(Locale.ROOT, "%.1f%% right (%d)", 100f * accuracyA, Math.round(accuracyA * 2000))));
                assertTrue(summary, summary.contains("B: mlp · lab run · "));
                assertTrue(summary, summary.contains(String.format(Locale.ROOT, "\n%.1f%% right (%d)\n",
                        100f * accuracyB, Math.round(accuracyB * 2000))));
                assertTrue(summary, summary.contains("They answer " + expectedDisagreements + " of the 2000 digits differently. 12 of them below"));
                List<Heatmap> tiles = ((HeatmapView) a.findViewById(R.id.compare_disagreements)).heatmaps();
                assertEquals(12, tiles.size());
                for (Heatmap t : tiles) {
                    String[] parts = t.title().split("[:/]");
                    assertEquals(t.title(), 3, parts.length);
                    assertNotEquals("the two answers differ: " + t.title(), parts[1].trim(), parts[2].trim());
                }
            });
            assertTrue("the comparison ran on the background thread", offMain.get());
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    public void theChoiceOfModelsSurvivesRotation() throws Exception {
        Context context = ApplicationProvider.getApplicationContext();
        ModelFiles.labRun(context, io.neuronlab.mllib.models.LeNetBench.create(1),
                io.neuronlab.mllib.lab.LabSettings.defaults("lenet", 1000), 0.5f, "lenet-1.nlmf", 1_000L);
        ModelFiles.labRun(context, io.neuronlab.mllib.models.LeNetBench.create(2),
                io.neuronlab.mllib.lab.LabSettings.defaults("lenet", 1000), 0.6f, "lenet-2.nlmf", 2_000L);
        try (ActivityScenario<CompareActivity> scenario = ActivityScenario.launch(CompareActivity.class)) {
            scenario.onActivity(a -> {
                assertEquals(0, ((android.widget.Spinner) a.findViewById(R.id.compare_first)).getSelectedItemPosition());
                assertEquals(1, ((android.widget.Spinner) a.findViewById(R.id.compare_second)).getSelectedItemPosition());
                ((android.widget.Spinner) a.findViewById(R.id.compare_first)).setSelection(2);
            });
            Shadows.shadowOf(Looper.getMainLooper()).idle();
            scenario.recreate();
            Shadows.shadowOf(Looper.getMainLooper()).idle();
            scenario.onActivity(a -> {
                assertEquals(2, ((android.widget.Spinner) a.findViewById(R.id.compare_first)).getSelectedItemPosition());
                assertEquals(1, ((android.widget.Spinner) a.findViewById(R.id.compare_second)).getSelectedItemPosition());
            });
        }
    }

    private static void waitUntil(ActivityScenario<CompareActivity> scenario,
                                  java.util.function.Predicate<CompareActivity> done) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        boolean[] ok = new boolean[1];
        while (true) {
            Shadows.shadowOf(Looper.getMainLooper()).idle();
            scenario.onActivity(a -> ok[0] = done.test(a));
            if (ok[0]) {
                return;
            }
            assertTrue("timed out", System.nanoTime() < deadline);
            Thread.sleep(10);
        }
    }
}
