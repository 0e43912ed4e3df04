package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.graphics.Typeface;
import android.graphics.drawable.GradientDrawable;
import android.util.TypedValue;
import android.widget.LinearLayout;
import android.widget.SeekBar;
import android.widget.TextView;
import androidx.core.content.ContextCompat;
import io.neuronlab.app.R;
import java.util.Locale;

/** The pieces every widget is built from, so that they all look alike: a card, a labelled slider, a readout. */
public final class WidgetViews {
    private WidgetViews() {
    }

    /** A vertical card in the theme's surface-variant colour, with a title line. */
    public static LinearLayout card(Context context, int titleId) {
        LinearLayout card = new LinearLayout(context);
        card.setOrientation(LinearLayout.VERTICAL);
        int pad = dp(context, 12);
        card.setPadding(pad, pad, pad, pad);
        GradientDrawable background = new GradientDrawable();
        background.setColor(ContextCompat.getColor(context, R.color.surface_variant));
        background.setCornerRadius(dp(context, 12));
        card.setBackground(background);
        LinearLayout.LayoutParams params = new LinearLayout.LayoutParams(
                LinearLayout.LayoutParams.MATCH_PARENT, LinearLayout.LayoutParams.WRAP_CONTENT);
        params.topMargin = dp(context, 8);
        params.bottomMargin = dp(context, 8);
        card.setLayoutParams(params);
        TextView title = text(context, 16);
        title.setTypeface(Typeface.DEFAULT_BOLD);
        title.setText(titleId);
        card.addView(title);
        return card;
    }

    /** Body text in the card's colour; size in sp, so it follows the system font scale. */
    public static TextView text(Context context, float sizeSp) {
        TextView view = new TextView(context);
        view.setTextSize(TypedValue.COMPLEX_UNIT_SP, sizeSp);
        view.setTextColor(ContextCompat.getColor(context, R.color.on_surface_variant));
        view.setPadding(0, dp(context, 4), 0, dp(context, 4));
        return view;
    }

    /** Monospaced text for numbers laid out in columns (tables, matrices). */
    public static TextView mono(Context context) {
        TextView view = text(context, 14);
        view.setTypeface(Typeface.MONOSPACE);
        return view;
    }

    public static int dp(Context context, float dp) {
        return Math.round(dp * context.getResources().getDisplayMetrics().density);
    }

    /** Formats a number for a readout the same way everywhere (4 significant digits, "NaN", "∞"). */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        double abs = Math.abs(value);
        if (abs != 0 && (abs < 1e-3 || abs >= 1e5)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** One choice is picked from {@code labels} (a row of radio buttons tagged {@code tagPrefix + index}). */
    public interface Choice {
        void picked(int index);
    }

    /** A horizontal row of radio buttons; the first is checked and reported at once. */
    public static android.widget.RadioGroup choices(LinearLayout parent, String[] labels, String tagPrefix,
                                                    Choice listener) {
        Context context = parent.getContext();
        android.widget.RadioGroup group = new android.widget.RadioGroup(context);
        group.setOrientation(android.widget.RadioGroup.HORIZONTAL);
        for (int i = 0; i < labels.length; i++) {
            android.widget.RadioButton button = new android.widget.RadioButton(context);
            button.setId(android.view.View.generateViewId());
            button.setText(labels[i]);
            button.setTextColor(ContextCompat.getColor(context, R.color.on_surface_variant));
            button.setTag(tagPrefix + i);
            int index = i;
            button.setOnClickListener(v -> listener.picked(index));
            group.addView(button);
        }
        android.widget.HorizontalScrollView scroll = new android.widget.HorizontalScrollView(context);
        scroll.addView(group);
        parent.addView(scroll);
        ((android.widget.RadioButton) group.getChildAt(0)).setChecked(true);
        listener.picked(0);
        return group;
    }

    /** Sets a readout's text and its content description (what TalkBack reads). */
    public static void show(TextView view, CharSequence text) {
        view.setText(text);
        view.setContentDescription(text);
    }

    /**
     * A slider over [min, max] in {@code steps} equal steps, with a label "name = value" above it; the
     * listener hears every value (also the first). The SeekBar's content description is the label.
     */
    public static final class Slider {
        public interface Listener {
            void changed(double value);
        }

        private final String name;
        private final double min;
        private final double max;
        private final int steps;
        private final TextView label;
        private final SeekBar bar;
        private Listener listener = v -> { };

        public Slider(LinearLayout parent, String name, double min, double max, int steps, double initial) {
            Context context = parent.getContext();
            this.name = name;
            this.min = min;
            this.max = max;
            this.steps = steps;
            label = text(context, 14);
            bar = new SeekBar(context);
            bar.setMax(steps);
            bar.setProgress((int) Math.round((initial - min) / (max - min) * steps));
            bar.setOnSeekBarChangeListener(new SeekBar.OnSeekBarChangeListener() {
                @Override
                public void onProgressChanged(SeekBar seekBar, int progress, boolean fromUser) {
                    update();
                }

                @Override
                public void onStartTrackingTouch(SeekBar seekBar) {
                }

                @Override
                public void onStopTrackingTouch(SeekBar seekBar) {
                }
            });
            parent.addView(label);
            parent.addView(bar);
            update();
        }

        public Slider onChange(Listener listener) {
            this.listener = listener;
            update();
            return this;
        }

        public double value() {
            return min + (max - min) * bar.getProgress() / steps;
        }

        public SeekBar seekBar() {
            return bar;
        }

        /**
         * Whether every position is a whole number (counts, sizes, steps, an integer exponent): such a slider's
         * value is shown as "5", not "5.0000".
         */
        public boolean integral() {
            double step = (max - min) / steps;
            return min == Math.rint(min) && step == Math.rint(step);
        }

        /** The value as the label shows it: a whole number for an {@link #integral} slider, else 4 decimals. */
        public String shown() {
            return integral() ? Long.toString(Math.round(value())) : number(value());
        }

        private void update() {
            String text = name + " = " + shown();
            label.setText(text);
            bar.setContentDescription(text);
            listener.changed(value());
        }
    }
}
