package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;
import io.neuronlab.app.draw.MnistInputView;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.tensor.Tensor;
import java.util.Locale;

/**
 * A 3×3 kernel picked from the list, applied by mllib's Conv2d to a picture: the built-in 7 at first, then the
 * learner's own drawing on the pad below or a photo; input and output side by side.
 */
public final class ConvolutionWidget implements WidgetFactory {
    /** What the widget shows now (the card's {@code R.id.lesson_widget_state} tag; the tests read it). */
    public static final class State {
        private GrayImage input;
        private int kernel;
        private Tensor output;

        public GrayImage input() {
            return input;
        }

        public int kernel() {
            return kernel;
        }

        /** The raw Conv2d output {@code [1, 1, H, W]} for {@link #input} and {@link #kernel}. */
        public Tensor output() {
            return output;
        }
    }

    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_conv2d_title);
        State state = new State();
        state.input = ConvolutionDemo.seven();
        card.setTag(R.id.lesson_widget_state, state);
        LinearLayout images = new LinearLayout(context);
        MnistInputView input = new MnistInputView(context);
        MnistInputView output = new MnistInputView(context);
        input.setTag("conv2d_input");
        output.setTag("conv2d_image");
        int side = WidgetViews.dp(context, 120);
        LinearLayout.LayoutParams params = new LinearLayout.LayoutParams(side, side);
        params.rightMargin = WidgetViews.dp(context, 12);
        images.addView(input, params);
        images.addView(output, new LinearLayout.LayoutParams(side, side));
        TextView kernel = WidgetViews.mono(context);
        kernel.setTag("conv2d_kernel");
        String[] names = context.getResources().getStringArray(R.array.widget_conv2d_kernels);
        Runnable refresh = () -> {
            GrayImage in = state.input;
            state.output = ConvolutionDemo.apply(in, state.kernel);
            input.setInput(in);
            input.setContentDescription(context.getString(R.string.widget_conv2d_input, in.width(), in.height()));
            output.setInput(ConvolutionDemo.visible(state.output, in.width(), in.height()));
            output.setContentDescription(context.getString(R.string.widget_conv2d_output, names[state.kernel]));
        };
        WidgetViews.choices(card, names, "conv2d_", k -> {
            state.kernel = k;
            float[] w = ConvolutionDemo.KERNELS[k];
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                sb.append(String.format(Locale.ROOT, "%6s", TensorText.compact(w[i])));
                if (i % 3 == 2 && i < 8) {
                    sb.append('\n');
                }
            }
            WidgetViews.show(kernel, sb);
            refresh.run();
        });
        card.addView(kernel);
        card.addView(images);
        new DrawingPad(card, "conv2d_", true, ConvolutionDemo.seven(), image -> {
            state.input = image;
            refresh.run();
        });
        return card;
    }
}
