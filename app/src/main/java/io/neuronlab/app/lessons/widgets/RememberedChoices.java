package io.neuronlab.app.lessons.widgets;

import android.widget.LinearLayout;
import android.widget.RadioButton;
import android.widget.RadioGroup;
import android.widget.TextView;
import java.util.function.IntConsumer;

/** A titled row of choices whose position is kept in the lesson's {@link WidgetJobs}, so a rotation keeps it. */
final class RememberedChoices {
    private RememberedChoices() {
    }

    /** A titled row of choices; the remembered (else the default) one is checked and reported. */
    static void add(LinearLayout card, WidgetJobs jobs, String key, int titleId, String[] labels, int initial,
                    IntConsumer picked) {
        TextView title = WidgetViews.text(card.getContext(), 14);
        title.setText(titleId);
        card.addView(title);
        int remembered = (int) jobs.value(key, initial);
        RadioGroup group = WidgetViews.choices(card, labels, key + "_", i -> { });
        group.setContentDescription(card.getContext().getString(titleId));
        jobs.remember(key, remembered);
        ((RadioButton) group.getChildAt(remembered)).setChecked(true);
        picked.accept(remembered);
        for (int i = 0; i < labels.length; i++) {
            int index = i;
            group.getChildAt(i).setOnClickListener(v -> {
                jobs.remember(key, index);
                picked.accept(index);
            });
        }
    }
}
