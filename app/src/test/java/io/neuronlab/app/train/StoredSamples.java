package io.neuronlab.app.train;

import android.content.Context;
import androidx.test.core.app.ApplicationProvider;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.samples.DigitSampleEntity;
import io.neuronlab.mllib.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts labelled digits into the test's samples database as the Draw screen's right/wrong buttons do: real
 * handwritten digits (the bundled slice's test part, {@code offset} images in), {@code perDigit} of each digit
 * except {@code skipDigit}.
 */
final class StoredSamples {
    private StoredSamples() {
    }

    static List<DigitSampleEntity> store(InMemoryDatabase database, int perDigit, int skipDigit, int offset)
            throws Exception {
        Context context = ApplicationProvider.getApplicationContext();
        Dataset test = LabData.slice(context).test();
        int[] taken = new int[10];
        List<DigitSampleEntity> rows = new ArrayList<>();
        for (int i = offset; i < test.size(); i++) {
            int d = test.label(i);
            if (d != skipDigit && taken[d]++ < perDigit) {
                DigitSampleEntity e = new DigitSampleEntity();
                e.label = d;
                e.predicted = d;
                e.createdAtMillis = 1000L + i;
                float[] p = test.example(i).data();
                e.pixels = new byte[784];
                for (int k = 0; k < 784; k++) {
                    e.pixels[k] = (byte) Math.round(p[k] * 255);
                }
                rows.add(e);
            }
        }
        database.samples().samples().insertAll(rows);
        return rows;
    }

    /** Whether {@code image} (28×28, 0..1) is the pixels of one of {@code rows}. */
    static boolean isOneOf(float[] image, List<DigitSampleEntity> rows) {
        for (DigitSampleEntity row : rows) {
            boolean same = true;
            for (int k = 0; k < 784 && same; k++) {
                same = Math.abs((row.pixels[k] & 0xff) / 255f - image[k]) < 1e-6f;
            }
            if (same) {
                return true;
            }
        }
        return false;
    }
}
