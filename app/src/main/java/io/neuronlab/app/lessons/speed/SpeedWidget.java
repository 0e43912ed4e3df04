package io.neuronlab.app.lessons.speed;

import android.app.Activity;
import android.content.Context;
import android.view.View;
import android.widget.Button;
import android.widget.LinearLayout;
import android.widget.ProgressBar;
import android.widget.TextView;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.lessons.widgets.WidgetFactory;
import io.neuronlab.app.lessons.widgets.WidgetViews;
import java.util.ArrayList;
import java.util.List;

/**
 * Lesson 19's widget: times LeNet's convolutions in Java, TFLite CPU and TFLite GPU on this phone (off the main
 * thread, with a progress bar) and draws ms/image as bars, so learners see where the accelerator pays off.
 */
public final class SpeedWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.speed_open);
        TextView description = WidgetViews.text(context, 14);
        description.setText(R.string.speed_description);
        Button run = new Button(context);
        run.setId(R.id.speed_run);
        run.setText(R.string.speed_run);
        ProgressBar progress = new ProgressBar(context, null, android.R.attr.progressBarStyleHorizontal);
        progress.setId(R.id.speed_progress);
        progress.setMax(100);
        progress.setVisibility(View.GONE);
        EngineBarsView bars = new EngineBarsView(context);
        bars.setId(R.id.speed_bars);
        TextView details = WidgetViews.text(context, 14);
        details.setId(R.id.speed_details);
        card.addView(description);
        card.addView(run);
        card.addView(progress);
        card.addView(bars);
        card.addView(details);
        Activity activity = (Activity) context;
        run.setOnClickListener(v -> {
            run.setEnabled(false);
            progress.setProgress(0);
            progress.setVisibility(View.VISIBLE);
            details.setText(R.string.speed_running);
            NeuronLabApp.of(context).background().execute(() -> {
                List<EngineTimings.Result> results = EngineTimings.measure((finished, total) ->
                        activity.runOnUiThread(() -> progress.setProgress(100 * finished / total)));
                activity.runOnUiThread(() -> {
                    show(context, results, bars, details);
                    progress.setVisibility(View.GONE);
                    run.setEnabled(true);
                });
            });
        });
        return card;
    }

    private static void show(Context context, List<EngineTimings.Result> results, EngineBarsView bars, TextView details) {
        List<EngineBarsView.Bar> list = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (EngineTimings.Result r : results) {
            String label = context.getString(r.choice().labelId);
            list.add(new EngineBarsView.Bar(label, r.available() ? r.millisPerImage() : Double.NaN));
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(r.available()
                    ? label + ": " + context.getString(R.string.speed_ms_per_image, r.millisPerImage())
                    : context.getString(R.string.speed_unavailable, label) + " " + r.unavailableReason());
        }
        bars.setBars(list);
        details.setText(text);
    }
}
