package io.neuronlab.app.home;

import android.app.Activity;
import io.neuronlab.app.R;
import io.neuronlab.app.about.AboutActivity;
import io.neuronlab.app.camera.CameraActivity;
import io.neuronlab.app.draw.DrawActivity;
import io.neuronlab.app.lessons.LessonsActivity;
import io.neuronlab.app.settings.SettingsActivity;
import io.neuronlab.app.train.TrainActivity;

/**
 * The screens reachable from home. Naming scheme: feature {@code x} lives in package
 * {@code io.neuronlab.app.x} as {@code XActivity}, with its home entry {@code R.id.home_x} and its
 * strings in {@code res/values/strings_x.xml}.
 */
public enum Feature {
    DRAW(R.id.home_draw, DrawActivity.class),
    CAMERA(R.id.home_camera, CameraActivity.class),
    TRAIN(R.id.home_train, TrainActivity.class),
    LESSONS(R.id.home_lessons, LessonsActivity.class),
    SETTINGS(R.id.home_settings, SettingsActivity.class),
    ABOUT(R.id.home_about, AboutActivity.class);

    /** The view on the home screen that opens this feature. */
    public final int homeEntryId;
    public final Class<? extends Activity> activity;

    Feature(int homeEntryId, Class<? extends Activity> activity) {
        this.homeEntryId = homeEntryId;
        this.activity = activity;
    }
}
