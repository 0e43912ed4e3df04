package io.neuronlab.app.lessons.widgets;

import android.content.Context;
import android.view.View;

/** Makes one kind of widget's view. The computation lives in a plain Java class beside it. */
public interface WidgetFactory {
    View create(Context context);
}
