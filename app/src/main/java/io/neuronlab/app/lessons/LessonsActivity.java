package io.neuronlab.app.lessons;

import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.R;

/** Lessons with live widgets. Placeholder until the lessons land (their own issue). */
public class LessonsActivity extends FeatureActivity {
    public LessonsActivity() {
        super(R.layout.activity_lessons, R.string.lessons_title);
    }
}
