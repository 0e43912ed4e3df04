package io.neuronlab.app.lessons;

import android.content.Intent;
import android.os.Bundle;
import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.R;
import io.neuronlab.app.lessons.speed.SpeedLessonActivity;

/** Lessons with live widgets. Placeholder until the lessons land (their own issue). */
public class LessonsActivity extends FeatureActivity {
    public LessonsActivity() {
        super(R.layout.activity_lessons, R.string.lessons_title);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        findViewById(R.id.lessons_speed).setOnClickListener(
                v -> startActivity(new Intent(this, SpeedLessonActivity.class)));
    }
}
