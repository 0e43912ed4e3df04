package io.neuronlab.app.models;

import static androidx.test.espresso.Espresso.onView;
import static androidx.test.espresso.action.ViewActions.click;
import static androidx.test.espresso.action.ViewActions.scrollTo;
import static androidx.test.espresso.assertion.ViewAssertions.doesNotExist;
import static androidx.test.espresso.assertion.ViewAssertions.matches;
import static androidx.test.espresso.matcher.ViewMatchers.isDescendantOfA;
import static androidx.test.espresso.matcher.ViewMatchers.isDisplayed;
import static androidx.test.espresso.matcher.ViewMatchers.isEnabled;
import static androidx.test.espresso.matcher.ViewMatchers.withId;
import static androidx.test.espresso.matcher.ViewMatchers.withTagValue;
import static androidx.test.espresso.matcher.ViewMatchers.withText;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.app.Activity;
import android.content.Context;
import android.content.DialogInterface;
import android.content.Intent;
import android.net.Uri;
import androidx.appcompat.app.AlertDialog;
import androidx.test.core.app.ActivityScenario;
import androidx.test.core.app.ApplicationProvider;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import io.neuronlab.app.draw.DigitNetwork;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.lab.LabSettings;
import io.neuronlab.mllib.models.LeNetBench;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.shadows.ShadowActivity;
import org.robolectric.shadows.ShadowDialog;
import org.robolectric.shadows.ShadowLooper;

/**
 * The model list on Robolectric with Espresso: the models with their facts; "use this model" reaching Draw's network
 * (also after recreation) and the one-tap restore; delete after confirming; import of a good file and of damaged,
 * truncated and foreign files (message, library unchanged); export through the save dialog and the share sheet,
 * checked by the intents and the bytes written — an exported file imports back byte for byte.
 */
@RunWith(AndroidJUnit4.class)
public class ModelsActivityTest {
    private static final String LENET = "lenet-1000.nlmf";

    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    private Context context;
    private File lenet;

    @Before
    public void saveALabModel() throws Exception {
        context = ApplicationProvider.getApplicationContext();
        lenet = ModelFiles.labRun(context, LeNetBench.create(1), LabSettings.defaults("lenet", 12000), 0.975f, LENET,
                1_000_000L);
    }

    private static org.hamcrest.Matcher<android.view.View> inRow(int id, String tag) {
        return allOf(withId(id), isDescendantOfA(withTagValue(is(tag))));
    }

    /** The files of the library and their bytes, to show that a refused import changed nothing. */
    private List<String> snapshot() throws Exception {
        List<String> state = new ArrayList<>();
        for (File f : ModelFiles.library(context).list()) {
            state.add(f.getName() + ":" + java.util.Arrays.hashCode(Files.readAllBytes(f.toPath())));
        }
        File active = ModelFiles.library(context).active();
        state.add("active=" + (active == null ? null : active.getName()));
        return state;
    }

    @Test
    public void listsTheModelsAndUsesOneUntilTheOriginalIsRestored() {
        try (ActivityScenario<ModelsActivity> scenario = ActivityScenario.launch(ModelsActivity.class)) {
            onView(inRow(R.id.model_title, "built-in")).check(matches(withText("Built-in digit model")));
            onView(inRow(R.id.model_details, "built-in")).check(matches(withText(
                    "Ships with the app · 2 conv + 2 dense layers · test accuracy 99.4%")));
            onView(inRow(R.id.model_in_use, "built-in")).check(matches(isDisplayed()));
            onView(inRow(R.id.model_title, LENET)).check(matches(withText("lenet · lab run")));
            onView(inRow(R.id.model_details, LENET)).check(matches(withText(
                    containsString(" · 2 conv + 3 dense layers · test accuracy 97.5%"))));

            onView(inRow(R.id.model_use, LENET)).perform(scrollTo(), click());
            onView(withId(R.id.models_message)).check(matches(withText("Draw and Camera now recognise with " + LENET + ".")));
            onView(inRow(R.id.model_in_use, LENET)).check(matches(isDisplayed()));
            onView(inRow(R.id.model_use, LENET)).check(matches(not(isEnabled())));
            String used = DigitNetwork.get(context).source();
            assertTrue(used, used.contains("/models/" + LENET));

            scenario.recreate();
            assertEquals("after recreation Draw still uses the chosen model", used, DigitNetwork.get(context).source());
            onView(inRow(R.id.model_in_use, LENET)).check(matches(isDisplayed()));
            // one tap back to the shipped model, worded like fine-tuning's restore
            onView(inRow(R.id.model_use, "built-in")).check(matches(withText(R.string.tune_restore)));
            onView(inRow(R.id.model_use, "built-in")).perform(scrollTo(), click());
            onView(withId(R.id.models_message)).check(matches(withText(R.string.tune_restored)));
            assertEquals(DigitNetwork.ASSET, DigitNetwork.get(context).source());
            onView(inRow(R.id.model_in_use, "built-in")).check(matches(isDisplayed()));
        }
    }

    @Test
    public void drawRecognisesWithTheChosenModel() throws Exception {
        File mlp = ModelFiles.trainedMlp(context, "mlp-2000000.nlmf", 2_000_000L);
        io.neuronlab.mllib.nn.Sequential chosen = ModelsActivity.catalog(context).load(mlp.getName());
        io.neuronlab.mllib.data.Dataset test = io.neuronlab.app.train.LabData.slice(context).test();
        try (ActivityScenario<ModelsActivity> scenario = ActivityScenario.launch(ModelsActivity.class)) {
            onView(inRow(R.id.model_use, mlp.getName())).check(matches(
                    androidx.test.espresso.matcher.ViewMatchers.withContentDescription(
                            "Use this model: mlp · lab run")));
            onView(inRow(R.id.model_use, mlp.getName())).perform(scrollTo(), click());
        }
        io.neuronlab.mllib.digits.DigitRecognizer recognizer = DigitNetwork.get(context).recognizer();
        for (int i = 0; i < 50; i++) {
            io.neuronlab.mllib.digits.GrayImage digit = new io.neuronlab.mllib.digits.GrayImage(28, 28,
                    test.example(i).data());
            int expected;
            try (io.neuronlab.mllib.tensor.NoGrad g = io.neuronlab.mllib.tensor.NoGrad.enter()) {
                expected = io.neuronlab.mllib.tensor.Tensor.of(chosen.forward(test.example(i)).data(), 10).argmax();
            }
            assertEquals("digit " + i + " is answered by the chosen model", expected, recognizer.predict(digit).digit());
        }
    }

    @Test
    public void deletesAfterConfirmingAndTheOriginalComesBack() throws Exception {
        ModelFiles.library(context).setActive(LENET);
        try (ActivityScenario<ModelsActivity> scenario = ActivityScenario.launch(ModelsActivity.class)) {
            onView(inRow(R.id.model_delete, "built-in")).check(matches(not(isDisplayed())));
            onView(inRow(R.id.model_delete, LENET)).perform(scrollTo(), click());
            AlertDialog dialog = (AlertDialog) ShadowDialog.getLatestDialog();
            assertTrue(dialog.isShowing());
            assertTrue("nothing is deleted before the answer", lenet.isFile());
            dialog.getButton(DialogInterface.BUTTON_POSITIVE).performClick();
            ShadowLooper.idleMainLooper();
            onView(withId(R.id.models_message)).check(matches(withText("Deleted " + LENET + ".")));
            onView(withTagValue(is((Object) LENET))).check(doesNotExist());
            assertFalse(lenet.exists());
            assertNull(ModelFiles.library(context).active());
            assertEquals(DigitNetwork.ASSET, DigitNetwork.get(context).source());
        }
    }

    /** Taps Import and answers the system's document picker with {@code file}. */
    private static void importFile(ActivityScenario<ModelsActivity> scenario, File file) {
        onView(withId(R.id.models_import)).perform(click());
        scenario.onActivity(a -> {
            ShadowActivity.IntentForResult picker = shadowOf(a).getNextStartedActivityForResult();
            assertNotNull("the document picker was opened", picker);
            assertEquals(Intent.ACTION_OPEN_DOCUMENT, picker.intent.getAction());
            shadowOf(a).receiveResult(picker.intent, Activity.RESULT_OK, new Intent().setData(Uri.fromFile(file)));
        });
        ShadowLooper.idleMainLooper();
    }

    @Test
    public void importsAGoodFileAndRefusesDamagedTruncatedAndForeignOnes() throws Exception {
        File picked = new File(context.getCacheDir(), "picked");
        picked.mkdirs();
        byte[] good = Files.readAllBytes(lenet.toPath());
        File goodFile = new File(picked, "my net.nlmf");
        Files.write(goodFile.toPath(), good);
        try (ActivityScenario<ModelsActivity> scenario = ActivityScenario.launch(ModelsActivity.class)) {
            importFile(scenario, goodFile);
            onView(withId(R.id.models_message)).check(matches(withText("Imported my net.nlmf as my-net.nlmf.")));
            assertArrayEquals(good, Files.readAllBytes(new File(DigitNetwork.modelsDir(context), "my-net.nlmf").toPath()));
            onView(inRow(R.id.model_title, "my-net.nlmf")).check(matches(withText("lenet · lab run")));

            List<String> before = snapshot();
            byte[] damaged = good.clone();
            damaged[damaged.length / 2] ^= 0x10;
            File damagedFile = new File(picked, "damaged.nlmf");
            Files.write(damagedFile.toPath(), damaged);
            importFile(scenario, damagedFile);
            onView(withId(R.id.models_message)).check(matches(withText(allOf(
                    startsWith("damaged.nlmf was not imported, your models are unchanged: "), containsString("CRC")))));
            assertEquals(before, snapshot());

            File truncated = new File(picked, "truncated.nlmf");
            Files.write(truncated.toPath(), java.util.Arrays.copyOf(good, good.length / 3));
            importFile(scenario, truncated);
            onView(withId(R.id.models_message)).check(matches(withText(allOf(
                    startsWith("truncated.nlmf was not imported, your models are unchanged: "), containsString("truncated")))));
            assertEquals(before, snapshot());

            File photo = new File(picked, "photo.png");
            Files.write(photo.toPath(), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
            importFile(scenario, photo);
            onView(withId(R.id.models_message)).check(matches(withText(allOf(
                    startsWith("photo.png was not imported, your models are unchanged: "), containsString("NLMF")))));
            assertEquals(before, snapshot());
        }
    }

    /** Taps Export on {@code tag}'s row and picks choice {@code which} (0 share .nlmf, 1 share .tflite, 2/3 save). */
    private static void export(String tag, int which) {
        onView(inRow(R.id.model_export, tag)).perform(scrollTo(), click());
        AlertDialog dialog = (AlertDialog) ShadowDialog.getLatestDialog();
        assertTrue(dialog.isShowing());
        dialog.getListView().performItemClick(null, which, which);
        ShadowLooper.idleMainLooper();
    }

    @Test
    public void savedExportIsTheFileAndImportsBackByteForByte() throws Exception {
        File saved = new File(context.getCacheDir(), "documents/lenet-1000.nlmf");
        saved.getParentFile().mkdirs();
        try (ActivityScenario<ModelsActivity> scenario = ActivityScenario.launch(ModelsActivity.class)) {
            export(LENET, 2);
            scenario.onActivity(a -> {
                ShadowActivity.IntentForResult dialog = shadowOf(a).getNextStartedActivityForResult();
                assertNotNull("the save dialog was opened", dialog);
                assertEquals(Intent.ACTION_CREATE_DOCUMENT, dialog.intent.getAction());
                assertEquals("lenet-1000.nlmf", dialog.intent.getStringExtra(Intent.EXTRA_TITLE));
                assertEquals("application/octet-stream", dialog.intent.getType());
                shadowOf(a).receiveResult(dialog.intent, Activity.RESULT_OK, new Intent().setData(Uri.fromFile(saved)));
            });
            ShadowLooper.idleMainLooper();
            byte[] original = Files.readAllBytes(lenet.toPath());
            onView(withId(R.id.models_message)).check(matches(withText(
                    "Saved lenet-1000.nlmf (" + original.length + " bytes).")));
            assertArrayEquals(original, Files.readAllBytes(saved.toPath()));

            importFile(scenario, saved);
            onView(withId(R.id.models_message)).check(matches(withText(
                    "Imported lenet-1000.nlmf as lenet-1000-2.nlmf.")));
            assertArrayEquals(original, Files.readAllBytes(new File(DigitNetwork.modelsDir(context),
                    "lenet-1000-2.nlmf").toPath()));
        }
    }

    @Test
    public void sharesTheTfliteModelThroughTheShareSheet() throws Exception {
        try (ActivityScenario<ModelsActivity> scenario = ActivityScenario.launch(ModelsActivity.class)) {
            export(LENET, 1);
            scenario.onActivity(a -> {
                Intent chooser = shadowOf(a).getNextStartedActivity();
                assertNotNull("the share sheet was opened", chooser);
                assertEquals(Intent.ACTION_CHOOSER, chooser.getAction());
                Intent send = chooser.getParcelableExtra(Intent.EXTRA_INTENT);
                assertEquals(Intent.ACTION_SEND, send.getAction());
                assertEquals("application/octet-stream", send.getType());
                assertTrue((send.getFlags() & Intent.FLAG_GRANT_READ_URI_PERMISSION) != 0);
                Uri uri = send.getParcelableExtra(Intent.EXTRA_STREAM);
                assertEquals("content", uri.getScheme());
                assertEquals(ModelsActivity.EXPORTS_AUTHORITY, uri.getAuthority());
                assertTrue(uri.toString(), uri.toString().endsWith("/lenet-1000.tflite"));
                try (InputStream in = a.getContentResolver().openInputStream(uri)) {
                    byte[] shared = readAll(in);
                    byte[] expected = ExportFormat.TFLITE.bytes(ModelsActivity.catalog(a), LENET);
                    assertArrayEquals(expected, shared);
                    assertEquals("TFL3", new String(shared, 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    @Test
    public void aNetworkTfliteCannotExpressSaysWhyAndOpensNothing() throws Exception {
        ModelFiles.library(context);
        File dir = DigitNetwork.modelsDir(context);
        new io.neuronlab.mllib.io.ModelSerializer().save(ModelFiles.leaky(), TrainingMetadata.none(),
                new File(dir, "leaky.nlmf"));
        try (ActivityScenario<ModelsActivity> scenario = ActivityScenario.launch(ModelsActivity.class)) {
            export("leaky.nlmf", 3);
            onView(withId(R.id.models_message)).check(matches(withText(allOf(
                    startsWith("This network cannot be written as TensorFlow Lite: "), containsString("LeakyReLU"),
                    containsString("Export it as .nlmf instead.")))));
            scenario.onActivity(a -> {
                assertNull("no save dialog", shadowOf(a).getNextStartedActivityForResult());
                assertNull("no share sheet", shadowOf(a).getNextStartedActivity());
            });
        }
    }

    private static byte[] readAll(InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] b = new byte[8192];
        int n;
        while ((n = in.read(b)) > 0) {
            out.write(b, 0, n);
        }
        return out.toByteArray();
    }
}
