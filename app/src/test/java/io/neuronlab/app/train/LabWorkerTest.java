package io.neuronlab.app.train;

import static io.neuronlab.app.train.MainLooperWait.waitFor;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.content.Context;
import androidx.test.core.app.ApplicationProvider;
import androidx.test.ext.junit.runners.AndroidJUnit4;
import androidx.work.Configuration;
import androidx.work.Data;
import androidx.work.WorkInfo;
import androidx.work.WorkManager;
import androidx.work.impl.WorkManagerImpl;
import androidx.work.impl.utils.taskexecutor.WorkManagerTaskExecutor;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.lab.LabProgress;
import io.neuronlab.mllib.lab.LabSettings;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;

/**
 * Lab runs through the real WorkManager 2.8.1 (its scheduler, database, worker wrapper and executors — not a plain
 * thread): a tiny run goes to the end and reports its progress to WorkManager; a run whose process dies after a saved
 * epoch resumes from that checkpoint when the user starts it again.
 *
 * <p>WorkManager's own test artifact ({@code androidx.work:work-testing}) is not on Maven Central for 2.8.1 (only
 * 2.11.2+, which needs work-runtime 2.11.2 and compileSdk 35), so this test installs a WorkManager for the test's
 * Application the way its {@code WorkManagerTestInitHelper} does: {@link WorkManagerImpl#setDelegate} with a fresh
 * instance on an in-memory database.
 */
@RunWith(AndroidJUnit4.class)
public class LabWorkerTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    private Context context;
    private ExecutorService workers;
    private ExecutorService tasks;
    private WorkManagerImpl impl;
    private WorkManager work;

    @Before
    public void realWorkManager() {
        context = ApplicationProvider.getApplicationContext();
        workers = pool();
        tasks = pool();
        Configuration configuration = new Configuration.Builder().setExecutor(workers).setTaskExecutor(tasks).build();
        impl = new WorkManagerImpl(context, configuration, new WorkManagerTaskExecutor(tasks), true);
        WorkManagerImpl.setDelegate(impl);
        work = WorkManager.getInstance(context);
    }

    /**
     * Two threads; work WorkManager still schedules while the test shuts the pool down (its serial executor's next
     * bookkeeping task) is dropped instead of printing a RejectedExecutionException: the test is over by then.
     */
    private static ExecutorService pool() {
        return new ThreadPoolExecutor(2, 2, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new ThreadPoolExecutor.DiscardPolicy());
    }

    @After
    public void release() throws InterruptedException {
        workers.shutdownNow();
        tasks.shutdownNow();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        tasks.awaitTermination(30, TimeUnit.SECONDS);
        impl.getWorkDatabase().close();
        WorkManagerImpl.setDelegate(null);
    }

    /** A fresh process's runner that starts runs through WorkManager (the app's launcher). */
    private LabRunner runner() {
        LabRunner runner = LabRunner.replaceForTests(context);
        runner.setLauncher(LabWorker::enqueue);
        return runner;
    }

    private static LabSettings tiny(int epochs) {
        return LabSettings.defaults("lenet", 300).withBatchSize(20).withEpochs(epochs);
    }

    private List<WorkInfo> infos() throws Exception {
        return work.getWorkInfosForUniqueWork(LabWorker.WORK_NAME).get();
    }

    /** Waits until {@code runner}'s run and its WorkManager work have both ended (after a stop). */
    private void waitForTheEndOf(LabRunner runner) throws Exception {
        waitFor("the first run to end", () -> now(runner).isDone());
        waitFor("the first work to end", () -> {
            try {
                return infos().get(0).getState().isFinished();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static LabProgress now(LabRunner runner) {
        return runner.progress().getValue();
    }

    @Test
    public void aTinyRunGoesToTheEndThroughWorkManagerAndReportsProgress() throws Exception {
        LabRunner runner = runner();
        assertTrue(runner.start(tiny(2)));
        waitFor("the worker to start training", () -> now(runner) != null
                && now(runner).status == LabProgress.Status.RUNNING);
        runner.pause(); // holds the run, so its WorkManager progress can be read while it is RUNNING
        waitFor("the paused run", () -> now(runner).status == LabProgress.Status.PAUSED);
        Data[] progress = new Data[1];
        waitFor("progress in WorkManager", () -> {
            try {
                List<WorkInfo> list = infos();
                if (list.size() == 1 && list.get(0).getState() == WorkInfo.State.RUNNING) {
                    progress[0] = list.get(0).getProgress();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return progress[0] != null && progress[0].getKeyValueMap().containsKey(LabWorker.PROGRESS_EPOCH);
        });
        assertEquals(1, progress[0].getInt(LabWorker.PROGRESS_EPOCH, -1));
        assertEquals(2, progress[0].getInt(LabWorker.PROGRESS_EPOCHS, -1));
        int percent = progress[0].getInt(LabWorker.PROGRESS_PERCENT, -1);
        assertTrue("percent " + percent, percent >= 0 && percent < 100);
        // the progress notification says which epoch and how far
        android.app.NotificationManager nm = ApplicationProvider.getApplicationContext()
                .getSystemService(android.app.NotificationManager.class);
        android.app.Notification n = shadowOf(nm).getNotification(LabWorker.NOTIFICATION_ID);
        assertTrue("a progress notification is shown", n != null);
        assertEquals("Training a network", String.valueOf(n.extras.getCharSequence(android.app.Notification.EXTRA_TITLE)));
        String text = String.valueOf(n.extras.getCharSequence(android.app.Notification.EXTRA_TEXT));
        assertTrue(text, text.startsWith("Epoch 1 of 2 · ") && text.endsWith("%"));
        assertEquals(100, n.extras.getInt(android.app.Notification.EXTRA_PROGRESS_MAX));
        assertTrue((n.flags & android.app.Notification.FLAG_ONGOING_EVENT) != 0);

        runner.resume();
        waitFor("the work to succeed", () -> {
            try {
                List<WorkInfo> list = infos();
                return list.size() == 1 && list.get(0).getState() == WorkInfo.State.SUCCEEDED;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        waitFor("the end on the screen", () -> now(runner).isDone());
        LabProgress end = now(runner);
        assertEquals(LabProgress.Status.FINISHED, end.status);
        assertEquals(2, end.testAccuracy.length);
        assertEquals(2 * 15, end.batchLoss.length);
        assertEquals("the run is in the history", 1, database.get().trainingRuns().latest(5).size());
        File[] models = new File(context.getFilesDir(), "models").listFiles();
        assertNotNull(models);
        assertEquals("the finished network is a model file", 1, models.length);
        assertFalse("no checkpoint left after a finished run", runner.checkpoint().exists());
    }

    @Test
    public void theProgressNotificationSpeaksTheLanguageChosenInTheApp() throws Exception {
        io.neuronlab.app.lessons.Languages.choose(context, "zh-CN");
        try {
            LabRunner runner = runner();
            assertTrue(runner.start(tiny(2)));
            waitFor("the worker to start training", () -> now(runner) != null
                    && now(runner).status == LabProgress.Status.RUNNING);
            runner.pause();
            waitFor("the paused run", () -> now(runner).status == LabProgress.Status.PAUSED);
            android.app.NotificationManager nm = context.getSystemService(android.app.NotificationManager.class);
            waitFor("a progress notification", () -> shadowOf(nm).getNotification(LabWorker.NOTIFICATION_ID) != null);
            android.app.Notification n = shadowOf(nm).getNotification(LabWorker.NOTIFICATION_ID);
            assertEquals("正在训练网络", String.valueOf(n.extras.getCharSequence(android.app.Notification.EXTRA_TITLE)));
            runner.stop();
            waitFor("the run to end", () -> now(runner).isDone());
        } finally {
            io.neuronlab.app.lessons.Languages.choose(context, "");
        }
    }

    @Test
    public void aRunWhoseProcessDiedResumesFromItsLastCheckpoint() throws Exception {
        LabSettings settings = tiny(4);
        LabRunner first = runner();
        assertTrue(first.start(settings));
        waitFor("the first epoch", () -> now(first) != null && now(first).testAccuracy.length >= 1);
        first.pause();
        waitFor("the paused run", () -> now(first).status == LabProgress.Status.PAUSED);
        // the process dies here: what survives is the files, i.e. the checkpoint of the last finished epoch
        File checkpoint = first.checkpoint();
        assertTrue(checkpoint.isFile());
        File disk = new File(context.getCacheDir(), "checkpoint-at-death.nlmf");
        Files.copy(checkpoint.toPath(), disk.toPath(), StandardCopyOption.REPLACE_EXISTING);
        int savedEpochs = ModelFile.read(disk).metadata().epochs();
        float[] savedTestAccuracy = Arrays.copyOf(now(first).testAccuracy, savedEpochs);
        assertTrue("saved " + savedEpochs + " epochs", savedEpochs >= 1 && savedEpochs < 4);
        first.stop(); // ends this process's run (a stop deletes the checkpoint; the dead process's file comes back below)
        waitForTheEndOf(first);
        Files.copy(disk.toPath(), checkpoint.toPath(), StandardCopyOption.REPLACE_EXISTING);

        // the app comes back in a new process: the screen offers the interrupted run and starts it through WorkManager
        LabRunner second = runner();
        assertEquals(settings, second.pendingSettings());
        assertTrue(second.start(second.pendingSettings()));
        waitFor("the resumed run to end", () -> now(second) != null && now(second).isDone());
        LabProgress end = now(second);
        assertEquals(LabProgress.Status.FINISHED, end.status);
        assertEquals("continued after the saved epochs", savedEpochs, end.resumedAfterEpoch);
        assertEquals(4, end.testAccuracy.length);
        assertEquals(4 * 15, end.batchLoss.length);
        assertArrayEquals("the saved epochs' curve came back from the checkpoint", savedTestAccuracy,
                Arrays.copyOf(end.testAccuracy, savedEpochs), 1e-5f);
        waitFor("the second work to succeed", () -> {
            try {
                List<WorkInfo> list = infos();
                return list.get(list.size() - 1).getState() == WorkInfo.State.SUCCEEDED;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertFalse(checkpoint.exists());
    }

    /**
     * A run on the user's samples whose process died resumes on its own snapshot of the samples: digits labelled
     * and deleted meanwhile change neither what it trains on nor what it is tested on.
     */
    @Test
    public void aRunOnMySamplesResumesOnItsSnapshotAfterTheProcessDied() throws Exception {
        List<io.neuronlab.app.samples.DigitSampleEntity> stored = StoredSamples.store(database, 4, -1, 0);
        // 30 training digits in batches of 2: 15 small batches an epoch, 20 epochs so that the pause comes in time
        LabSettings settings = LabSettings.defaults("lenet", 30).withBatchSize(2).withEpochs(20)
                .withData(LabSettings.Data.MY_SAMPLES);
        LabRunner first = runner();
        assertTrue(first.start(settings));
        waitFor("the first epoch", () -> now(first) != null && now(first).testAccuracy.length >= 1);
        first.pause();
        waitFor("the paused run", () -> {
            LabProgress p = now(first);
            assertFalse("the run ended before the pause: " + p.status + " " + p.failure, p.isDone());
            return p.status == LabProgress.Status.PAUSED;
        });
        File checkpoint = first.checkpoint();
        File snapshot = first.samplesSnapshot();
        assertTrue(checkpoint.isFile());
        assertTrue("the run keeps its own copy of the samples", snapshot.isFile());
        File diskCheckpoint = new File(context.getCacheDir(), "samples-checkpoint-at-death.nlmf");
        File diskSnapshot = new File(context.getCacheDir(), "samples-snapshot-at-death.nlds");
        Files.copy(checkpoint.toPath(), diskCheckpoint.toPath(), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(snapshot.toPath(), diskSnapshot.toPath(), StandardCopyOption.REPLACE_EXISTING);
        int savedEpochs = ModelFile.read(diskCheckpoint).metadata().epochs();
        assertEquals("own samples", ModelFile.read(diskCheckpoint).metadata().dataset());
        first.stop();
        waitForTheEndOf(first);
        assertFalse("a stopped run's snapshot goes with its checkpoint", snapshot.exists());
        Files.copy(diskCheckpoint.toPath(), checkpoint.toPath(), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(diskSnapshot.toPath(), snapshot.toPath(), StandardCopyOption.REPLACE_EXISTING);

        // meanwhile the user deletes two digits and labels ten new ones
        List<io.neuronlab.app.samples.DigitSampleEntity> rows = database.samples().samples().all();
        database.samples().samples().delete(rows.get(0).id);
        database.samples().samples().delete(rows.get(1).id);
        List<io.neuronlab.app.samples.DigitSampleEntity> later = StoredSamples.store(database, 1, -1, 500);
        assertEquals(48, database.samples().samples().count());

        LabRunner second = runner();
        LabSettings pending = second.pendingSettings();
        assertEquals(settings, pending);
        assertEquals(LabSettings.Data.MY_SAMPLES, pending.data);
        assertTrue(second.start(pending));
        waitFor("the resumed run to end", () -> now(second) != null && now(second).isDone());
        LabProgress end = now(second);
        assertEquals(LabProgress.Status.FINISHED, end.status);
        assertEquals("continued after the saved epochs", savedEpochs, end.resumedAfterEpoch);
        assertEquals(20 * 15, end.batchLoss.length);
        waitFor("the outcome", () -> second.result().getValue() != null);
        LabRunner.Outcome outcome = second.result().getValue();
        assertEquals("tested on the snapshot's held-out digits", 10, outcome.test().size());
        for (int i = 0; i < outcome.test().size(); i++) {
            float[] image = outcome.test().example(i).data();
            assertTrue(StoredSamples.isOneOf(image, stored));
            assertFalse("no digit labelled after the start", StoredSamples.isOneOf(image, later));
        }
        assertEquals("MY_SAMPLES", database.get().trainingRuns().latest(1).get(0).dataset);
        assertFalse(checkpoint.exists());
        assertFalse(snapshot.exists());
    }
}
