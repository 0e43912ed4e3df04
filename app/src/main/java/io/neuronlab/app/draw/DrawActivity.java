package io.neuronlab.app.draw;

import io.neuronlab.app.FeatureActivity;
import io.neuronlab.app.R;

/** Draw a digit and see it recognised. Placeholder until the drawing pad lands (its own issue). */
public class DrawActivity extends FeatureActivity {
    public DrawActivity() {
        super(R.layout.activity_draw, R.string.draw_title);
    }
}
