package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.RadioButton;
import android.widget.RadioGroup;
import android.widget.TextView;
import io.neuronlab.app.R;
import java.util.List;

/** Pick B's shape; mllib adds it to A (2×3) by broadcasting, or says why it cannot. */
public final class BroadcastWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_broadcast_title);
        RadioGroup shapes = new RadioGroup(context);
        shapes.setOrientation(RadioGroup.HORIZONTAL);
        TextView out = WidgetViews.mono(context);
        out.setTag("broadcast_out");
        List<BroadcastDemo.Choice> choices = BroadcastDemo.choices();
        for (int i = 0; i < choices.size(); i++) {
            BroadcastDemo.Choice choice = choices.get(i);
            RadioButton button = new RadioButton(context);
            button.setId(View.generateViewId());
            button.setText(choice.label());
            button.setTag("broadcast_" + i);
            button.setContentDescription(context.getString(R.string.widget_broadcast_shape, choice.label()));
            button.setOnClickListener(v -> show(context, out, choice));
            shapes.addView(button);
        }
        card.addView(shapes);
        card.addView(out);
        ((RadioButton) shapes.getChildAt(1)).setChecked(true);
        show(context, out, choices.get(1));
        return card;
    }

    private static void show(Context context, TextView out, BroadcastDemo.Choice choice) {
        BroadcastDemo.Outcome outcome = BroadcastDemo.add(choice.b());
        String text = "A " + TensorText.shape(BroadcastDemo.a()) + "\n" + TensorText.values(BroadcastDemo.a())
                + "\n\nB " + TensorText.shape(choice.b()) + "\n" + TensorText.values(choice.b()) + "\n\n"
                + (outcome.sum() != null
                ? "A + B " + TensorText.shape(outcome.sum()) + "\n" + TensorText.values(outcome.sum())
                : context.getString(R.string.widget_broadcast_error, outcome.error()));
        out.setText(text);
        out.setContentDescription(text);
    }
}
