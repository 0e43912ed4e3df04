package io.neuronlab.app.train;

import android.app.Notification;
import android.app.NotificationChannel;
import android.app.NotificationManager;
import android.content.Context;
import android.content.pm.ServiceInfo;
import android.os.Build;
import androidx.annotation.NonNull;
import androidx.core.app.NotificationCompat;
import androidx.work.Data;
import androidx.work.ExistingWorkPolicy;
import androidx.work.ForegroundInfo;
import androidx.work.OneTimeWorkRequest;
import androidx.work.WorkManager;
import androidx.work.Worker;
import androidx.work.WorkerParameters;
import io.neuronlab.app.R;
import io.neuronlab.app.lessons.Languages;
import io.neuronlab.mllib.lab.LabProgress;
import io.neuronlab.mllib.lab.LabSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * WorkManager's worker for a lab run: runs {@link LabRunner#runBlocking} as foreground work with a progress
 * notification (and the same progress for WorkManager's observers, at most once a second), so the run goes on while
 * the app is in the background.
 */
public class LabWorker extends Worker {
    static final String WORK_NAME = "neuronlab-lab-run";
    static final String CHANNEL = "training";
    static final int NOTIFICATION_ID = 12;
    /** Keys of the progress this worker reports to WorkManager ({@code WorkInfo.getProgress()}). */
    static final String PROGRESS_EPOCH = "epoch";
    static final String PROGRESS_EPOCHS = "epochs";
    static final String PROGRESS_PERCENT = "percent";

    public LabWorker(@NonNull Context context, @NonNull WorkerParameters parameters) {
        super(context, parameters);
    }

    static void enqueue(Context context, LabSettings settings) {
        Map<String, Object> values = new HashMap<>(settings.toMap());
        OneTimeWorkRequest request = new OneTimeWorkRequest.Builder(LabWorker.class)
                .setInputData(new Data.Builder().putAll(values).build()).build();
        WorkManager.getInstance(context).enqueueUniqueWork(WORK_NAME, ExistingWorkPolicy.KEEP, request);
    }

    @NonNull
    @Override
    public Result doWork() {
        Map<String, String> map = new HashMap<>();
        for (Map.Entry<String, Object> e : getInputData().getKeyValueMap().entrySet()) {
            map.put(e.getKey(), String.valueOf(e.getValue()));
        }
        LabSettings settings = LabSettings.fromMap(map);
        long[] lastNotified = {0};
        try {
            setForegroundAsync(foregroundInfo(null));
        } catch (RuntimeException e) {
            // not allowed to start a foreground service now (Android 12+ from the background): train anyway
        }
        LabProgress end = LabRunner.get(getApplicationContext()).runBlocking(settings, p -> {
            long now = System.currentTimeMillis();
            if (now - lastNotified[0] > 1000) {
                lastNotified[0] = now;
                NotificationManager nm = getApplicationContext().getSystemService(NotificationManager.class);
                nm.notify(NOTIFICATION_ID, notification(p));
                setProgressAsync(progressData(p));
            }
        });
        return end.status == LabProgress.Status.FAILED ? Result.failure() : Result.success();
    }

    /** Where a run is, for WorkManager's observers: epoch, planned epochs, percent of the batches done. */
    static Data progressData(LabProgress p) {
        return new Data.Builder().putInt(PROGRESS_EPOCH, p.epoch).putInt(PROGRESS_EPOCHS, p.epochs)
                .putInt(PROGRESS_PERCENT, Math.round(100 * p.fractionDone())).build();
    }

    private ForegroundInfo foregroundInfo(LabProgress p) {
        if (Build.VERSION.SDK_INT >= 29) {
            return new ForegroundInfo(NOTIFICATION_ID, notification(p), ServiceInfo.FOREGROUND_SERVICE_TYPE_DATA_SYNC);
        }
        return new ForegroundInfo(NOTIFICATION_ID, notification(p));
    }

    private Notification notification(LabProgress p) {
        // the application context does not carry the in-app language below API 33; the screens' wrap does
        Context context = Languages.wrap(getApplicationContext());
        if (Build.VERSION.SDK_INT >= 26) {
            NotificationManager nm = context.getSystemService(NotificationManager.class);
            nm.createNotificationChannel(new NotificationChannel(CHANNEL,
                    context.getString(R.string.lab_notification_channel), NotificationManager.IMPORTANCE_LOW));
        }
        int percent = p == null ? 0 : Math.round(100 * p.fractionDone());
        return new NotificationCompat.Builder(context, CHANNEL)
                .setSmallIcon(R.drawable.ic_launcher)
                .setContentTitle(context.getString(R.string.lab_notification_title))
                .setContentText(p == null ? context.getString(R.string.lab_status_starting)
                        : context.getString(R.string.lab_notification_text, p.epoch, p.epochs, percent))
                .setProgress(100, percent, p == null)
                .setOngoing(true)
                .setOnlyAlertOnce(true)
                .build();
    }
}
