package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.content.ContextWrapper;
import androidx.lifecycle.LifecycleOwner;
import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import androidx.lifecycle.ViewModel;
import androidx.lifecycle.ViewModelStoreOwner;
import io.neuronlab.app.ViewModels;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The state of a lesson's widgets that must outlive a rotation: background jobs (a training) with their latest
 * result, and the controls' positions. One per lesson screen; when the lesson closes ({@link #onCleared}) every
 * job still running is stopped. Widgets find it through their context ({@link #of}).
 *
 * <p>Threads: {@link #start}, {@link #stop} and the controls' values are for the main thread; a job runs on a
 * thread of its own and hands results to {@code publish}, which posts them to the main thread's LiveData.
 */
public final class WidgetJobs extends ViewModel {
    /** Work that runs off the main thread, e.g. a training. */
    public interface Job<T> {
        /** Does the work on a background thread, publishing every new state (the last one stays). */
        void run(Consumer<T> publish);

        /** Asks {@link #run} to end soon; called from the main thread. */
        void stop();
    }

    private final Map<String, MutableLiveData<Object>> states = new ConcurrentHashMap<>();
    private final Map<String, Job<?>> running = new ConcurrentHashMap<>();
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "lesson-widget");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1); // the screen stays smooth while a network trains
        return t;
    });

    /** The lesson screen's instance ({@code context} is the screen or wraps it). */
    public static WidgetJobs of(Context context) {
        return ViewModels.get(find(context, ViewModelStoreOwner.class), WidgetJobs.class, WidgetJobs::new);
    }

    /** The screen, to observe a job's state for as long as it shows. */
    public static LifecycleOwner lifecycle(Context context) {
        return find(context, LifecycleOwner.class);
    }

    private static <T> T find(Context context, Class<T> type) {
        Context c = context;
        while (c != null) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            c = c instanceof ContextWrapper ? ((ContextWrapper) c).getBaseContext() : null;
        }
        throw new IllegalArgumentException("a lesson widget needs a screen (" + type.getSimpleName()
                + ") as its context, got " + context);
    }

    /** The latest state published by the job under {@code key} (null before the first). */
    @SuppressWarnings("unchecked")
    public <T> LiveData<T> state(String key) {
        return (LiveData<T>) live(key);
    }

    /** Stops the job under {@code key} (if any) and starts {@code job} in its place. */
    public <T> void start(String key, Job<T> job) {
        stop(key);
        running.put(key, job);
        MutableLiveData<Object> state = live(key);
        threads.execute(() -> {
            try {
                job.run(state::postValue);
            } finally {
                running.remove(key, job);
            }
        });
    }

    /** Asks the job under {@code key} to stop; its last state stays. */
    public void stop(String key) {
        Job<?> job = running.remove(key);
        if (job != null) {
            job.stop();
        }
    }

    /** Whether the job under {@code key} is still running. */
    public boolean isRunning(String key) {
        return running.containsKey(key);
    }

    /** A control's remembered position, or {@code fallback}. */
    public double value(String key, double fallback) {
        Double v = values.get(key);
        return v != null ? v : fallback;
    }

    public void remember(String key, double value) {
        values.put(key, value);
    }

    private MutableLiveData<Object> live(String key) {
        return states.computeIfAbsent(key, k -> new MutableLiveData<>());
    }

    /** The lesson closed: nothing keeps training for a screen that is gone. */
    @Override
    protected void onCleared() {
        for (String key : running.keySet()) {
            stop(key);
        }
        threads.shutdown();
    }
}
