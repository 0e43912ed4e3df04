package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.app.R;
import io.neuronlab.app.draw.DigitNetwork;
import io.neuronlab.app.draw.FeatureMapsView;
import io.neuronlab.app.draw.MnistInputView;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lesson 17: the app's digit network (LeNet-style, the Draw screen's {@link DigitNetwork}) run on the learner's
 * drawing, layer by layer, on the background executor: every convolution's and pooling's feature maps in the
 * Draw screen's {@link FeatureMapsView}, then the fully connected layers' numbers and the probabilities.
 */
public final class CnnLayersWidget implements WidgetFactory {
    /** What the widget shows now (the card's {@code R.id.lesson_widget_state} tag; the tests read it). */
    public static final class State {
        private volatile GrayImage input;
        private volatile List<CnnLayersDemo.Stage> stages;

        public GrayImage input() {
            return input;
        }

        /** The stages on show for {@link #input}; null while they are computed. */
        public List<CnnLayersDemo.Stage> stages() {
            return stages;
        }
    }

    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_cnn_title);
        State state = new State();
        card.setTag(R.id.lesson_widget_state, state);
        AtomicInteger generation = new AtomicInteger();
        MnistInputView input = new MnistInputView(context);
        input.setTag("cnn_input");
        input.setContentDescription(context.getString(R.string.widget_cnn_input));
        TextView reading = WidgetViews.text(context, 16);
        reading.setTag("cnn_reading");
        LinearLayout top = new LinearLayout(context);
        int side = WidgetViews.dp(context, 84);
        LinearLayout.LayoutParams params = new LinearLayout.LayoutParams(side, side);
        params.rightMargin = WidgetViews.dp(context, 12);
        top.addView(input, params);
        top.addView(reading);
        FeatureMapsView maps = new FeatureMapsView(context);
        maps.setTag("cnn_maps");
        TextView dense = WidgetViews.mono(context);
        dense.setTag("cnn_dense");
        NeuronLabApp app = NeuronLabApp.of(context);
        DrawingPad.Listener show = image -> {
            int mine = generation.incrementAndGet();
            state.input = image;
            state.stages = null;
            input.setInput(image);
            WidgetViews.show(reading, context.getString(R.string.widget_cnn_computing));
            // the network loads and runs on the background executor, never on the UI thread
            app.background().execute(() -> {
                List<CnnLayersDemo.Stage> stages;
                try {
                    stages = CnnLayersDemo.stages(DigitNetwork.get(context).layerByLayer(image));
                } catch (RuntimeException e) {
                    String message = String.valueOf(e.getMessage());
                    reading.post(() -> WidgetViews.show(reading, message));
                    return;
                }
                reading.post(() -> {
                    if (mine != generation.get()) {
                        return; // a newer drawing is on its way
                    }
                    state.stages = stages;
                    show(context, stages, maps, dense, reading);
                });
            });
        };
        card.addView(top);
        new DrawingPad(card, "cnn_", false, ConvolutionDemo.seven(), show);
        card.addView(maps);
        card.addView(dense);
        show.picture(ConvolutionDemo.seven());
        return card;
    }

    private static void show(Context context, List<CnnLayersDemo.Stage> stages, FeatureMapsView maps, TextView dense,
                             TextView reading) {
        List<String> titles = new ArrayList<>();
        List<Tensor> values = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < stages.size(); i++) {
            CnnLayersDemo.Stage s = stages.get(i);
            Tensor t = s.output();
            if (s.maps()) {
                String title = context.getString(R.string.widget_cnn_maps, s.layers(), t.size(1), t.size(2), t.size(3));
                titles.add(title);
                values.add(t);
                description.append(title).append(". ");
            } else if (i < stages.size() - 1) {
                String line = context.getString(R.string.widget_cnn_vector, s.layers(), t.size(1),
                        CnnLayersDemo.active(t));
                text.append(line).append('\n');
            }
        }
        maps.setMaps(titles, values);
        maps.setContentDescription(description);
        float[] p = CnnLayersDemo.probabilities(stages);
        int best = 0;
        for (int d = 1; d < p.length; d++) {
            if (p[d] > p[best]) {
                best = d;
            }
        }
        text.append(context.getString(R.string.widget_cnn_output, stages.get(stages.size() - 1).layers()));
        for (int d = 0; d < p.length; d++) {
            text.append(String.format(Locale.ROOT, "\n%d: %5.1f %%", d, 100 * p[d]));
        }
        WidgetViews.show(dense, text);
        WidgetViews.show(reading, context.getString(R.string.widget_cnn_reads, best,
                String.format(Locale.ROOT, "%.1f", 100 * p[best])));
    }
}
