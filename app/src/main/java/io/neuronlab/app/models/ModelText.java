package io.neuronlab.app.models;

import android.content.Context;
import io.neuronlab.app.R;
import java.text.DateFormat;
import java.util.Date;

/** How a model is named and described on screen (the model list, the comparison's choices and results). */
public final class ModelText {
    private ModelText() {
    }

    /** "Built-in digit model", "lenet · lab run", "Your personal model", "Imported: my-net.nlmf". */
    public static String title(Context context, ModelEntry e) {
        switch (e.kind()) {
            case BUILT_IN:
                return context.getString(R.string.models_built_in);
            case LAB_RUN:
                return context.getString(R.string.models_lab_run, String.valueOf(e.network()));
            case PERSONAL:
                return context.getString(R.string.models_personal);
            default:
                return context.getString(R.string.models_imported_title, e.fileName());
        }
    }

    /** A shorter name for choosers: the title plus the time for library files (several may share a title). */
    public static String choice(Context context, ModelEntry e) {
        return e.builtIn() ? title(context, e) : title(context, e) + " · " + date(context, e);
    }

    /** "5 Dec 2026 13:40 · 2 conv + 2 dense layers · test accuracy 98.7%", or why the file does not load. */
    public static String details(Context context, ModelEntry e) {
        if (e.damage() != null) {
            return context.getString(R.string.models_damaged, e.damage());
        }
        String layers = context.getString(R.string.models_layers, e.convLayers(), e.denseLayers());
        String accuracy = Float.isNaN(e.testAccuracy()) ? context.getString(R.string.models_accuracy_unknown)
                : context.getString(R.string.models_accuracy, 100f * e.testAccuracy());
        return e.builtIn() ? context.getString(R.string.models_details_built_in, layers, accuracy)
                : context.getString(R.string.models_details, date(context, e), layers, accuracy);
    }

    private static String date(Context context, ModelEntry e) {
        java.util.Locale locale = context.getResources().getConfiguration().getLocales().get(0);
        return DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, locale)
                .format(new Date(e.savedAtMillis()));
    }
}
