package io.neuronlab.app.models;

import android.content.ClipData;
import android.content.Context;
import android.content.Intent;
import android.database.Cursor;
import android.net.Uri;
import android.os.Bundle;
import android.provider.DocumentsContract;
import android.provider.OpenableColumns;
import android.view.LayoutInflater;
import android.view.View;
import android.view.ViewGroup;
import android.widget.Button;
import android.widget.LinearLayout;
import android.widget.TextView;
import androidx.activity.result.ActivityResultLauncher;
import androidx.activity.result.contract.ActivityResultContracts;
import androidx.appcompat.app.AlertDialog;
import androidx.core.content.FileProvider;
import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.ViewModels;
import io.neuronlab.app.draw.DigitNetwork;
import java.io.File;
import java.io.OutputStream;
import java.util.List;

/**
 * The user's models: every lab run's model, fine-tuned and imported ones, and the built-in one. Each can be made
 * the recogniser's model (Draw, Camera), exported — shared or saved as {@code .nlmf} or {@code .tflite} — and
 * deleted; model files can be imported, and two models compared. State lives in {@link ModelsViewModel}.
 */
public class ModelsActivity extends FeatureActivity {
    /** The FileProvider that hands shared exports to other apps (AndroidManifest.xml, res/xml/model_exports.xml). */
    public static final String EXPORTS_AUTHORITY = "io.neuronlab.app.exports";

    private ModelsViewModel model;
    private LinearLayout list;
    private TextView message;

    private final ActivityResultLauncher<String[]> openDocument =
            registerForActivityResult(new ActivityResultContracts.OpenDocument(), this::onPicked);
    private final ActivityResultLauncher<String> createDocument =
            registerForActivityResult(new ActivityResultContracts.CreateDocument(ExportFormat.MIME_TYPE), this::onSaveAt);

    public ModelsActivity() {
        super(R.layout.activity_models, R.string.models_title);
    }

    /** The catalog every model screen reads: the library in app storage and the shipped asset. */
    public static ModelCatalog catalog(Context context) {
        Context app = context.getApplicationContext();
        return new ModelCatalog(new ModelLibrary(DigitNetwork.modelsDir(app)), () -> app.getAssets().open(DigitNetwork.ASSET));
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        NeuronLabApp app = NeuronLabApp.of(this);
        File shareDir = new File(getCacheDir(), "exports");
        model = ViewModels.get(this, ModelsViewModel.class,
                () -> new ModelsViewModel(catalog(this), app.background(), shareDir));
        list = findViewById(R.id.models_list);
        message = findViewById(R.id.models_message);
        findViewById(R.id.models_import).setOnClickListener(v -> openDocument.launch(new String[] {"*/*"}));
        findViewById(R.id.models_compare).setOnClickListener(v -> startActivity(new Intent(this, CompareActivity.class)));
        model.entries().observe(this, this::showEntries);
        model.message().observe(this, m -> {
            if (m != null) {
                message.setVisibility(View.VISIBLE);
                message.setText(getString(m.textId(), m.args()));
            }
        });
        model.export().observe(this, this::onExportReady);
    }

    private void showEntries(List<ModelEntry> entries) {
        list.removeAllViews();
        LayoutInflater inflater = LayoutInflater.from(this);
        boolean otherInUse = false;
        for (ModelEntry e : entries) {
            otherInUse |= e.inUse() && !e.builtIn();
        }
        for (ModelEntry e : entries) {
            View row = inflater.inflate(R.layout.item_model, list, false);
            row.setTag(e.builtIn() ? "built-in" : e.fileName());
            String title = ModelText.title(this, e);
            ((TextView) row.findViewById(R.id.model_title)).setText(title);
            ((TextView) row.findViewById(R.id.model_details)).setText(ModelText.details(this, e));
            row.findViewById(R.id.model_in_use).setVisibility(e.inUse() ? View.VISIBLE : View.GONE);
            Button use = row.findViewById(R.id.model_use);
            // the built-in model's button is fine-tuning's "restore the original": one tap back
            use.setText(e.builtIn() && otherInUse ? R.string.tune_restore : R.string.models_use);
            use.setEnabled(!e.inUse() && e.damage() == null);
            use.setOnClickListener(v -> model.use(e));
            Button export = row.findViewById(R.id.model_export);
            export.setEnabled(e.damage() == null);
            export.setOnClickListener(v -> chooseExport(e));
            Button delete = row.findViewById(R.id.model_delete);
            delete.setVisibility(e.builtIn() ? View.GONE : View.VISIBLE);
            delete.setOnClickListener(v -> confirmDelete(e));
            // every row has the same three buttons: a screen reader also says which model each one acts on
            for (Button b : new Button[] {use, export, delete}) {
                b.setContentDescription(getString(R.string.models_action_on, b.getText(), title));
            }
            list.addView(row);
        }
    }

    private void chooseExport(ModelEntry e) {
        String[] choices = {getString(R.string.models_share_nlmf), getString(R.string.models_share_tflite),
            getString(R.string.models_save_nlmf), getString(R.string.models_save_tflite)};
        new AlertDialog.Builder(this)
                .setTitle(ModelText.title(this, e))
                .setItems(choices, (dialog, which) -> model.prepareExport(e,
                        which % 2 == 0 ? ExportFormat.NLMF : ExportFormat.TFLITE, which < 2))
                .setNegativeButton(android.R.string.cancel, null)
                .show();
    }

    private void confirmDelete(ModelEntry e) {
        new AlertDialog.Builder(this)
                .setTitle(R.string.models_delete_title)
                .setMessage(getString(R.string.models_delete_message, ModelText.title(this, e), e.fileName()))
                .setPositiveButton(R.string.models_delete, (dialog, which) -> model.delete(e))
                .setNegativeButton(android.R.string.cancel, null)
                .show();
    }

    private void onExportReady(ModelsViewModel.Export e) {
        if (e == null) {
            return;
        }
        model.exportHandled();
        if (e.share()) {
            Uri uri = FileProvider.getUriForFile(this, EXPORTS_AUTHORITY, e.file());
            Intent send = new Intent(Intent.ACTION_SEND)
                    .setType(ExportFormat.MIME_TYPE)
                    .putExtra(Intent.EXTRA_STREAM, uri)
                    .putExtra(Intent.EXTRA_TITLE, e.fileName())
                    .addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION);
            send.setClipData(ClipData.newRawUri(e.fileName(), uri)); // carries the read grant through the chooser
            startActivity(Intent.createChooser(send, getString(R.string.models_share_title, e.fileName())));
        } else {
            createDocument.launch(e.fileName());
        }
    }

    private void onSaveAt(Uri uri) {
        if (uri == null) {
            model.saveCancelled();
            return;
        }
        Context app = getApplicationContext();
        model.saveTo(new ModelsViewModel.Target() {
            @Override
            public OutputStream open() throws java.io.IOException {
                return app.getContentResolver().openOutputStream(uri, "wt");
            }

            @Override
            public void discard() {
                try {
                    DocumentsContract.deleteDocument(app.getContentResolver(), uri);
                } catch (Exception ignored) {
                    // not a document provider's file (or already gone): nothing more to clean up
                }
            }
        });
    }

    private void onPicked(Uri uri) {
        if (uri == null) {
            return;
        }
        Context app = getApplicationContext();
        model.importFrom(() -> {
            java.io.InputStream in = app.getContentResolver().openInputStream(uri);
            if (in == null) {
                throw new java.io.FileNotFoundException(String.valueOf(uri));
            }
            return in;
        }, () -> displayName(app, uri));
    }

    /** The picked document's name as the user sees it ("lenet.nlmf"). */
    private static String displayName(Context app, Uri uri) {
        try (Cursor c = app.getContentResolver().query(uri, new String[] {OpenableColumns.DISPLAY_NAME}, null, null, null)) {
            if (c != null && c.moveToFirst() && !c.isNull(0)) {
                return c.getString(0);
            }
        } catch (RuntimeException e) {
            // some providers answer no queries: fall back to the last part of the address
        }
        String last = uri.getLastPathSegment();
        return last == null ? "model" : last;
    }
}
