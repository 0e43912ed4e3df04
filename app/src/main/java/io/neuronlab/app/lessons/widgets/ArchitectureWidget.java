package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;
import io.neuronlab.mllib.models.Recipe;
import java.util.List;
import java.util.Locale;

/** Pick one of mllib's networks: its layers and parameter counts, built and counted by mllib. */
public final class ArchitectureWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_architecture_title);
        List<Recipe> networks = ArchitectureDemo.networks();
        String[] labels = new String[networks.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = networks.get(i).name();
        }
        TextView out = WidgetViews.mono(context);
        out.setTag("architecture_out");
        out.setTextSize(android.util.TypedValue.COMPLEX_UNIT_SP, 12);
        WidgetViews.choices(card, labels, "architecture_", i -> {
            Recipe recipe = networks.get(i);
            StringBuilder sb = new StringBuilder(recipe.description()).append('\n');
            for (ArchitectureDemo.LayerCount layer : ArchitectureDemo.layers(recipe)) {
                sb.append(String.format(Locale.ROOT, "%-10s %9s  %s\n", layer.name(),
                        String.format(Locale.ROOT, "%,d", layer.parameters()), layer.description()));
            }
            sb.append(context.getString(R.string.widget_architecture_total,
                    String.format(Locale.ROOT, "%,d", ArchitectureDemo.total(recipe))));
            WidgetViews.show(out, sb);
        });
        card.addView(out);
        return card;
    }
}
