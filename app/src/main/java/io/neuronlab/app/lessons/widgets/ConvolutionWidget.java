package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import io.neuronlab.app.R;
import io.neuronlab.app.draw.MnistInputView;
import io.neuronlab.mllib.digits.GrayImage;

/** A 3×3 kernel picked from the list, applied by mllib's Conv2d to a 28×28 digit: input and output side by side. */
public final class ConvolutionWidget implements WidgetFactory {
    @Override
    public View create(Context context) {
        LinearLayout card = WidgetViews.card(context, R.string.widget_conv2d_title);
        GrayImage image = ConvolutionDemo.seven();
        LinearLayout images = new LinearLayout(context);
        MnistInputView input = new MnistInputView(context);
        MnistInputView output = new MnistInputView(context);
        input.setInput(image);
        input.setContentDescription(context.getString(R.string.widget_conv2d_input));
        output.setTag("conv2d_image");
        LinearLayout.LayoutParams params = new LinearLayout.LayoutParams(WidgetViews.dp(context, 120),
                WidgetViews.dp(context, 120));
        params.rightMargin = WidgetViews.dp(context, 12);
        images.addView(input, params);
        images.addView(output, new LinearLayout.LayoutParams(WidgetViews.dp(context, 120), WidgetViews.dp(context, 120)));
        TextView kernel = WidgetViews.mono(context);
        kernel.setTag("conv2d_kernel");
        String[] names = context.getResources().getStringArray(R.array.widget_conv2d_kernels);
        WidgetViews.choices(card, names, "conv2d_", k -> {
            output.setInput(ConvolutionDemo.visible(ConvolutionDemo.apply(image, k), 28, 28));
            float[] w = ConvolutionDemo.KERNELS[k];
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                sb.append(String.format(java.util.Locale.ROOT, "%6s", TensorText.compact(w[i])));
                if (i % 3 == 2 && i < 8) {
                    sb.append('\n');
                }
            }
            WidgetViews.show(kernel, sb);
            output.setContentDescription(context.getString(R.string.widget_conv2d_output, names[k]));
        });
        card.addView(kernel);
        card.addView(images);
        return card;
    }
}
