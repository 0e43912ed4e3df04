package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;
import io.neuronlab.app.chart.ChartView;
import io.neuronlab.app.chart.Series;
import java.util.Collections;
import java.util.Locale;

/**
 * Lesson 11: pick an activation, an initialiser and a layer; the histogram of that layer's activations (computed by
 * mllib for 1,000 random inputs) and a table of every layer's spread.
 */
public final class InitHistogramWidget implements WidgetFactory {
    static final String KEY = "init_histogram";
    /** One line of the table: layer, mean, std, the share at the ends (sigmoid) or of zeros (ReLU). */
    private static final String ROW = "%-6s%-9s%-9s%s";

    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_init_title);
        WidgetJobs jobs = WidgetJobs.of(context);
        ChartView chart = new ChartView(context);
        chart.setTag(KEY + "_chart");
        chart.setAxisTitles(context.getString(R.string.widget_init_activation_value),
                context.getString(R.string.widget_init_count));
        TextView table = WidgetViews.mono(context);
        table.setTag(KEY + "_table");
        int[] chosen = new int[3]; // activation, initialiser, layer
        boolean[] ready = {false};
        // the last computed choice: picking another layer needs no new forward pass
        int[] cachedFor = {-1, -1};
        InitHistogramDemo.LayerStats[][] cache = new InitHistogramDemo.LayerStats[1][];
        Runnable refresh = () -> {
            if (!ready[0]) {
                return;
            }
            if (cachedFor[0] != chosen[0] || cachedFor[1] != chosen[1]) {
                cache[0] = InitHistogramDemo.layers(chosen[0], chosen[1]);
                cachedFor[0] = chosen[0];
                cachedFor[1] = chosen[1];
            }
            InitHistogramDemo.LayerStats[] layers = cache[0];
            InitHistogramDemo.LayerStats shown = layers[chosen[2]];
            String label = context.getString(R.string.widget_init_layer_label, chosen[2] + 1,
                    InitHistogramDemo.ACTIVATIONS[chosen[0]], InitHistogramDemo.INITS[chosen[1]]);
            chart.setXRange(0f, InitHistogramDemo.high(chosen[0]));
            chart.setSeries(Collections.singletonList(
                    new Series(label, shown.binCentres(), shown.counts(), ChartView.palette(context)[chosen[1]]).bars()));
            boolean relu = chosen[0] == InitHistogramDemo.RELU;
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, ROW,
                    context.getString(R.string.widget_init_column_layer), context.getString(R.string.widget_init_column_mean),
                    context.getString(R.string.widget_init_column_std), context.getString(relu
                            ? R.string.widget_init_column_zeros : R.string.widget_init_column_saturated)));
            for (int l = 0; l < layers.length; l++) {
                text.append('\n').append(String.format(Locale.ROOT, ROW, Integer.toString(l + 1),
                        WidgetViews.number(layers[l].mean()), WidgetViews.number(layers[l].std()),
                        String.format(Locale.ROOT, "%.1f %%", 100 * (relu ? layers[l].zeros() : layers[l].saturated()))));
            }
            WidgetViews.show(table, text);
        };
        String[] layerLabels = new String[InitHistogramDemo.LAYERS];
        for (int l = 0; l < layerLabels.length; l++) {
            layerLabels[l] = Integer.toString(l + 1);
        }
        RememberedChoices.add(card, jobs, KEY + "_activation", R.string.widget_init_activation,
                InitHistogramDemo.ACTIVATIONS, InitHistogramDemo.SIGMOID, i -> {
                    chosen[0] = i;
                    refresh.run();
                });
        RememberedChoices.add(card, jobs, KEY + "_init", R.string.widget_init_initialiser, InitHistogramDemo.INITS, 0,
                i -> {
                    chosen[1] = i;
                    refresh.run();
                });
        RememberedChoices.add(card, jobs, KEY + "_layer", R.string.widget_init_layer, layerLabels, 0, i -> {
            chosen[2] = i;
            refresh.run();
        });
        card.addView(chart);
        card.addView(table);
        ready[0] = true;
        refresh.run();
        return card;
    }
}
