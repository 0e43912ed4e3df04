package io.neuronlab.app;

import android.content.Context;
import androidx.appcompat.app.AppCompatActivity;
import io.neuronlab.app.lessons.Languages;

/**
 * Every screen's base: its resources are in the language chosen in the app (English, 简体中文) or else the
 * system's. AppCompat (below API 33) and the platform (API 33 and later) apply the choice too; doing it here as
 * well makes it hold wherever a screen's context is created — the same on every API level and on the JVM.
 */
public abstract class NeuronLabActivity extends AppCompatActivity {
    @Override
    protected void attachBaseContext(Context base) {
        super.attachBaseContext(Languages.wrap(base));
    }
}
