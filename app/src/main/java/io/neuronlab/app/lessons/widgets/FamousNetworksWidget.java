package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;
import java.util.List;
import java.util.Locale;

/**
 * Lesson 18: pick LeNet, AlexNet, VGG-16, GoogLeNet or ResNet-18 — its diagram from its real layer structure, and
 * its parameters counted by mllib from the layer specs (nothing allocated), beside torchvision's count.
 */
public final class FamousNetworksWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_famous_title);
        List<FamousNetworksDemo.Network> networks = FamousNetworksDemo.networks();
        String[] labels = context.getResources().getStringArray(R.array.widget_famous_names);
        ArchitectureDiagram.Words words = new ArchitectureDiagram.Words(
                context.getString(R.string.widget_famous_conv), context.getString(R.string.widget_famous_max_pool),
                context.getString(R.string.widget_famous_avg_pool),
                context.getString(R.string.widget_famous_global_pool), context.getString(R.string.widget_famous_fc),
                context.getString(R.string.widget_famous_identity));
        TextView count = WidgetViews.text(context, 15);
        count.setTag("famous_count");
        ArchitectureDiagramView diagram = new ArchitectureDiagramView(context);
        diagram.setTag("famous_diagram");
        WidgetViews.choices(card, labels, "famous_", i -> {
            FamousNetworksDemo.Network network = networks.get(i);
            List<ArchitectureDiagram.Block> blocks = ArchitectureDiagram.of(network.spec(), words);
            String total = String.format(Locale.ROOT, "%,d", network.parameters());
            String text = network.torchvisionParameters() < 0
                    ? context.getString(R.string.widget_famous_count, total)
                    : context.getString(R.string.widget_famous_count_torchvision, total,
                            String.format(Locale.ROOT, "%,d", network.torchvisionParameters()));
            WidgetViews.show(count, text);
            StringBuilder description = new StringBuilder(context.getString(R.string.widget_famous_diagram,
                    labels[i], blocks.size()));
            for (ArchitectureDiagram.Block b : blocks) {
                description.append(' ').append(b.label()).append(';');
            }
            diagram.setBlocks(blocks, description.append(" ").append(text).toString());
        });
        card.addView(count);
        card.addView(diagram, new LinearLayout.LayoutParams(LinearLayout.LayoutParams.MATCH_PARENT,
                LinearLayout.LayoutParams.WRAP_CONTENT));
        return card;
    }
}
