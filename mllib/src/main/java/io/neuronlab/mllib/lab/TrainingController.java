package io.neuronlab.mllib.lab;

import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Optimizer;
import io.neuronlab.mllib.optim.Optimizers;
import io.neuronlab.mllib.train.BatchEvent;
import io.neuronlab.mllib.train.CancelToken;
import io.neuronlab.mllib.train.EpochEvent;
import io.neuronlab.mllib.train.StopReason;
import io.neuronlab.mllib.train.Trainer;
import io.neuronlab.mllib.train.TrainingException;
import io.neuronlab.mllib.train.TrainingListener;
import io.neuronlab.mllib.train.TrainingResult;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs one lab training — the one controller every screen that trains uses. {@link #run()} trains on the calling
 * (background) thread; any thread may {@link #pause()}, {@link #resume()} or {@link #stop()} it and read
 * {@link #progress()} (an immutable snapshot, also pushed to listeners after every batch and epoch).
 *
 * <p>Checkpoints: after every epoch the network, the settings and the curves so far are saved atomically to the
 * checkpoint file. If the process dies, a new controller on the same file continues after the last saved epoch
 * ({@link #pendingSettings(File)} tells a screen that one is waiting). The optimizer's state (momentum, Adam's
 * moments) is not saved: a resumed run restarts it, which costs a few batches of slightly larger steps. The file
 * is deleted when the run ends normally, is stopped or diverges.
 *
 * <p>A loss that becomes NaN or infinite ends the run as {@link LabProgress.Status#DIVERGED} with the network back
 * at its last good epoch, and the progress says where (for the screen to explain) — it never throws. A loss that
 * explodes but stays a number, or an accuracy stuck at chance, does not end the run (the user watches it fail and
 * may stop it): every progress carries the {@link NotLearning} verdict for the screen to explain.
 *
 * <p>Data other than the bundled slice (the user's samples) is named by a data id kept in the checkpoint: a
 * checkpoint is only resumed on data with the same id.
 */
public final class TrainingController {
    /** Receives every new progress snapshot, on the training thread. */
    public interface Listener {
        void onProgress(LabProgress progress);
    }

    private static final String KEY_EPOCHS_DONE = "lab epochs done";
    private static final String KEY_LOSS = "lab batch loss";
    private static final String KEY_TRAIN_ACC = "lab train accuracy";
    private static final String KEY_TEST_ACC = "lab test accuracy";
    private static final String KEY_DATA = "lab data";
    private static final int FILTERS = 8;

    private final LabSettings settings;
    private final Dataset train;
    private final Dataset test;
    private final File checkpoint;
    private final String dataId;
    private final ModelSerializer serializer = new ModelSerializer();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final CancelToken cancel = new CancelToken();
    private final Object pauseLock = new Object();
    private final Sequential model;
    private boolean paused; // guarded by pauseLock
    private volatile LabProgress progress;
    private volatile LabResult result;

    // the curves, written by the training thread only
    private float[] batchLoss = new float[0];
    private int lossCount;
    private float[] trainAccuracy = new float[0];
    private float[] testAccuracy = new float[0];
    private int epochsBefore;
    private long activeNanos;
    private long lastBatchNanos;
    private int batchesTimed;
    private NotLearning notLearning;

    /**
     * @param train      training images; the first {@code settings.trainImages} are used
     * @param test       held-out images, evaluated after every epoch
     * @param checkpoint where to keep the run between epochs (null: no checkpoints)
     */
    public TrainingController(LabSettings settings, Dataset train, Dataset test, File checkpoint) {
        this(settings, train, test, checkpoint, null);
    }

    /**
     * @param dataId what the data is, kept in the checkpoint and compared on resumption (null: the bundled slice,
     *               which the settings name)
     */
    public TrainingController(LabSettings settings, Dataset train, Dataset test, File checkpoint, String dataId) {
        if (settings.trainImages > train.size()) {
            throw new IllegalArgumentException("the settings ask for " + settings.trainImages
                + " training images, the data has " + train.size());
        }
        this.settings = settings;
        this.train = train.subset(0, settings.trainImages);
        this.test = test;
        this.checkpoint = checkpoint;
        this.dataId = dataId;
        this.model = LabNetworks.build(settings);
        this.progress = LabProgress.ready(settings, test.size());
    }

    public LabSettings settings() {
        return settings;
    }

    /** The network being trained (read it only when the run is done or paused). */
    public Sequential model() {
        return model;
    }

    public LabProgress progress() {
        return progress;
    }

    /** The confusion matrix and mistakes on the test images, once the run has finished or been stopped. */
    public LabResult result() {
        return result;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Holds training after the batch in progress until {@link #resume()} or {@link #stop()}. */
    public void pause() {
        synchronized (pauseLock) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    /** Ends the run after the batch in progress (also when paused). */
    public void stop() {
        cancel.cancel();
        resume();
    }

    public boolean isPaused() {
        synchronized (pauseLock) {
            return paused;
        }
    }

    /** The settings of a run waiting in {@code checkpoint} to be resumed, or null if there is none (or it is damaged). */
    public static LabSettings pendingSettings(File checkpoint) {
        if (checkpoint == null || !checkpoint.isFile()) {
            return null;
        }
        try {
            return LabSettings.fromMap(ModelFile.read(checkpoint).metadata().extra());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Trains to the end, a stop, or a divergence, on the calling thread; then evaluates the test images. Returns
     * the last progress. Continues a checkpoint of the same settings if there is one.
     */
    public LabProgress run() {
        Trainer trainer;
        try {
            int remaining = settings.epochs - restoreCheckpoint();
            Optimizer optimizer = Optimizers.byName(settings.optimizer)
                .create(model.parameters().values(), settings.learningRate).withWeightDecay(settings.weightDecay);
            DataLoader loader = new DataLoader(train, settings.batchSize).shuffle(settings.seed + epochsBefore);
            if (remaining > 0) {
                trainer = new Trainer(model, new SoftmaxCrossEntropy(), optimizer).epochs(remaining).testSet(test);
                trainer.addListener(new Recorder());
                publish(LabProgress.Status.RUNNING, epochsBefore + 1, 0, loader.numBatches(), 0, 0, Float.NaN, null);
                lastBatchNanos = System.nanoTime();
                TrainingResult r = trainer.fit(loader, cancel);
                if (r.stopReason() == StopReason.CANCELLED) {
                    result = LabResult.evaluate(model, test);
                    deleteCheckpoint();
                    return publish(LabProgress.Status.STOPPED, progress.epoch, progress.batch, progress.batches,
                        0, 0, Float.NaN, null);
                }
            }
            result = LabResult.evaluate(model, test);
            deleteCheckpoint();
            return publish(LabProgress.Status.FINISHED, settings.epochs, progress.batches, progress.batches, 0, 0,
                Float.NaN, null);
        } catch (TrainingException e) {
            deleteCheckpoint();
            float loss = lossCount > 0 ? batchLoss[lossCount - 1] : Float.NaN;
            return publish(LabProgress.Status.DIVERGED, epochsBefore + e.epoch(), e.batch(), progress.batches, 0, 0,
                Float.isFinite(loss) ? Float.NaN : loss, e.getMessage());
        } catch (RuntimeException | IOException e) {
            return publish(LabProgress.Status.FAILED, progress.epoch, progress.batch, progress.batches, 0, 0,
                Float.NaN, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Loads a checkpoint of the same settings (weights + curves); returns the epochs it holds. */
    private int restoreCheckpoint() throws IOException {
        if (checkpoint == null || !checkpoint.isFile()) {
            return 0;
        }
        TrainingMetadata m;
        try {
            ModelFile file = ModelFile.read(checkpoint);
            m = file.metadata();
            if (!settings.equals(LabSettings.fromMap(m.extra()))
                || !java.util.Objects.equals(dataId, m.extra().get(KEY_DATA))) {
                return 0; // another run's checkpoint: this run starts fresh and replaces it
            }
            serializer.loadInto(model, file, checkpoint.getPath());
        } catch (IOException | IllegalArgumentException e) {
            return 0; // damaged: start fresh (the file is replaced after the first epoch)
        }
        Map<String, String> extra = m.extra();
        epochsBefore = Integer.parseInt(extra.get(KEY_EPOCHS_DONE));
        batchLoss = floats(extra.get(KEY_LOSS));
        lossCount = batchLoss.length;
        trainAccuracy = floats(extra.get(KEY_TRAIN_ACC));
        testAccuracy = floats(extra.get(KEY_TEST_ACC));
        notLearning = NotLearning.replay(batchLoss, lossCount, testAccuracy, test.numClasses());
        return epochsBefore;
    }

    private void saveCheckpoint() throws IOException {
        if (checkpoint == null) {
            return;
        }
        Map<String, String> extra = new LinkedHashMap<>(settings.toMap());
        extra.put(KEY_EPOCHS_DONE, Integer.toString(trainAccuracy.length));
        extra.put(KEY_LOSS, text(Arrays.copyOf(batchLoss, lossCount)));
        extra.put(KEY_TRAIN_ACC, text(trainAccuracy));
        extra.put(KEY_TEST_ACC, text(testAccuracy));
        if (dataId != null) {
            extra.put(KEY_DATA, dataId);
        }
        float acc = testAccuracy.length == 0 ? Float.NaN : testAccuracy[testAccuracy.length - 1];
        serializer.save(model, new TrainingMetadata(settings.data.description, trainAccuracy.length, acc, settings.seed,
            "lab " + settings.summary(), extra), checkpoint);
    }

    private void deleteCheckpoint() {
        if (checkpoint != null && checkpoint.isFile() && !checkpoint.delete()) {
            checkpoint.deleteOnExit();
        }
    }

    /** Turns the trainer's events into curves and snapshots, and holds the thread while paused. */
    private final class Recorder implements TrainingListener {
        @Override
        public void onBatchEnd(BatchEvent e) {
            long now = System.nanoTime();
            activeNanos += now - lastBatchNanos;
            batchesTimed++;
            if (lossCount == batchLoss.length) {
                batchLoss = Arrays.copyOf(batchLoss, Math.max(64, lossCount * 2));
            }
            batchLoss[lossCount++] = e.loss();
            notLearning = NotLearning.afterBatch(notLearning, batchLoss, lossCount);
            double secondsPerBatch = activeNanos / 1e9 / batchesTimed;
            long batchesLeft = (long) (e.epochs() - e.epoch()) * e.batches() + (e.batches() - e.batch());
            publish(LabProgress.Status.RUNNING, epochsBefore + e.epoch(), e.batch(), e.batches(),
                settings.batchSize / secondsPerBatch, secondsPerBatch * batchesLeft, Float.NaN, null);
            waitWhilePaused(e);
            lastBatchNanos = System.nanoTime(); // paused time is not training time
        }

        @Override
        public void onEpochEnd(EpochEvent e) {
            trainAccuracy = append(trainAccuracy, (float) e.trainAccuracy());
            testAccuracy = append(testAccuracy, (float) e.testAccuracy());
            notLearning = NotLearning.afterEpoch(notLearning, (float) e.testAccuracy(), lossCount, test.numClasses(),
                batchLoss[0]);
            try {
                saveCheckpoint();
            } catch (IOException ex) {
                // the previous epoch's file stays intact (atomic save); training goes on
            }
            publish(progress.status, epochsBefore + e.epoch(), progress.batch, progress.batches,
                progress.imagesPerSecond, e.etaSeconds(), Float.NaN, null);
        }

        private void waitWhilePaused(BatchEvent e) {
            synchronized (pauseLock) {
                if (!paused || cancel.isCancelled()) {
                    return;
                }
                publish(LabProgress.Status.PAUSED, progress.epoch, progress.batch, progress.batches,
                    progress.imagesPerSecond, progress.secondsLeft, Float.NaN, null);
                while (paused && !cancel.isCancelled()) {
                    try {
                        pauseLock.wait();
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        cancel.cancel();
                        return;
                    }
                }
            }
            publish(LabProgress.Status.RUNNING, progress.epoch, progress.batch, progress.batches,
                progress.imagesPerSecond, progress.secondsLeft, Float.NaN, null);
        }
    }

    private LabProgress publish(LabProgress.Status status, int epoch, int batch, int batches, double imagesPerSecond,
                                double secondsLeft, float divergedLoss, String failure) {
        LabProgress p = new LabProgress(status, epoch, settings.epochs, batch, batches,
            Arrays.copyOf(batchLoss, lossCount), trainAccuracy, testAccuracy, imagesPerSecond, secondsLeft,
            settings.learningRate, LabNetworks.firstLayerFilters(model, FILTERS), epochsBefore, divergedLoss, failure,
            notLearning, test.size());
        progress = p;
        for (Listener l : listeners) {
            l.onProgress(p);
        }
        return p;
    }

    private static float[] append(float[] values, float value) {
        float[] more = Arrays.copyOf(values, values.length + 1);
        more[values.length] = value;
        return more;
    }

    private static String text(float[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT, "%.6g", values[i]));
        }
        return sb.toString();
    }

    private static float[] floats(String text) {
        if (text == null || text.isEmpty()) {
            return new float[0];
        }
        String[] parts = text.split(",");
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Float.parseFloat(parts[i]);
        }
        return values;
    }
}
