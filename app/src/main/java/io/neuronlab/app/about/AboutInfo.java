package io.neuronlab.app.about;

import android.content.Context;
import android.os.Build;
import io.neuronlab.app.BuildConfig;
import java.io.IOException;
import java.io.InputStream;

/**
 * What the About screen shows: versions, SDK levels, the compute engine and the model in use.
 *
 * @param modelFile  name of the model under assets/models/, or null when there is none
 * @param modelBytes its size in bytes (0 when there is none)
 */
public record AboutInfo(String appVersion, String mllibVersion, String tfliteVersion, int minSdk, int targetSdk,
                        int deviceSdk, int cpuCores, String modelFile, long modelBytes) {
    /** Models bundled with the app live here; the first one is the one in use. */
    static final String MODELS_ASSET_DIR = "models";

    /** Reads assets: call off the main thread. */
    public static AboutInfo collect(Context context) throws IOException {
        String modelFile = null;
        long modelBytes = 0;
        String[] models = context.getAssets().list(MODELS_ASSET_DIR);
        if (models != null && models.length > 0) {
            java.util.Arrays.sort(models);
            modelFile = models[0];
            modelBytes = sizeOf(context, MODELS_ASSET_DIR + "/" + modelFile);
        }
        return new AboutInfo(BuildConfig.VERSION_NAME + " (" + BuildConfig.VERSION_CODE + ")",
                BuildConfig.MLLIB_VERSION, BuildConfig.TFLITE_VERSION, BuildConfig.MIN_SDK, BuildConfig.TARGET_SDK,
                Build.VERSION.SDK_INT, Runtime.getRuntime().availableProcessors(), modelFile, modelBytes);
    }

    private static long sizeOf(Context context, String asset) throws IOException {
        long total = 0;
        byte[] buffer = new byte[8192];
        try (InputStream in = context.getAssets().open(asset)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        }
        return total;
    }

    public boolean hasModel() {
        return modelFile != null;
    }
}
