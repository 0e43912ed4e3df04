package io.neuronlab.app.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import android.content.Context;
import android.database.sqlite.SQLiteDatabase;
import androidx.test.core.app.ApplicationProvider;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;

/**
 * A phone with a version-1 or version-2 database (built from the exported schema app/schemas/…/1.json, as an old app made
 * it) keeps its training runs after the update and gains lesson progress (2), run settings (3) and the data a run
 * trained on (4): Room validates
 * the migrated schema against the current entities when it opens.
 */
@RunWith(AndroidJUnit4.class)
public class NeuronLabDatabaseMigrationTest {
    private static final File SCHEMAS = new File("schemas/io.neuronlab.app.data.NeuronLabDatabase");

    @Test
    public void version1KeepsItsRunsAndGainsLessonProgress() throws Exception {
        NeuronLabDatabase db = migrated("migration-test.db", 1,
                "INSERT INTO training_run (started_at_millis, model_name, epochs, final_loss, test_accuracy,"
                        + " duration_millis) VALUES (1000, 'TwoLayerNet', 17, 0.05, 0.9731, 84250)");
        onWorker(db, () -> {
            TrainingRun run = db.trainingRuns().latest(1).get(0);
            assertEquals("TwoLayerNet", run.modelName);
            assertEquals(0.9731f, run.testAccuracy, 1e-6f);
            assertNull(db.lessonProgress().byId("04-softmax"));
            LessonProgress p = LessonProgress.started("04-softmax", 5);
            p.quizCorrect = 2;
            p.quizTotal = 3;
            db.lessonProgress().save(p);
            assertEquals(2, db.lessonProgress().latest().quizCorrect);
        });
    }

    @Test
    public void version2KeepsItsRunsAndGainsRunSettings() throws Exception {
        NeuronLabDatabase db = migrated("migration-2-3-test.db", 2,
                "INSERT INTO training_run (started_at_millis, model_name, epochs, final_loss, test_accuracy,"
                        + " duration_millis) VALUES (2000, 'lenet', 3, 0.04, 0.9812, 95000)",
                "INSERT INTO lesson_progress (lesson_id, opened_at_millis, quiz_correct, quiz_total, scroll_y)"
                        + " VALUES ('04-softmax', 7, 3, 4, 120)");
        onWorker(db, () -> {
            TrainingRun before = db.trainingRuns().latest(1).get(0);
            assertEquals("lenet", before.modelName);
            assertEquals(0.9812f, before.testAccuracy, 1e-6f);
            assertFalse("a run from before version 3 has no recorded settings", before.hasSettings());
            assertNull(before.optimizer);
            assertNull(before.modelFile);
            assertEquals(3, db.lessonProgress().byId("04-softmax").quizCorrect);

            io.neuronlab.mllib.lab.LabSettings s = new io.neuronlab.mllib.lab.LabSettings("mlp", "momentum", 0.05f,
                    32, 4, io.neuronlab.mllib.lab.LabSettings.Init.XAVIER, true, 0.25f, 1e-4f, 3000, 1);
            long id = db.trainingRuns().insert(TrainingRun.of("mlp", 3000, 4, 0.2f, 0.95f, 1000)
                    .withSettings(s, "mlp-3000.nlmf"));
            TrainingRun after = db.trainingRuns().byId(id);
            assertTrue(after.hasSettings());
            assertEquals("momentum", after.optimizer);
            assertEquals(0.05f, after.learningRate, 0f);
            assertEquals(32, (int) after.batchSize);
            assertEquals(4, (int) after.plannedEpochs);
            assertEquals("XAVIER", after.init);
            assertTrue(after.batchNorm);
            assertEquals(0.25f, after.dropout, 0f);
            assertEquals(1e-4f, after.weightDecay, 0f);
            assertEquals(3000, (int) after.trainImages);
            assertEquals("mlp-3000.nlmf", after.modelFile);
        });
    }

    @Test
    public void version3KeepsItsRunsWithTheirSettingsAndGainsTheirData() throws Exception {
        NeuronLabDatabase db = migrated("migration-3-4-test.db", 3,
                "INSERT INTO training_run (started_at_millis, model_name, epochs, final_loss, test_accuracy,"
                        + " duration_millis, optimizer, learning_rate, batch_size, planned_epochs, init, batch_norm, dropout,"
                        + " weight_decay, train_images, model_file) VALUES (3000, 'lenet', 3, 0.04, 0.9812, 95000, 'adam',"
                        + " 0.002, 64, 3, 'HE', 1, 0, 0, 12000, 'lenet-3000.nlmf')");
        onWorker(db, () -> {
            TrainingRun before = db.trainingRuns().latest(1).get(0);
            assertTrue("the version-3 settings are kept", before.hasSettings());
            assertEquals(12000, (int) before.trainImages);
            assertEquals("lenet-3000.nlmf", before.modelFile);
            assertNull("no data recorded before version 4", before.dataset);
            assertEquals("runs before version 4 trained on the slice",
                    io.neuronlab.mllib.lab.LabSettings.Data.MNIST_SLICE, before.data());

            io.neuronlab.mllib.lab.LabSettings s = io.neuronlab.mllib.lab.LabSettings.defaults("lenet", 30)
                    .withData(io.neuronlab.mllib.lab.LabSettings.Data.MY_SAMPLES);
            long id = db.trainingRuns().insert(TrainingRun.of("lenet", 4000, 3, 0.3f, 0.8f, 2000)
                    .withSettings(s, "lenet-4000.nlmf"));
            TrainingRun after = db.trainingRuns().byId(id);
            assertEquals("MY_SAMPLES", after.dataset);
            assertEquals(io.neuronlab.mllib.lab.LabSettings.Data.MY_SAMPLES, after.data());
            assertEquals(30, (int) after.trainImages);
        });
    }

    /**
     * Opens (migrating) a database named {@code name} that an app at schema {@code version} left: its exported
     * schema's tables ({@code app/schemas/…/<version>.json}) holding {@code rows}.
     */
    private static NeuronLabDatabase migrated(String name, int version, String... rows) throws Exception {
        Context context = ApplicationProvider.getApplicationContext();
        context.deleteDatabase(name);
        File file = context.getDatabasePath(name);
        file.getParentFile().mkdirs();
        String schema = new String(Files.readAllBytes(new File(SCHEMAS, version + ".json").toPath()),
                StandardCharsets.UTF_8);
        try (SQLiteDatabase old = SQLiteDatabase.openOrCreateDatabase(file, null)) {
            for (String sql : createStatements(schema)) {
                old.execSQL(sql);
            }
            for (String row : rows) {
                old.execSQL(row);
            }
            old.setVersion(version);
        }
        return NeuronLabDatabase.open(context, name);
    }

    /** What a test checks in the migrated database. */
    private interface Checks {
        void run() throws Exception;
    }

    /**
     * Runs {@code checks} on a thread of their own (Room refuses queries on the main thread, where Robolectric runs
     * the test), closes {@code db}, and fails with whatever the checks threw.
     */
    private static void onWorker(NeuronLabDatabase db, Checks checks) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                checks.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        worker.start();
        worker.join();
        db.close();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    /** Every createSql and setupQuery of an exported Room schema, with the table names filled in. */
    private static java.util.List<String> createStatements(String json) {
        java.util.List<String> statements = new java.util.ArrayList<>();
        Matcher table = Pattern.compile("\"tableName\":\\s*\"([a-z_]+)\"").matcher(json);
        Matcher entity = Pattern.compile("\"tableName\":\\s*\"([a-z_]+)\"[\\s\\S]*?(?=\"tableName\"|\"views\"|\"setupQueries\")")
                .matcher(json);
        while (entity.find()) {
            String name = entity.group(1);
            Matcher sql = Pattern.compile("\"createSql\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(entity.group());
            while (sql.find()) {
                statements.add(unescape(sql.group(1)).replace("${TABLE_NAME}", name));
            }
        }
        Matcher setup = Pattern.compile("\"setupQueries\":\\s*\\[([\\s\\S]*?)\\]").matcher(json);
        if (setup.find()) {
            Matcher q = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(setup.group(1));
            while (q.find()) {
                statements.add(unescape(q.group(1)));
            }
        }
        assertFalse("no tables found in the schema", statements.isEmpty() || !table.find());
        return statements;
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
