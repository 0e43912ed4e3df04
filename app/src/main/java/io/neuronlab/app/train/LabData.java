package io.neuronlab.app.train;

import android.content.Context;
import io.neuronlab.mllib.data.MnistSlice;
import java.io.IOException;
import java.io.InputStream;

/** The bundled MNIST slice (asset {@value #ASSET}, built at build time), read once per process. */
public final class LabData {
    public static final String ASSET = "datasets/mnist-slice.bin.gz";

    private static MnistSlice slice;

    private LabData() {
    }

    /** Reads and checks the asset on first use (about a second); call off the main thread. */
    public static synchronized MnistSlice slice(Context context) throws IOException {
        if (slice == null) {
            try (InputStream in = context.getAssets().open(ASSET)) {
                slice = MnistSlice.read(in, ASSET);
            }
        }
        return slice;
    }
}
