package io.neuronlab.app.samples;

import android.net.Uri;
import android.os.Bundle;
import android.view.View;
import android.view.ViewGroup;
import android.widget.BaseAdapter;
import android.widget.GridView;
import android.widget.LinearLayout;
import android.widget.TextView;
import android.widget.Toast;

import androidx.activity.result.ActivityResultLauncher;
import androidx.activity.result.contract.ActivityResultContracts;
import androidx.appcompat.app.AlertDialog;

import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.R;
import io.neuronlab.app.draw.MnistInputView;
import io.neuronlab.mllib.digits.DigitSampleFile;
import io.neuronlab.mllib.digits.LabelledDigit;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** The user's labelled samples: a grid of 28×28 images with their labels; long-press deletes; export/import a file. */
public class SamplesActivity extends FeatureActivity {
    private final List<DigitSampleEntity> rows = new ArrayList<>();
    private SampleStore store;
    private Adapter adapter;
    private TextView count;

    private final ActivityResultLauncher<String> exportLauncher =
        registerForActivityResult(new ActivityResultContracts.CreateDocument("application/octet-stream"), this::exportTo);
    private final ActivityResultLauncher<String[]> importLauncher =
        registerForActivityResult(new ActivityResultContracts.OpenDocument(), this::importFrom);

    public SamplesActivity() {
        super(R.layout.activity_samples, R.string.samples_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        store = new SampleStore(this);
        count = findViewById(R.id.samples_count);
        GridView grid = findViewById(R.id.samples_grid);
        grid.setEmptyView(findViewById(R.id.samples_empty));
        adapter = new Adapter();
        grid.setAdapter(adapter);
        grid.setOnItemLongClickListener((parent, view, position, id) -> {
            confirmDelete(rows.get(position));
            return true;
        });
        findViewById(R.id.samples_export).setOnClickListener(v -> exportLauncher.launch("neuronlab-samples.nlds"));
        findViewById(R.id.samples_import).setOnClickListener(v -> importLauncher.launch(new String[] {"*/*"}));
    }

    @Override
    protected void onResume() {
        super.onResume();
        reload();
    }

    private void reload() {
        store.all(list -> {
            rows.clear();
            rows.addAll(list);
            count.setText(getResources().getQuantityString(R.plurals.samples_count, list.size(), list.size()));
            adapter.notifyDataSetChanged();
        });
    }

    private void confirmDelete(DigitSampleEntity row) {
        new AlertDialog.Builder(this)
            .setMessage(getString(R.string.samples_delete_question, row.label))
            .setPositiveButton(R.string.samples_delete, (d, w) -> store.delete(row.id, this::reload))
            .setNegativeButton(android.R.string.cancel, null)
            .show();
    }

    private void exportTo(Uri uri) {
        if (uri == null) return;
        store.allAsDigits(digits -> store.run(() -> {
            String message;
            try (OutputStream out = getContentResolver().openOutputStream(uri, "wt")) {
                if (out == null) throw new java.io.IOException("cannot write " + uri);
                DigitSampleFile.write(digits, out);
                message = getResources().getQuantityString(R.plurals.samples_exported, digits.size(), digits.size());
            } catch (Exception e) {
                message = getString(R.string.samples_export_failed, e.getMessage());
            }
            String shown = message;
            store.onMain(() -> Toast.makeText(this, shown, Toast.LENGTH_LONG).show());
        }));
    }

    private void importFrom(Uri uri) {
        if (uri == null) return;
        store.run(() -> {
            try (InputStream in = getContentResolver().openInputStream(uri)) {
                if (in == null) throw new java.io.IOException("cannot read " + uri);
                List<LabelledDigit> digits = DigitSampleFile.read(in, String.valueOf(uri.getLastPathSegment()));
                store.addAll(digits, () -> {
                    Toast.makeText(this, getResources().getQuantityString(R.plurals.samples_imported,
                        digits.size(), digits.size()), Toast.LENGTH_LONG).show();
                    reload();
                });
            } catch (Exception e) {
                String message = getString(R.string.samples_import_failed, e.getMessage());
                store.onMain(() -> Toast.makeText(this, message, Toast.LENGTH_LONG).show());
            }
        });
    }

    /** A cell: the 28×28 image and its label. */
    private final class Adapter extends BaseAdapter {
        @Override
        public int getCount() {
            return rows.size();
        }

        @Override
        public Object getItem(int position) {
            return rows.get(position);
        }

        @Override
        public long getItemId(int position) {
            return rows.get(position).id;
        }

        @Override
        public View getView(int position, View convertView, ViewGroup parent) {
            LinearLayout cell = (LinearLayout) convertView;
            if (cell == null) {
                cell = new LinearLayout(SamplesActivity.this);
                cell.setOrientation(LinearLayout.VERTICAL);
                cell.setPadding(8, 8, 8, 8);
                MnistInputView image = new MnistInputView(SamplesActivity.this);
                TextView label = new TextView(SamplesActivity.this);
                label.setTextAlignment(View.TEXT_ALIGNMENT_CENTER);
                cell.addView(image);
                cell.addView(label);
            }
            DigitSampleEntity row = rows.get(position);
            ((MnistInputView) cell.getChildAt(0)).setInput(SampleStore.toDigit(row).image());
            TextView label = (TextView) cell.getChildAt(1);
            label.setText(getString(R.string.samples_label, row.label));
            cell.setContentDescription(getString(R.string.samples_label, row.label));
            return cell;
        }
    }
}
