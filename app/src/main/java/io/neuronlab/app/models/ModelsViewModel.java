package io.neuronlab.app.models;

import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;
import androidx.lifecycle.ViewModel;
import io.neuronlab.app.R;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * State of the model list: the models (built-in + library), the one in use, and what the user did last (a
 * message). Choosing, deleting, importing and exporting run on the background executor; results come back as
 * LiveData. Exports are prepared in full before anything is shared or saved, so a model that cannot be exported
 * gets its message before a save dialog opens, and a saved document is never left half written.
 */
public class ModelsViewModel extends ViewModel {
    /** Where imported bytes come from (a document the user picked). */
    public interface Source {
        InputStream open() throws IOException;
    }

    /** A document the user chose in the save dialog: open it for writing, or throw it away after a failure. */
    public interface Target {
        OutputStream open() throws IOException;

        void discard();
    }

    /** A message for the screen: a string resource and its format arguments. */
    public record Message(int textId, Object... args) {
    }

    /**
     * An export ready to leave the app: for sharing, a file in the share directory; for saving, the bytes and the
     * suggested file name (written once the user picked the place).
     */
    public record Export(boolean share, String fileName, File file, byte[] bytes) {
    }

    private final ModelCatalog catalog;
    private final Executor background;
    private final SharedExports shared;
    private final MutableLiveData<List<ModelEntry>> entries = new MutableLiveData<>();
    private final MutableLiveData<Message> message = new MutableLiveData<>();
    private final MutableLiveData<Export> export = new MutableLiveData<>();
    private Export pendingSave; // main thread only: waits for the save dialog's answer

    public ModelsViewModel(ModelCatalog catalog, Executor background, File shareDir) {
        this(catalog, background, new SharedExports(shareDir, System::currentTimeMillis));
    }

    public ModelsViewModel(ModelCatalog catalog, Executor background, SharedExports shared) {
        this.catalog = catalog;
        this.background = background;
        this.shared = shared;
        background.execute(shared::deleteStale); // exports shared more than a day ago are no longer needed
        refresh();
    }

    public LiveData<List<ModelEntry>> entries() {
        return entries;
    }

    public LiveData<Message> message() {
        return message;
    }

    /** An export waiting for the screen to open the share sheet or the save dialog; null when none. */
    public LiveData<Export> export() {
        return export;
    }

    public void refresh() {
        background.execute(() -> entries.postValue(catalog.entries()));
    }

    /** Makes {@code entry} the recogniser's model; the built-in entry restores the original. */
    public void use(ModelEntry entry) {
        background.execute(() -> {
            try {
                if (entry.builtIn()) {
                    catalog.library().clearActive();
                    message.postValue(new Message(R.string.tune_restored));
                } else {
                    catalog.library().setActive(entry.fileName());
                    message.postValue(new Message(R.string.models_now_used, entry.fileName()));
                }
            } catch (IOException e) {
                message.postValue(new Message(R.string.models_failed, e.getMessage()));
            }
            entries.postValue(catalog.entries());
        });
    }

    /** Deletes a library model (the built-in one cannot be); if it was in use, the original is used again. */
    public void delete(ModelEntry entry) {
        if (entry.builtIn()) {
            return;
        }
        background.execute(() -> {
            try {
                boolean deleted = catalog.library().delete(entry.fileName());
                message.postValue(deleted ? new Message(R.string.models_deleted, entry.fileName())
                        : new Message(R.string.models_failed, entry.fileName()));
            } catch (IOException e) {
                message.postValue(new Message(R.string.models_failed, e.getMessage()));
            }
            entries.postValue(catalog.entries());
        });
    }

    /**
     * Checks and adds a model file the user picked; a damaged, truncated or foreign file is refused with the
     * reason and the library stays as it was.
     */
    public void importFrom(Source source, java.util.function.Supplier<String> nameOfDocument) {
        background.execute(() -> {
            String displayName = nameOfDocument.get(); // asks the document's provider: off the main thread too
            String name = catalog.library().importName(displayName);
            try (InputStream in = source.open()) {
                catalog.library().importModel(in, name);
                message.postValue(new Message(R.string.models_imported, displayName, name));
            } catch (IOException | RuntimeException e) {
                message.postValue(new Message(R.string.models_import_failed, displayName, String.valueOf(e.getMessage())));
            }
            entries.postValue(catalog.entries());
        });
    }

    /** Builds the export of {@code entry} in {@code format}; {@link #export()} then has it (or a message says why not). */
    public void prepareExport(ModelEntry entry, ExportFormat format, boolean share) {
        background.execute(() -> {
            String fileName = entry.exportBaseName() + format.extension;
            try {
                byte[] bytes = format.bytes(catalog, entry.fileName());
                File file = share ? shared.write(fileName, bytes) : null;
                export.postValue(new Export(share, fileName, file, bytes));
            } catch (ExportFormat.CannotExportException e) {
                message.postValue(new Message(R.string.models_tflite_unsupported, e.getMessage()));
            } catch (IOException | RuntimeException e) {
                message.postValue(new Message(R.string.models_export_failed, String.valueOf(e.getMessage())));
            }
        });
    }

    /** The screen took the export (opened the share sheet, or the save dialog whose answer comes to {@link #saveTo}). */
    public void exportHandled() {
        Export e = export.getValue();
        if (e != null && !e.share()) {
            pendingSave = e;
        }
        export.setValue(null);
    }

    /** The user closed the save dialog without choosing a place. */
    public void saveCancelled() {
        pendingSave = null;
    }

    /** Writes the prepared export into the document the user chose; a failed write removes the document. */
    public void saveTo(Target target) {
        Export e = pendingSave;
        pendingSave = null;
        if (e == null) {
            return;
        }
        background.execute(() -> {
            try (OutputStream out = target.open()) {
                if (out == null) {
                    throw new IOException("the document cannot be opened for writing");
                }
                out.write(e.bytes());
                out.flush();
                if (out instanceof FileOutputStream) {
                    ((FileOutputStream) out).getFD().sync();
                }
                message.postValue(new Message(R.string.models_saved, e.fileName(), e.bytes().length));
            } catch (IOException | RuntimeException failure) {
                target.discard();
                message.postValue(new Message(R.string.models_export_failed, String.valueOf(failure.getMessage())));
            }
        });
    }
}
