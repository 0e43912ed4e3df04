package io.neuronlab.app.samples;

import android.content.Context;
import android.net.Uri;
import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import androidx.lifecycle.ViewModel;
import io.neuronlab.app.R;
import io.neuronlab.mllib.digits.DigitSampleFile;
import io.neuronlab.mllib.digits.LabelledDigit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * State of the Samples screen, kept across rotation: the user's samples (newest first) and the last thing to
 * tell the user (a toast, shown once). Delete, export and import run through {@link SampleStore} off the UI thread.
 */
public class SamplesViewModel extends ViewModel {
    private final Context app;
    private final SampleStore store;
    private final MutableLiveData<List<DigitSampleEntity>> samples = new MutableLiveData<>();
    private final MutableLiveData<String> message = new MutableLiveData<>();

    public SamplesViewModel(Context context) {
        this.app = context.getApplicationContext();
        this.store = new SampleStore(app);
    }

    public LiveData<List<DigitSampleEntity>> samples() {
        return samples;
    }

    /** A message for the user, or null once shown ({@link #messageShown()}). */
    public LiveData<String> message() {
        return message;
    }

    public void messageShown() {
        message.setValue(null);
    }

    public void reload() {
        store.all(samples::setValue);
    }

    public void delete(DigitSampleEntity row) {
        store.delete(row.id, this::reload);
    }

    /** Writes every sample to {@code uri} as a sample file (the format {@link DigitSampleFile} reads back). */
    public void exportTo(Uri uri) {
        if (uri == null) return;
        store.allAsDigits(digits -> store.run(() -> {
            String text;
            try (OutputStream out = app.getContentResolver().openOutputStream(uri, "wt")) {
                if (out == null) throw new IOException("cannot write " + uri);
                DigitSampleFile.write(digits, out);
                text = app.getResources().getQuantityString(R.plurals.samples_exported, digits.size(), digits.size());
            } catch (Exception e) {
                text = app.getString(R.string.samples_export_failed, e.getMessage());
            }
            String shown = text;
            store.onMain(() -> message.setValue(shown));
        }));
    }

    /** Adds the samples of the file at {@code uri}; a damaged file changes nothing and says why. */
    public void importFrom(Uri uri) {
        if (uri == null) return;
        store.run(() -> {
            try (InputStream in = app.getContentResolver().openInputStream(uri)) {
                if (in == null) throw new IOException("cannot read " + uri);
                List<LabelledDigit> digits = DigitSampleFile.read(in, String.valueOf(uri.getLastPathSegment()));
                store.addAll(digits, () -> {
                    message.setValue(app.getResources().getQuantityString(R.plurals.samples_imported,
                        digits.size(), digits.size()));
                    reload();
                });
            } catch (Exception e) {
                String text = app.getString(R.string.samples_import_failed, e.getMessage());
                store.onMain(() -> message.setValue(text));
            }
        });
    }
}
