package io.neuronlab.app.samples;

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
import io.neuronlab.app.ViewModels;
import io.neuronlab.app.draw.MnistInputView;

import java.util.ArrayList;
import java.util.List;

/** The user's labelled samples: a grid of 28×28 images with their labels; long-press deletes; export/import a file. */
public class SamplesActivity extends FeatureActivity {
    private final List<DigitSampleEntity> rows = new ArrayList<>();
    private SamplesViewModel state;
    private Adapter adapter;
    private TextView count;

    private final ActivityResultLauncher<String> exportLauncher =
        registerForActivityResult(new ActivityResultContracts.CreateDocument("application/octet-stream"), uri -> state.exportTo(uri));
    private final ActivityResultLauncher<String[]> importLauncher =
        registerForActivityResult(new ActivityResultContracts.OpenDocument(), uri -> state.importFrom(uri));

    public SamplesActivity() {
        super(R.layout.activity_samples, R.string.samples_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        state = ViewModels.get(this, SamplesViewModel.class, () -> new SamplesViewModel(this));
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
        state.samples().observe(this, list -> {
            rows.clear();
            rows.addAll(list);
            count.setText(getResources().getQuantityString(R.plurals.samples_count, list.size(), list.size()));
            adapter.notifyDataSetChanged();
        });
        state.message().observe(this, text -> {
            if (text == null) return;
            Toast.makeText(this, text, Toast.LENGTH_LONG).show();
            state.messageShown();
        });
    }

    @Override
    protected void onResume() {
        super.onResume();
        state.reload(); // samples may have been added on the Draw screen meanwhile
    }

    private void confirmDelete(DigitSampleEntity row) {
        new AlertDialog.Builder(this)
            .setMessage(getString(R.string.samples_delete_question, row.label))
            .setPositiveButton(R.string.samples_delete, (d, w) -> state.delete(row))
            .setNegativeButton(android.R.string.cancel, null)
            .show();
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
