package io.neuronlab.app;

import android.os.Handler;
import android.os.Looper;

/** Hands results from background work to the main thread (at once when already on it). */
public final class MainThread {
    private static final Handler MAIN = new Handler(Looper.getMainLooper());

    private MainThread() {}

    public static void run(Runnable r) {
        if (Looper.myLooper() == Looper.getMainLooper()) r.run();
        else MAIN.post(r);
    }
}
